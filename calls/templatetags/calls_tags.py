"""Calls on other apps' pages: a partner's open calls (templates/calls/includes/partner_calls.html)
and the home page's open calls closing soon (templates/calls/includes/closing_soon.html).

Template tags rather than PartnerPage or HomePage code, so that partners, which calls depends
on, and home do not depend on calls.
"""

from datetime import timedelta
from typing import NamedTuple

from django import template
from django.utils import timezone

from heritagehub import cache
from heritagehub.i18n import descendants_of_translations, url_in_language
from heritagehub.templatetags.heritagehub_tags import _request
from partners.models import PartnerPage

from .. import schedule
from ..listing import closing_soon
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


@register.inclusion_tag("calls/includes/closing_soon.html", takes_context=True)
def calls_closing_soon(context, heading_id="calls-closing-soon"):
    """The hub's open calls nearest their deadline, and a link to all of them: nothing when
    no call is open."""
    request = _request(context)
    now = timezone.now()
    soon = closing_soon(request, now=now)
    # The list changes at the next deadline or opening (a first call opening makes the
    # section appear), the badges with the day: the page is kept no longer than that.
    cache.changes_at(request, soon.changes_at)
    if soon.calls:
        cache.changes_at(request, now + timedelta(seconds=schedule.seconds_until_next_hour(now)))
    index = cache.cached("calls:index", _calls_index) if soon.calls else None
    return {
        "calls": soon.calls,
        "calls_url": url_in_language(index) if index else None,
        "heading_id": heading_id,
        "request": request,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "page": context.get("page"),
    }
