"""Events expanded into occurrences: what the listings, the home page and the feeds read.

An event's occurrences are rebuilt as a whole from one live translation whenever the
event is published, unpublished, moved or deleted (signals in events.apps), and for
every event by ``manage.py refresh_occurrences`` (nightly: the horizon moves with the
days, and a partner renamed or moved reaches its events). The dates are synchronised
between translations, so the rows belong to the translation key, not to one language.

Recurrences are expanded in the event's own time zone, by wall-clock time: a workshop at
19:00 in Rome stays at 19:00 when Italy moves to summer time, and its stored instants
move by an hour. Expansion stops at ``HORIZON`` from now and after ``MAX_OCCURRENCES``.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from heritagehub.calendar import parse_rrule
from heritagehub.i18n import language_order

from .models.event import EventOccurrence, EventPage

HORIZON = timedelta(days=2 * 365)
MAX_OCCURRENCES = 1000


def expand(event, now=None):
    """[(starts_at, ends_at)] of ``event``: aware datetimes; whole days in the event's zone
    for all-day events. Without a recurrence, its one occurrence."""
    first_start, first_end = event.instants()
    if not event.recurrence:
        return [(first_start, first_end)]
    now = now or timezone.now()
    horizon = now + HORIZON
    tz = event.zone
    # Durations in wall-clock time: a 2-hour talk is 2 hours whatever the offset change.
    local_start = first_start.replace(tzinfo=None)
    duration = first_end.astimezone(tz).replace(tzinfo=None) - local_start
    excluded = set(event.exception_dates)
    rule = parse_rrule(
        event.recurrence, datetime.combine(event.start_date, first_start.astimezone(tz).time(), tz)
    )
    occurrences = []
    for start in rule:
        if start > horizon or len(occurrences) >= MAX_OCCURRENCES:
            break
        if start.date() in excluded:
            continue
        naive = start.replace(tzinfo=None)
        occurrences.append((naive.replace(tzinfo=tz), (naive + duration).replace(tzinfo=tz)))
    return occurrences


def source_of(translation_key):
    """The live translation occurrences are built from: in the hub's language order."""
    live = {
        page.locale.language_code: page
        for page in EventPage.objects.live()
        .filter(translation_key=translation_key)
        .select_related("locale", "kind")
    }
    for code in language_order(None):
        if code in live:
            return live[code]
    return next(iter(live.values()), None)


def rows_for(event, now=None):
    """Unsaved EventOccurrence rows of a live event."""
    partner = event.partner
    venue = event.venue(partner)
    occurrences = expand(event, now)
    languages = "".join(f",{code}" for code in event.language_codes)
    common = {
        "translation_key": event.translation_key,
        "event": event,
        "all_day": event.all_day,
        "kind_slug": event.kind.slug,
        "partner_slug": partner.slug if partner else "",
        "partner_key": partner.translation_key if partner else None,
        "city": (venue.city if venue else "")[:120],
        "place": (venue.text if venue else "")[:700],
        "latitude": venue.latitude if venue else None,
        "longitude": venue.longitude if venue else None,
        "is_free": event.is_free,
        "is_online": event.is_online,
        "languages": f"{languages}," if languages else "",
        "status": event.status,
    }
    last = len(occurrences) - 1
    return [
        EventOccurrence(starts_at=start, ends_at=end, is_last=index == last, **common)
        for index, (start, end) in enumerate(occurrences)
    ]


def refresh(translation_key, now=None):
    """Rebuild the occurrences of the event with ``translation_key`` (none when no
    translation is live). Returns the number of rows written."""
    with transaction.atomic():
        EventOccurrence.objects.filter(translation_key=translation_key).delete()
        source = source_of(translation_key)
        if source is None:
            return 0
        rows = rows_for(source, now)
        EventOccurrence.objects.bulk_create(rows, batch_size=500)
        return len(rows)


def refresh_all(now=None):
    """Rebuild every event's occurrences; returns (events, rows)."""
    keys = list(EventPage.objects.live().values_list("translation_key", flat=True).distinct())
    with transaction.atomic():
        EventOccurrence.objects.exclude(translation_key__in=keys).delete()
        rows = sum(refresh(key, now) for key in keys)
    return len(keys), rows


def on_event_changed(sender, instance, **kwargs):
    """page_published, page_unpublished, post_page_move of an EventPage: sent once the
    page is saved, inside the publishing transaction, so the rows change with it."""
    refresh(instance.translation_key)


def on_event_deleted(sender, instance, **kwargs):
    """Deleting one translation leaves the others' occurrences, rebuilt from another one."""
    if Page.objects.filter(translation_key=instance.translation_key).exists():
        refresh(instance.translation_key)
