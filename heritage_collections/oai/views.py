"""The OAI-PMH endpoint: one URL answering the six verbs by GET or POST with text/xml."""

import xml.etree.ElementTree as ET

from django.db.models import F, Min
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLookupMixin
from django.http import HttpResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..models import OaiRecord
from . import records, repository, tokens
from .formats import FORMATS, XSI
from .protocol import OaiError, date_range, format_datestamp, parse_request, response_date

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA_LOCATION = f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
OAI_IDENTIFIER_SCHEMA_LOCATION = (
    f"{OAI_IDENTIFIER} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd"
)
SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"
# The protocol's elements unprefixed, as the specification's examples write them
# (ElementTree's default_namespace option refuses unqualified attributes such as verb).
ET.register_namespace("", OAI)
ET.register_namespace("oai-identifier", OAI_IDENTIFIER)


class RowGreaterThan(TupleGreaterThan):
    """``(datestamp, translation_key) > (…, …)`` as a row-value comparison, which SQLite
    (3.15+) and PostgreSQL answer with a range search on the composite index. Django writes
    it as ORs on SQLite, which scan the index from its start: a page deep in a list of
    100,000 records would cost more than the first."""

    def as_sql(self, compiler, connection):
        return super(TupleLookupMixin, self).as_sql(compiler, connection)


# Records per response: a page's work is the same at any position of a list.
PAGE_SIZES = {"ListRecords": 200, "ListIdentifiers": 1000}


def _sub(parent, name, text=None, namespace=OAI, **attributes):
    node = ET.SubElement(parent, f"{{{namespace}}}{name}", attributes)
    if text is not None:
        node.text = str(text)
    return node


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    root = ET.Element(f"{{{OAI}}}OAI-PMH", {SCHEMA_LOCATION: OAI_SCHEMA_LOCATION})
    _sub(root, "responseDate", response_date())
    base_url = request.build_absolute_uri(request.path)
    echo = _sub(root, "request", base_url)
    try:
        oai_request = parse_request(params)
        # Valid arguments are echoed even when the answer is another error.
        echo.set("verb", oai_request.verb)
        for name, value in oai_request.arguments.items():
            echo.set(name, value)
        HANDLERS[oai_request.verb](root, oai_request, request)
    except OaiError as error:
        if not error.echoes_arguments:
            echo.attrib.clear()
        for code, message in error.errors:
            _sub(root, "error", message, code=code)
    body = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def identify(root, oai_request, request):
    identify = _sub(root, "Identify")
    _sub(identify, "repositoryName", repository.repository_name())
    _sub(identify, "baseURL", request.build_absolute_uri(request.path))
    _sub(identify, "protocolVersion", "2.0")
    _sub(identify, "adminEmail", repository.admin_email())
    earliest = OaiRecord.objects.aggregate(earliest=Min("datestamp"))["earliest"]
    _sub(identify, "earliestDatestamp", format_datestamp(earliest) if earliest else response_date())
    _sub(identify, "deletedRecord", "persistent")
    _sub(identify, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = _sub(identify, "description")
    scheme = _sub(
        description,
        "oai-identifier",
        namespace=OAI_IDENTIFIER,
        **{SCHEMA_LOCATION: OAI_IDENTIFIER_SCHEMA_LOCATION},
    )
    _sub(scheme, "scheme", "oai", namespace=OAI_IDENTIFIER)
    _sub(scheme, "repositoryIdentifier", repository.repository_identifier(), OAI_IDENTIFIER)
    _sub(scheme, "delimiter", ":", namespace=OAI_IDENTIFIER)
    _sub(
        scheme,
        "sampleIdentifier",
        repository.oai_identifier("8a2f9b4e-1c3d-4e5f-9a6b-7c8d9e0f1a2b"),
        namespace=OAI_IDENTIFIER,
    )


def _record_row(identifier):
    key = repository.translation_key_of(identifier)
    row = OaiRecord.objects.filter(translation_key=key).first()
    if row is None:
        raise OaiError("idDoesNotExist", f"No item has the identifier {identifier!r}.")
    return row


def list_metadata_formats(root, oai_request, request):
    if "identifier" in oai_request.arguments:
        _record_row(oai_request.get("identifier"))
    formats = _sub(root, "ListMetadataFormats")
    for metadata_format in FORMATS.values():
        node = _sub(formats, "metadataFormat")
        _sub(node, "metadataPrefix", metadata_format.prefix)
        _sub(node, "schema", metadata_format.schema)
        _sub(node, "metadataNamespace", metadata_format.namespace)


def list_sets(root, oai_request, request):
    if "resumptionToken" in oai_request.arguments:
        # The whole list of sets is always answered at once: no token was ever issued.
        raise OaiError("badResumptionToken", "ListSets issues no resumptionToken.")
    found = repository.sets()
    if not found:
        raise OaiError("noSetHierarchy", "The repository has no sets yet.")
    node = _sub(root, "ListSets")
    for oai_set in found:
        set_node = _sub(node, "set")
        _sub(set_node, "setSpec", oai_set.spec)
        _sub(set_node, "setName", oai_set.name)


def _metadata_format(prefix):
    if prefix not in FORMATS:
        raise OaiError(
            "cannotDisseminateFormat",
            f"The metadataPrefix {prefix!r} is not one of {', '.join(FORMATS)}.",
        )
    return FORMATS[prefix]


def _write_header(parent, record):
    header = _sub(parent, "header", **({"status": "deleted"} if record.deleted else {}))
    _sub(header, "identifier", record.identifier)
    _sub(header, "datestamp", format_datestamp(record.datestamp))
    for spec in record.set_specs:
        _sub(header, "setSpec", spec)


def _write_record(parent, record, metadata_format):
    node = _sub(parent, "record")
    _write_header(node, record)
    if not record.deleted:
        metadata_format.write(_sub(node, "metadata"), record)


def get_record(root, oai_request, request):
    metadata_format = _metadata_format(oai_request.get("metadataPrefix"))
    row = _record_row(oai_request.get("identifier"))
    (record,) = records.load([row], request)
    _write_record(_sub(root, "GetRecord"), record, metadata_format)


def _selection(arguments):
    rows = OaiRecord.objects.order_by("datestamp", "translation_key")
    spec = arguments.get("set")
    if spec:
        rows = rows.filter(**{"collection" if ":" in spec else "partner": spec})
    start, end = date_range(arguments)
    if start:
        rows = rows.filter(datestamp__gte=start)
    if end:
        rows = rows.filter(datestamp__lte=end)
    return rows


def _list(root, oai_request, request, with_metadata):
    verb = oai_request.verb
    if "resumptionToken" in oai_request.arguments:
        position = tokens.read(oai_request.get("resumptionToken"), verb)
    else:
        position = tokens.Position(verb, oai_request.arguments, None, 0, None)
    metadata_format = _metadata_format(position.arguments["metadataPrefix"])
    rows = _selection(position.arguments)
    if position.after:
        datestamp, key = position.after
        rows = rows.filter(
            RowGreaterThan(
                Tuple(F("datestamp"), F("translation_key")), (parse_datetime(datestamp), key)
            )
        )
    elif position.complete_list_size is None:
        position.complete_list_size = rows.count()
        if not position.complete_list_size:
            raise OaiError("noRecordsMatch", "No record matches the arguments.")
    size = PAGE_SIZES[verb]
    page = list(rows[: size + 1])
    more, page = len(page) > size, page[:size]
    container = _sub(root, verb)
    for record in records.load(page, request, with_metadata=with_metadata):
        if with_metadata:
            _write_record(container, record, metadata_format)
        else:
            _write_header(container, record)
    if not more and position.cursor == 0:
        return  # The complete list in one response: no resumptionToken.
    attributes = {
        "completeListSize": str(position.complete_list_size),
        "cursor": str(position.cursor),
    }
    token_node = _sub(container, "resumptionToken", **attributes)
    if more:
        last = page[-1]
        token, expires = tokens.issue(
            tokens.Position(
                verb,
                position.arguments,
                (last.datestamp.isoformat(), str(last.translation_key)),
                position.cursor + len(page),
                position.complete_list_size,
            )
        )
        token_node.text = token
        token_node.set("expirationDate", format_datestamp(expires))


def list_identifiers(root, oai_request, request):
    _list(root, oai_request, request, with_metadata=False)


def list_records(root, oai_request, request):
    _list(root, oai_request, request, with_metadata=True)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
