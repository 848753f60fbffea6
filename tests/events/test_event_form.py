"""An event's bad dates and places are form errors in the editor, each on its field."""

from datetime import date, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.events.factories import EventPageFactory
from tests.partners.admin_client import PAGE_EDIT, edit_form_data, login
from tests.partners.conftest import refresh

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(tree):
    return EventPageFactory(parent=tree.partner, title="Laboratorio", slug="laboratorio")


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("boss", "boss@example.org", "x")
    return login(client, user)


def errors_of(event, **changes):
    for name, value in changes.items():
        setattr(event, name, value)
    with translation.override("en"):
        with pytest.raises(ValidationError) as raised:
            event.full_clean()
        return {
            name: [str(text) for text in texts] for name, texts in raised.value.message_dict.items()
        }


def post_edit(client, event, **changes):
    """The editor's form as the browser sends it; the empty body is an empty stream."""
    data = edit_form_data(client, event, **changes)
    data["body-count"] = "0"
    return client.post(PAGE_EDIT.format(event.pk), data)


def test_an_end_date_before_the_start_date_is_an_error_on_the_end_date(event):
    errors = errors_of(event, start_date=date(2027, 5, 2), end_date=date(2027, 5, 1))
    assert "ends before it starts" in errors["end_date"][0]


def test_an_end_time_before_the_start_time_is_an_error_on_the_end_time(event):
    errors = errors_of(event, start_time=time(18), end_time=time(17), end_date=None)
    assert "ends before it starts" in errors["end_time"][0]


def test_an_end_time_without_a_start_time_is_an_error(event):
    errors = errors_of(event, start_time=None, end_time=time(17))
    assert "start time" in errors["start_time"][0]


def test_a_latitude_out_of_range_is_an_error(event):
    assert "latitude" in errors_of(event, latitude=95, longitude=7)


def test_a_latitude_without_longitude_is_an_error(event):
    assert (
        "both latitude and longitude"
        in errors_of(event, latitude=45, longitude=None)["longitude"][0]
    )


def test_an_online_event_needs_its_link(event):
    assert errors_of(event, attendance_mode="online", online_url="")["online_url"]


def test_a_date_left_out_must_be_a_date(event):
    errors = errors_of(event, recurrence="FREQ=WEEKLY;COUNT=3", exceptions="2027-13-01")
    assert "2027-13-01" in errors["exceptions"][0]


def test_unknown_language_codes_are_named(event):
    assert "xx" in errors_of(event, languages="it, xx")["languages"][0]


def test_a_never_ending_recurrence_is_a_form_error_in_the_editor(editor, event):
    response = post_edit(editor, event, recurrence="FREQ=WEEKLY;BYDAY=SA")
    assert response.status_code == 200  # the form again, not saved
    assert "The recurrence never ends" in response.content.decode()
    event.refresh_from_db()
    assert event.recurrence == ""


def test_an_end_before_the_start_is_a_form_error_in_the_editor(editor, event):
    response = post_edit(editor, event, end_date="2027-03-01", start_date="2027-03-10")
    assert "ends before it starts" in response.content.decode()


def test_a_valid_recurrence_is_saved(editor, event):
    response = post_edit(editor, event, recurrence="FREQ=MONTHLY;BYDAY=1SU;COUNT=6")
    assert response.status_code == 302
    assert (
        refresh(event).get_latest_revision_as_object().recurrence
        == "FREQ=MONTHLY;BYDAY=1SU;COUNT=6"
    )
