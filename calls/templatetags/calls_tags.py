"""Calls on other apps' pages: a partner's open calls (templates/calls/includes/partner_calls.html).

A template tag rather than PartnerPage code, so that partners, which calls depends on, does
not depend on calls.
"""

from typing import NamedTuple

from django import template
from django.utils import timezone

from heritagehub import cache
from heritagehub.i18n import descendants_of_translations, url_in_language
from partners.models import PartnerPage

from ..models import CallIndexPage, CallPage

register = template.Library()

PARTNER_CALLS_SHOWN = 6


class PartnerCalls(NamedTuple):
    calls: list
    listing_url: str | None


def _calls_index():
    return CallIndexPage.objects.live().order_by("depth", "pk").first()


@register.simple_tag
def partner_open_calls(partner):
    """The partner's open calls, nearest deadline first, and its filtered calls listing."""
    if not isinstance(partner, PartnerPage):
        return PartnerCalls([], None)
    calls = descendants_of_translations(partner, CallPage.listed(), children_only=True).filter(
        CallPage.open_filter(timezone.now())
    )
    calls = list(calls.order_by("deadline", "title")[:PARTNER_CALLS_SHOWN])
    if not calls:
        return PartnerCalls([], None)
    index = cache.cached("calls:index", _calls_index)
    url = f"{url_in_language(index)}?partner={partner.slug}" if index else None
    return PartnerCalls(calls, url)
