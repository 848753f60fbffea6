"""Template tags of the partner directory and the partner pages."""

from django import template
from django.utils.translation import get_language

from heritagehub.cache import cached
from partners.models import PartnerPage
from partners.monogram import monogram

register = template.Library()


@register.inclusion_tag("includes/monogram.html")
def partner_monogram(name, size="card"):
    """An SVG monogram for a partner without a logo (``partners.monogram``)."""
    return {"monogram": monogram(name), "size": size}


@register.simple_tag(takes_context=True)
def partner_name(context, page):
    """The name of the partner a page sits under (``home/partners/<slug>/…``), in the
    visitor's language, from one cached lookup of every partner's name."""
    parts = page.url_path.strip("/").split("/")
    if len(parts) < 3 or parts[1] != "partners":
        return ""
    names = cached(
        f"partner-names:{get_language()}", PartnerPage.names_by_slug, context.get("request")
    )
    return names.get(parts[2], "")
