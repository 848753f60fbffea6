"""Template tags for maps (maps, docs/maps.md): a small map of one place, and
links with a query string."""

from urllib.parse import urlencode

from django import template

from maps import BoundingBox, Marker, draw_map

register = template.Library()


@register.simple_tag
def point_map(latitude, longitude, label, url="", title="", span=6.0, width=480, height=300):
    """A small map of one place (e.g. an item's or a partner's), ``span`` degrees across,
    its marker a link to ``url`` named ``label``; "" without coordinates."""
    if latitude is None or longitude is None:
        return ""
    latitude, longitude = float(latitude), float(longitude)
    box = BoundingBox.around([(latitude, longitude)], padding=0, minimum_span=float(span))
    return draw_map(
        [Marker(latitude, longitude, label, url)],
        title=title or label,
        bbox=box,
        width=width,
        height=height,
    )


@register.simple_tag
def query_url(base, fragment="", **params):
    """``base?param=value…#fragment``, the values URL-encoded; empty values left out."""
    pairs = [(key, value) for key, value in params.items() if value not in (None, "")]
    url = f"{base}?{urlencode(pairs)}" if pairs else base
    return f"{url}#{fragment}" if fragment else url
