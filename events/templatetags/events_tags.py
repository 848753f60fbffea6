"""Template tags of the programme: an occurrence's dates in its own time zone, and the
"What's next" section of the home and partner pages."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django import template
from django.utils import timezone

from heritagehub.cache import cached
from heritagehub.i18n import active_language
from heritagehub.templatetags.heritagehub_tags import _request

from ..whats_on import upcoming

register = template.Library()
WHATS_NEXT = 3
WHATS_NEXT_SECONDS = 300


@dataclass(frozen=True)
class When:
    """Local (naive) start and end of an occurrence, as the place's clock shows them."""

    start: datetime
    end: datetime | None
    all_day: bool
    zone: str

    @property
    def same_day(self):
        return self.end is None or self.end.date() == self.start.date()

    @property
    def iso_start(self):
        return self.start.date().isoformat() if self.all_day else self.start.isoformat()

    @property
    def iso_end(self):
        if self.end is None:
            return ""
        return self.end.date().isoformat() if self.all_day else self.end.isoformat()


@register.simple_tag
def when(occurrence, event=None):
    """The dates of an occurrence (an EventOccurrence with its ``page``) in its event's zone."""
    event = event or occurrence.page
    zone = event.zone
    start = occurrence.starts_at.astimezone(zone).replace(tzinfo=None)
    end = occurrence.ends_at.astimezone(zone).replace(tzinfo=None)
    if occurrence.all_day:
        end = end - timedelta(days=1)  # stored: the midnight after the last day
    elif end == start:
        end = None
    return When(start, end, occurrence.all_day, event.time_zone)


@register.inclusion_tag("events/includes/whats_next.html", takes_context=True)
def whats_next(context, partner=None, heading_id="whats-next"):
    """The next events of the hub (or of ``partner``): nothing when none is coming."""
    request = _request(context)
    now = timezone.now()
    # Kept for the current generation (any publish refreshes it) and at most a few minutes,
    # as events end: the home page shows it on every visit, at no query.
    slot = int(now.timestamp() // WHATS_NEXT_SECONDS)
    scope = partner.translation_key if partner else "hub"
    key = f"events:whats_next:{scope}:{active_language()}:{slot}"
    return {
        "occurrences": cached(key, lambda: upcoming(WHATS_NEXT, partner=partner, now=now), request),
        "partner": partner,
        "heading_id": heading_id,
        "request": request,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
        "page": context.get("page"),
    }
