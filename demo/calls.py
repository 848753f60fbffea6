"""Open calls of the demo partners, written in Italian and translated into English.

One record a call in ``content/calls/``; the calls index is ``content/pages/calls.yaml``.

From the seed documents' facts, in our own words: Tabakalera's artist residencies, the
Emilia-Romagna Culture and Creativity Hub, which supports regional calls (bandi) and takes
new spokes through a public expression of interest, the Brussels Creative District's
showcase spaces, Polo del '900's educational work. Dates are counted from the day
``load_demo`` runs, so the demo always has calls closing today, tomorrow, in a few days,
opening soon, and a few already closed in the archive.

The calls index is translated into all five languages like the hub's other index pages; the
calls themselves into English (the other languages show them with the "not yet translated"
notice, as partners' stories).
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import timezone

from calls.models import CallKind, CallPage
from calls.schedule import zone
from partners.models import Sector

from .base import Bi, Strings
from .pages import add_site_page
from .records import add_pages, clock, records


@dataclass
class CallText:
    slug: str
    parent: str  # "hub" for the calls index, else a partner slug
    kind: str
    title: Bi
    summary: Bi
    offer: list
    how_to_apply: list
    opens_in_days: int  # from the day the demo loads; negative: already open
    closes_in_days: int
    closes_at: str = "23:59"
    time_zone: str = "Europe/Rome"
    sectors: list = field(default_factory=list)
    regions: Bi | None = None
    career_stage: str = "any"
    eligibility: list = field(default_factory=list)
    application_url: str = ""
    contact_name: str = ""
    contact_email: str = ""


CALLS = records("calls", CallText)


def _moment(today, days, at, time_zone):
    return timezone.make_aware(datetime.combine(today + timedelta(days=days), at), zone(time_zone))


def call_page(text, today):
    strings = Strings()
    kind = CallKind.objects.get(slug=text.kind, locale__language_code="it")
    page = CallPage(
        title=strings(text.title),
        slug=text.slug,
        kind=kind,
        summary=strings(text.summary),
        opens_at=_moment(today, text.opens_in_days, time(9, 0), text.time_zone),
        deadline=_moment(today, text.closes_in_days, clock(text.closes_at), text.time_zone),
        time_zone=text.time_zone,
        regions=strings(text.regions),
        career_stage=text.career_stage,
        eligibility=strings.rich(*text.eligibility) if text.eligibility else "",
        offer=strings.rich(*text.offer),
        how_to_apply=strings.rich(*text.how_to_apply),
        application_url=text.application_url,
        contact_name=text.contact_name,
        contact_email=text.contact_email,
    )
    strings.keep(text.contact_name)
    page.sectors = list(Sector.objects.filter(slug__in=text.sectors, locale__language_code="it"))
    return page, strings


def load_calls(pages, partner_pages, stats, today=None):
    """The calls index in five languages and the demo calls in Italian and English."""
    today = today or timezone.localdate()
    index = add_site_page(pages, pages["it"]["home"], "calls", stats, kind="index pages")
    created = add_pages(
        CALLS,
        parent_of=lambda text: index if text.parent == "hub" else partner_pages[text.parent],
        build=lambda text: call_page(text, today),
        languages_of=lambda text, parent, page: ["en"],
        stats=stats,
        kind="calls",
    )
    return index, created
