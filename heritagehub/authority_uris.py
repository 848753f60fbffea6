"""URIs of the Linked Open Data authorities a vocabulary term may be tied to.

A term's URI is what Europeana (a ``skos:Concept`` in the EDM records) and other
harvesters match on, so the hub stores one spelling of each concept: the canonical URI
its authority publishes as the concept's identifier (``http://``, the entity rather than
the web page about it). Editors paste what their browser shows — ``https://``, the Getty's
``/page/aat/`` page, Wikidata's ``/wiki/`` page — and the hub writes it the canonical way.

``AUTHORITIES`` is the list to extend when the hub links to another authority (GeoNames,
VIAF …): a name, the pattern an editor's URI must match, the canonical form.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Authority:
    name: str
    pattern: re.Pattern  # its ``id`` group is the concept's identifier
    canonical: str  # a format with ``{id}``
    example: str


AUTHORITIES = (
    Authority(
        "Getty AAT",
        re.compile(r"^https?://vocab\.getty\.edu/(?:page/)?aat/(?P<id>\d+)/?$"),
        "http://vocab.getty.edu/aat/{id}",
        "http://vocab.getty.edu/aat/300033618",
    ),
    Authority(
        "Wikidata",
        re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(?P<id>Q\d+)/?$"),
        "http://www.wikidata.org/entity/{id}",
        "http://www.wikidata.org/entity/Q3305213",
    ),
)


def authority_of(uri):
    """The ``Authority`` whose pattern ``uri`` matches, or ``None``."""
    uri = (uri or "").strip()
    return next((a for a in AUTHORITIES if a.pattern.match(uri)), None)


def canonical_uri(uri):
    """``uri`` in its authority's canonical form; "" stays ""; anything else is refused
    with a ``ValidationError`` naming the authorities accepted."""
    uri = (uri or "").strip()
    if not uri:
        return ""
    authority = authority_of(uri)
    if authority is None:
        raise ValidationError(
            _(
                "“%(uri)s” is not a URI of a known vocabulary. Give a Getty AAT URI, such as "
                "%(aat)s, or a Wikidata URI, such as %(wikidata)s."
            ),
            code="unknown_authority",
            params={
                "uri": uri,
                "aat": AUTHORITIES[0].example,
                "wikidata": AUTHORITIES[1].example,
            },
        )
    return authority.canonical.format(id=authority.pattern.match(uri).group("id"))


def validate_authority_uri(value):
    canonical_uri(value)
