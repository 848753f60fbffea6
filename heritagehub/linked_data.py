"""schema.org JSON-LD of the public pages: the pieces every app's description shares.

Each app describes its own pages (``heritage_collections.linked_data``,
``stories.linked_data``, ``partners.linked_data``, ``home.linked_data``) from what the
page's view already loaded, so a description adds no query to the page. A page offers its
description as ``structured_data(request, context)``; ``{% include "includes/json_ld.html" %}``
in the page's ``<head>`` renders it (``heritagehub.templatetags.linked_data_tags``).

Empty values are left out rather than written as ``""`` or ``null``: a consumer reads a
missing property as "not known", an empty one as a value.
"""

import html
import json
import re
from decimal import Decimal

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from heritagehub.cache import site_for_request
from heritagehub.i18n import active_language, language_code_of, url_in_language

SCHEMA_CONTEXT = "https://schema.org"

# What json_script escapes: nothing in the data can close the <script> element or open a
# comment inside it.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def thing(schema_type, **properties):
    """A schema.org node of ``schema_type`` with the given properties, empty ones left out.

    Properties whose names are not Python identifiers (``query-input``) are passed as
    ``**{"query-input": …}``.
    """
    node = {"@type": schema_type}
    node.update((name, value) for name, value in properties.items() if not _is_empty(value))
    return node


def document(node):
    """A top-level JSON-LD document: the node with the schema.org context."""
    return {"@context": SCHEMA_CONTEXT, **node}


def to_json(data):
    """JSON for a ``<script type="application/ld+json">`` element, escaped as Django's
    ``json_script`` escapes it."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)


def plain_text(value):
    """Rich text as plain text: tags removed, entities decoded, white space collapsed."""
    return re.sub(r"\s+", " ", html.unescape(strip_tags(value or ""))).strip()


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None and url else url


def page_url(page, request):
    """The page's canonical URL: under its own language's prefix, absolute."""
    return absolute(request, url_in_language(page, language_code_of(page.locale_id)))


def content_language(page):
    return language_code_of(page.locale_id)


def hub_name(request):
    site = site_for_request(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def hub_url(request):
    """The hub's home page in the visitor's language."""
    with translation.override(active_language()):
        return absolute(request, reverse("wagtail_serve", args=[""]))


def hub_organization(request):
    """The hub itself: publisher of its own stories, what partners are members of."""
    return thing("Organization", name=hub_name(request), url=hub_url(request))


def site_search_url(request):
    with translation.override(active_language()):
        return absolute(request, reverse("search"))


def page_reference(page, request, schema_type="WebPage"):
    """A short node pointing at another page: its type, name and URL."""
    if page is None:
        return None
    return thing(schema_type, name=page.title, url=page_url(page, request))


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def geo_coordinates(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return thing("GeoCoordinates", latitude=_number(latitude), longitude=_number(longitude))


def place(name, latitude=None, longitude=None, **properties):
    """A Place by name and optional coordinates (None when neither is known)."""
    geo = geo_coordinates(latitude, longitude)
    if not name and geo is None and not any(properties.values()):
        return None
    return thing("Place", name=name, geo=geo, **properties)


def image_object(image, request, caption=""):
    """An image of the hub as an ImageObject: its original file, credit and rights."""
    if image is None:
        return None
    url = absolute(request, image.file.url)
    return thing(
        "ImageObject",
        url=url,
        contentUrl=url,
        width=image.width,
        height=image.height,
        caption=caption or image.alt,
        creditText=image.credit,
        license=image.rights,
    )


def iso_year(year):
    """The hub's year (negative for BCE, no year 0) as ISO 8601 writes it, which counts a
    year 0: 1885 → "1885", 1 BCE → "0000", 500 BCE → "-0499"."""
    astronomical = year + 1 if year < 0 else year
    return f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
