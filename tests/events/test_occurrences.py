"""Events expanded into stored occurrences (events.occurrences)."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from events.models import EventOccurrence
from events.occurrences import HORIZON, refresh_all
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")
NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def occurrences(event):
    return list(EventOccurrence.objects.filter(translation_key=event.translation_key))


@time_machine.travel(NOW, tick=False)
def test_a_weekly_event_stays_at_seven_in_rome_across_daylight_saving(tree):
    event = EventPageFactory(
        parent=tree.partner,
        start_date=date(2027, 3, 21),  # Italy moves to summer time on Sunday 28 March
        start_time=time(19),
        end_time=time(21),
        recurrence="FREQ=WEEKLY;COUNT=3",
    )
    rows = occurrences(event)
    assert [row.starts_at.astimezone(ROME).hour for row in rows] == [19, 19, 19]
    assert [row.starts_at.astimezone(UTC).hour for row in rows] == [18, 17, 17]
    assert all((row.ends_at - row.starts_at).total_seconds() == 7200 for row in rows)
    assert [row.is_last for row in rows] == [False, False, True]


@time_machine.travel(NOW, tick=False)
def test_the_dates_left_out_are_not_stored(tree):
    event = EventPageFactory(
        parent=tree.partner,
        start_date=date(2027, 3, 6),
        recurrence="FREQ=WEEKLY;BYDAY=SA;COUNT=4",
        exceptions="2027-03-13\n2027-03-20",
    )
    days = [row.starts_at.astimezone(ROME).date() for row in occurrences(event)]
    assert days == [date(2027, 3, 6), date(2027, 3, 27)]


@time_machine.travel(NOW, tick=False)
def test_an_all_day_exhibition_runs_from_midnight_to_midnight_in_its_zone(tree):
    event = EventPageFactory(
        parent=tree.partner,
        start_date=date(2027, 3, 1),
        end_date=date(2027, 6, 30),
        start_time=None,
        end_time=None,
    )
    (row,) = occurrences(event)
    assert row.all_day
    assert row.starts_at == datetime(2027, 3, 1, tzinfo=ROME)
    assert row.ends_at == datetime(2027, 7, 1, tzinfo=ROME)


@time_machine.travel(NOW, tick=False)
def test_an_event_in_another_time_zone_is_stored_at_its_own_instant(tree):
    event = EventPageFactory(
        parent=tree.partner,
        start_date=date(2027, 3, 10),
        start_time=time(18),
        end_time=time(19),
        time_zone="America/New_York",
    )
    (row,) = occurrences(event)
    assert row.starts_at == datetime(2027, 3, 10, 23, 0, tzinfo=UTC)  # EST until the 14th


@time_machine.travel(NOW, tick=False)
def test_expansion_stops_at_the_horizon(tree):
    event = EventPageFactory(
        parent=tree.partner, start_date=date(2027, 3, 2), recurrence="FREQ=DAILY;COUNT=5000"
    )
    rows = occurrences(event)
    assert rows[-1].starts_at <= NOW + HORIZON
    assert 700 < len(rows) < 800


@time_machine.travel(NOW, tick=False)
def test_unpublishing_removes_the_occurrences_and_publishing_brings_them_back(tree):
    event = EventPageFactory(parent=tree.partner)
    assert occurrences(event)
    event.unpublish()
    assert not occurrences(event)
    event.save_revision().publish()
    assert len(occurrences(event)) == 1


@time_machine.travel(NOW, tick=False)
def test_deleting_an_event_deletes_its_occurrences(tree):
    event = EventPageFactory(parent=tree.partner)
    key = event.translation_key
    event.delete()
    assert not EventOccurrence.objects.filter(translation_key=key).exists()


@time_machine.travel(NOW, tick=False)
def test_a_published_change_of_dates_replaces_the_occurrences(tree):
    event = EventPageFactory(parent=tree.partner)
    event.start_date = date(2027, 4, 1)
    event.save_revision().publish()
    (row,) = occurrences(event)
    assert row.starts_at.astimezone(ROME).date() == date(2027, 4, 1)


@time_machine.travel(NOW, tick=False)
def test_the_command_rebuilds_every_event_and_drops_orphans(tree, capsys):
    event = EventPageFactory(parent=tree.partner, recurrence="FREQ=DAILY;COUNT=3")
    EventOccurrence.objects.filter(translation_key=event.translation_key).delete()
    call_command("refresh_occurrences")
    assert len(occurrences(event)) == 3
    assert "1 events, 3 occurrences" in capsys.readouterr().out
    assert refresh_all() == (1, 3)


@time_machine.travel(NOW, tick=False)
def test_an_event_at_the_partners_address_takes_its_city(tree):
    tree.partner.city = "Bologna"
    tree.partner.save()
    event = EventPageFactory(parent=tree.partner, venue_name="", venue_city="")
    (row,) = occurrences(event)
    assert row.city == "Bologna"
    assert row.partner_slug == tree.partner.slug
    assert tree.partner.title in row.place
