"""``{% structured_data %}``: the schema.org JSON-LD of the page being shown.

The page describes itself (``structured_data(request, context)``, see heritagehub.linked_data)
from the context its view built; pages without a description render nothing.
"""

from django import template
from django.utils.safestring import mark_safe

from heritagehub.linked_data import to_json

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's JSON-LD, escaped for a ``<script>`` element, or "" when it has none."""
    page = context.get("page")
    describe = getattr(page, "structured_data", None)
    if describe is None:
        return ""
    data = describe(context.get("request"), context)
    return mark_safe(to_json(data)) if data else ""  # noqa: S308 - escaped by to_json
