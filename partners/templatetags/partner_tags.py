"""Template tags of the partner directory and the partner pages."""

from django import template

from partners.monogram import monogram

register = template.Library()


@register.inclusion_tag("includes/monogram.html")
def partner_monogram(name, size="card"):
    """An SVG monogram for a partner without a logo (``partners.monogram``)."""
    return {"monogram": monogram(name), "size": size}
