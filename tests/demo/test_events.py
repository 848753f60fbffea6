"""The demo programme (demo.events): dated from the day it loads, in five languages."""

from datetime import UTC, date, datetime

import pytest

from demo.base import Stats
from demo.events import EVENTS, load_events
from events.models import EventOccurrence, EventPage, WhatsOnPage
from partners.models import PartnerPage
from tests.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = {"it", "en", "fr", "de", "es"}
TODAY = date(2027, 10, 6)  # a Wednesday


@pytest.fixture
def loaded(tree, time_machine):
    time_machine.move_to(datetime(2027, 10, 6, 8, tzinfo=UTC), tick=False)
    slugs = {text.parent for text in EVENTS} - {"hub"}
    partners = {slug: PartnerPageFactory(parent=tree.partner_index, slug=slug) for slug in slugs}
    stats = Stats()
    events = load_events({"it": {"home": tree.home}}, partners, stats, today=TODAY)
    return events, stats


def _live_languages(page):
    return set(
        page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True)
    )


def test_whats_on_and_the_hubs_own_events_are_live_in_five_languages(loaded):
    events, _stats = loaded
    hub_events = [
        page for page in events.values() if isinstance(page.get_parent().specific, WhatsOnPage)
    ]
    assert hub_events
    for page in [WhatsOnPage.objects.get(locale__language_code="it"), *hub_events]:
        assert _live_languages(page) == LANGUAGES, page.title


def test_a_partners_event_is_translated_only_where_its_partner_is(loaded):
    """No alias copy of a partner page in another language, Italian text passed off there."""
    events, _stats = loaded
    partner_events = [
        page for page in events.values() if page.get_parent().specific_class is not WhatsOnPage
    ]
    assert partner_events
    for page in partner_events:
        partner = page.get_parent()
        assert _live_languages(page) == _live_languages(partner), page.title
    assert not PartnerPage.objects.filter(alias_of__isnull=False).exists()


def test_the_programme_is_mostly_ahead_with_one_event_in_the_archive(loaded):
    events, _stats = loaded
    now = datetime(2027, 10, 6, 8, tzinfo=UTC)
    upcoming = {row.translation_key for row in EventOccurrence.objects.filter(ends_at__gt=now)}
    past = [page for page in events.values() if page.translation_key not in upcoming]
    assert [page.slug for page in past] == ["incontro-archivi-di-comunita"]
    assert events["laboratorio-scuole-memoria"].start_date == date(2027, 10, 12)  # next Tuesday


def test_a_second_run_changes_nothing(loaded, tree):
    events, _stats = loaded
    pages = EventPage.objects.count()
    stats = Stats()
    partners = {page.slug: page for page in (e.get_parent().specific for e in events.values())}
    load_events({"it": {"home": tree.home}}, partners, stats, today=TODAY)
    assert EventPage.objects.count() == pages
    assert not stats
