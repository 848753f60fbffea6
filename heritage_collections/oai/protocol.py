"""The verbs of OAI-PMH 2.0, their arguments and their errors, as the specification
(http://www.openarchives.org/OAI/openarchivesprotocol.html) defines them.

``parse_request`` turns a request's parameters into a ``Request`` or raises ``OaiError``
with the error codes of section 3.6; the messages name the argument at fault.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

# verb: (required arguments, optional arguments); a resumptionToken is exclusive.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}

DAY_FORMAT = "%Y-%m-%d"
SECONDS_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class OaiError(Exception):
    """One or more protocol errors: (code, message) pairs."""

    def __init__(self, code, message):
        super().__init__(message)
        self.errors = [(code, message)]

    @property
    def echoes_arguments(self):
        """badVerb and badArgument answers echo the base URL only (section 3.2)."""
        return not any(code in ("badVerb", "badArgument") for code, _ in self.errors)


@dataclass
class Request:
    verb: str
    arguments: dict

    def get(self, name, default=None):
        return self.arguments.get(name, default)


def format_datestamp(moment):
    """UTC at the repository's granularity, YYYY-MM-DDThh:mm:ssZ."""
    return moment.astimezone(datetime.UTC).strftime(SECONDS_FORMAT)


def parse_datestamp(name, value):
    """(moment, granularity) of a from/until argument; day granularity is midnight UTC."""
    for granularity in (DAY_FORMAT, SECONDS_FORMAT):
        try:
            moment = datetime.datetime.strptime(value, granularity)
        except ValueError:
            continue
        return moment.replace(tzinfo=datetime.UTC), granularity
    raise OaiError(
        "badArgument",
        f"The argument {name} must be a UTC date YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, "
        f"not {value!r}.",
    )


def parse_request(params):
    """``params`` is a QueryDict (GET or POST). Returns a ``Request``."""
    verbs = params.getlist("verb")
    if not verbs:
        raise OaiError("badVerb", "The argument verb is missing.")
    if len(verbs) > 1:
        raise OaiError("badVerb", "The argument verb is repeated.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OaiError("badVerb", f"{verb!r} is not an OAI-PMH verb.")
    required, optional = VERBS[verb]
    arguments = {}
    for name in params:
        if name == "verb":
            continue
        if name not in required | optional:
            raise OaiError("badArgument", f"{verb} does not take the argument {name}.")
        values = params.getlist(name)
        if len(values) > 1:
            raise OaiError("badArgument", f"The argument {name} is repeated.")
        arguments[name] = values[0]
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", "The argument resumptionToken must be the only argument.")
        return Request(verb, arguments)
    missing = sorted(required - arguments.keys())
    if missing:
        raise OaiError("badArgument", f"{verb} needs the argument {', '.join(missing)}.")
    _check_dates(arguments)
    return Request(verb, arguments)


def _check_dates(arguments):
    dates = {
        name: parse_datestamp(name, arguments[name])
        for name in ("from", "until")
        if name in arguments
    }
    if len(dates) == 2:
        (start, start_granularity), (end, end_granularity) = dates["from"], dates["until"]
        if start_granularity != end_granularity:
            raise OaiError("badArgument", "The arguments from and until differ in granularity.")
        if start > end:
            raise OaiError("badArgument", "The argument from is later than until.")


def date_range(arguments):
    """(lowest, highest) datestamps selected by from/until (both inclusive), or None."""
    start = end = None
    if "from" in arguments:
        start, _granularity = parse_datestamp("from", arguments["from"])
    if "until" in arguments:
        end, granularity = parse_datestamp("until", arguments["until"])
        if granularity == DAY_FORMAT:
            end += datetime.timedelta(days=1, seconds=-1)
    return start, end


def response_date():
    return format_datestamp(timezone.now())
