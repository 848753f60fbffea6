"""A call's life in time: upcoming, open, closed, and how soon it closes.

A call's state is never stored: it is read from the clock, so a call opens at its opening
date and closes at its deadline without anyone republishing it. Days are counted in the
call's own time zone, on the calendar: "closes tomorrow" means the deadline falls on the
next calendar day where the call is run, whatever the visitor's zone and whether a
daylight-saving change makes that day 23 or 25 hours long (docs/calls.md, "Time").
"""

import zoneinfo
from datetime import datetime, timedelta
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext, ngettext

UPCOMING = "upcoming"
OPEN = "open"
CLOSED = "closed"

DEFAULT_TIME_ZONE = "Europe/Rome"


def time_zone_choices():
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


def is_time_zone(name):
    return name in zoneinfo.available_timezones()


def zone(name):
    try:
        return zoneinfo.ZoneInfo(name or DEFAULT_TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)


def state(opens_at, deadline, now=None):
    now = now or timezone.now()
    if now < opens_at:
        return UPCOMING
    if now < deadline:
        return OPEN
    return CLOSED


def days_left(deadline, time_zone, now=None):
    """Calendar days from today to the deadline's day, both in the call's time zone."""
    now = now or timezone.now()
    tz = zone(time_zone)
    return (deadline.astimezone(tz).date() - now.astimezone(tz).date()).days


class Badge(NamedTuple):
    text: str
    urgent: bool  # closes within URGENT_DAYS: shown with more weight


URGENT_DAYS = 3


def closing_badge(deadline, time_zone, now=None):
    """ "Closes today", "Closes tomorrow", "Closes in N days", in the active language."""
    days = days_left(deadline, time_zone, now)
    if days <= 0:
        text = gettext("Closes today")
    elif days == 1:
        text = gettext("Closes tomorrow")
    else:
        text = ngettext("Closes in %(days)d day", "Closes in %(days)d days", days) % {"days": days}
    return Badge(text=text, urgent=days < URGENT_DAYS)


def seconds_until_next_hour(now=None):
    """Until the next full hour: when a day ends in any zone with a whole-hour offset."""
    now = now or timezone.now()
    following = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    return max(1, int((following - now).total_seconds()))


def seconds_until(moment: datetime, now=None):
    now = now or timezone.now()
    return max(1, int((moment - now).total_seconds()))
