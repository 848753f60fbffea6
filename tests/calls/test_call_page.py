"""The call page: what it shows, how it changes by the clock, its schema.org description and
the editor's form (dates in the call's time zone, deadlines that make sense)."""

import datetime
import json
import zoneinfo

import pytest
import time_machine
from django.utils.cache import get_max_age

from calls.models import CallKind, CallPage
from tests.calls.conftest import term
from tests.conftest import elements
from tests.factories import UserFactory
from tests.json_ld import SCHEMA, expand, json_ld, value

pytestmark = pytest.mark.django_db

ROME = zoneinfo.ZoneInfo("Europe/Rome")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def url_of(page, language="it"):
    # url_path is "/<home slug>/partners/…/": the public path below the language prefix.
    return f"/{language}/" + page.url_path.strip("/").split("/", 1)[1] + "/"


def test_a_call_shows_what_is_offered_how_to_apply_and_its_deadline(client, calls):
    call = calls.partner_call
    call.deadline = datetime.datetime(2031, 5, 20, 13, 0, tzinfo=ROME)
    call.opens_at = datetime.datetime(2031, 4, 1, 9, 0, tzinfo=ROME)
    call.save()
    with time_machine.travel(datetime.datetime(2031, 5, 10, 12, 0, tzinfo=ROME), tick=False):
        html = client.get(url_of(call)).content.decode()
    assert "Uno studio e una borsa." in html
    assert "Scrivete alla segreteria." in html
    assert 'datetime="2031-05-20T13:00:00+02:00"' in html
    assert "Chiude tra 10 giorni" in html
    assert "Archivio Nazionale" in html  # offered by the partner


def test_the_deadline_is_shown_in_the_calls_time_zone(client, calls):
    call = calls.hub_call
    call.time_zone = "America/New_York"
    call.deadline = datetime.datetime(2031, 5, 20, 17, 0, tzinfo=NEW_YORK)
    call.opens_at = datetime.datetime(2031, 4, 1, 9, 0, tzinfo=NEW_YORK)
    call.save()
    with time_machine.travel(datetime.datetime(2031, 5, 1, tzinfo=ROME), tick=False):
        html = client.get(url_of(call), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'datetime="2031-05-20T17:00:00-04:00"' in html
    assert "EDT" in html and "America/New York" in html


def test_a_call_closes_at_its_deadline_without_being_republished(client, calls):
    call = calls.hub_call
    revisions = call.revisions.count()
    with time_machine.travel(call.deadline - datetime.timedelta(seconds=1), tick=False):
        before = client.get(url_of(call)).content.decode()
    with time_machine.travel(call.deadline, tick=False):
        after = client.get(url_of(call)).content.decode()
    assert "Chiude oggi" in before and "Questo bando è chiuso" not in before
    assert "Questo bando è chiuso" in after and "Chiude oggi" not in after
    assert call.revisions.count() == revisions
    assert CallPage.objects.get(pk=call.pk).live  # archived, not unpublished


def test_an_upcoming_call_says_when_it_opens(client, calls):
    call = calls.hub_call
    with time_machine.travel(call.opens_at - datetime.timedelta(days=2), tick=False):
        html = client.get(url_of(call)).content.decode()
    assert "Apre il" in html
    assert "Chiude" not in html


# The main action: apply while open, when it opens while upcoming, closed after the deadline


def apply_block(html):
    """The call page's main action, in its header (templates/calls/includes/call_apply.html)."""
    start = html.index('class="call-apply"')
    return html[start : html.index("</header>", start)]


def links(html):
    return [(e.attrs["href"], e.attrs.get("class", ""), e.text.strip()) for e in elements(html)
            if e.tag == "a"]  # fmt: skip


def page_at(client, call, moment):
    with time_machine.travel(moment, tick=False):
        return client.get(url_of(call)).content.decode()


def test_an_open_call_with_an_application_link_has_an_apply_button(client, calls):
    call = calls.hub_call
    call.application_url = "https://example.org/candidature/tirocinio"
    call.save()
    html = page_at(client, call, call.deadline - datetime.timedelta(days=2))
    assert links(apply_block(html)) == [
        ("https://example.org/candidature/tirocinio", "button", "Candidarsi"),
        ("#how-to-apply", "button button--secondary", "Come partecipare"),
    ]
    assert 'id="how-to-apply"' in html


def test_without_an_application_link_the_button_leads_to_how_to_apply_and_the_contact(
    client, calls
):
    call = calls.hub_call
    call.application_url = ""
    call.contact_email = "segreteria@example.org"
    call.save()
    html = page_at(client, call, call.deadline - datetime.timedelta(days=2))
    assert links(apply_block(html)) == [
        ("#how-to-apply", "button", "Come partecipare"),
        ("mailto:segreteria@example.org", "button button--secondary", "Scrivere per e-mail"),
    ]


def test_without_a_link_nor_an_e_mail_the_button_leads_to_how_to_apply(client, calls):
    call = calls.hub_call
    html = page_at(client, call, call.deadline - datetime.timedelta(days=2))
    assert links(apply_block(html)) == [("#how-to-apply", "button", "Come partecipare")]


def test_a_link_that_is_not_a_web_address_makes_no_apply_button(client, calls):
    call = calls.hub_call
    # Past the model's validation, as a raw import or an old row could be.
    CallPage.objects.filter(pk=call.pk).update(application_url="javascript:alert(1)")
    html = page_at(client, call, call.deadline - datetime.timedelta(days=2))
    assert "javascript:" not in html
    assert links(apply_block(html)) == [("#how-to-apply", "button", "Come partecipare")]


def test_the_apply_button_gives_way_to_the_closed_notice_at_the_deadline(client, calls):
    call = calls.hub_call
    call.application_url = "https://example.org/candidature/tirocinio"
    call.save()
    before = page_at(client, call, call.deadline - datetime.timedelta(seconds=1))
    after = page_at(client, call, call.deadline)
    assert "https://example.org/candidature/tirocinio" in apply_block(before)
    assert "Questo bando è chiuso" not in before
    assert "https://example.org/candidature/tirocinio" not in after  # nor further down
    assert links(apply_block(after)) == []
    assert "Questo bando è chiuso" in apply_block(after)


def test_an_upcoming_call_says_when_applications_open_and_has_no_apply_button(client, calls):
    call = calls.hub_call
    call.application_url = "https://example.org/candidature/tirocinio"
    call.opens_at = datetime.datetime(2031, 6, 1, 9, 0, tzinfo=ROME)
    call.deadline = datetime.datetime(2031, 6, 30, 14, 0, tzinfo=ROME)
    call.save()
    html = page_at(client, call, datetime.datetime(2031, 5, 20, 12, 0, tzinfo=ROME))
    block = apply_block(html)
    assert "Candidature aperte dal" in block
    assert 'datetime="2031-06-01T09:00:00+02:00"' in block
    assert links(block) == []
    assert "https://example.org/candidature/tirocinio" not in html
    opened = page_at(client, call, call.opens_at)
    assert "https://example.org/candidature/tirocinio" in apply_block(opened)


@pytest.mark.parametrize(
    ("language", "apply", "how"),
    [
        ("en", "Apply", "How to apply"),
        ("fr", "Candidater", "Comment candidater"),
        ("de", "Jetzt bewerben", "So bewerben Sie sich"),
        ("es", "Presentar solicitud", "Cómo presentarse"),
    ],
)
def test_the_apply_button_speaks_the_visitor_s_language(client, calls, language, apply, how):
    call = calls.hub_call
    call.application_url = "https://example.org/candidature/tirocinio"
    call.save()
    with time_machine.travel(call.deadline - datetime.timedelta(days=2), tick=False):
        html = client.get(url_of(call, language)).content.decode()
    assert [text for _href, _class, text in links(apply_block(html))] == [apply, how]


def test_the_page_is_cached_no_longer_than_until_its_next_change(client, calls):
    call = calls.hub_call
    with time_machine.travel(call.deadline - datetime.timedelta(minutes=5), tick=False):
        response = client.get(url_of(call))
    assert get_max_age(response) == 300


def test_a_job_is_a_job_posting_valid_through_its_deadline(client, calls):
    expanded = expand(json_ld(client.get(url_of(calls.hub_call))))[0]
    assert expanded["@type"] == [SCHEMA + "JobPosting"]
    assert value(expanded, "title") == "Tirocinio in redazione"
    local = calls.hub_call.deadline.astimezone(ROME).replace(microsecond=0).isoformat()
    assert value(expanded, "validThrough") == local
    assert value(expanded, "hiringOrganization")  # the hub, for its own calls


def test_a_residency_is_a_creative_work_that_expires_at_its_deadline(client, calls):
    data = json_ld(client.get(url_of(calls.partner_call)))
    expand(data)
    assert data["@type"] == "CreativeWork"
    assert data["publisher"]["name"] == "Archivio Nazionale"
    deadline = calls.partner_call.deadline.astimezone(ROME).replace(microsecond=0)
    assert data["expires"] == deadline.isoformat()


def test_training_is_a_programme_with_an_application_deadline(client, calls):
    call = calls.hub_call
    call.kind = term(CallKind, "training")
    call.save()
    data = json_ld(client.get(url_of(call)))
    expand(data)
    assert data["@type"] == "EducationalOccupationalProgram"
    assert data["applicationDeadline"] == call.deadline.astimezone(ROME).date().isoformat()


def test_a_grant_is_about_a_monetary_grant_funded_by_its_partner(client, calls):
    call = calls.partner_call
    call.kind = term(CallKind, "grant-funding")
    call.save()
    data = json_ld(client.get(url_of(call)))
    expand(data)
    assert data["about"]["@type"] == "MonetaryGrant"
    assert data["about"]["funder"]["name"] == "Archivio Nazionale"


# The editor's form ---------------------------------------------------------------------------

EMPTY_FORMSET = {
    "documents-TOTAL_FORMS": "0",
    "documents-INITIAL_FORMS": "0",
    "documents-MIN_NUM_FORMS": "0",
    "documents-MAX_NUM_FORMS": "1000",
}


def rich_text(text):
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def form_for(parent, instance=None, **changes):
    data = {
        "title": "Residenza estiva",
        "slug": "residenza-estiva",
        "kind": str(term(CallKind, "residency").pk),
        "summary": "Un mese in residenza.",
        "opens_at": "2031-06-01 09:00",
        "deadline": "2031-06-30 14:00",
        "time_zone": "America/New_York",
        "offer": rich_text("Alloggio e studio."),
        "how_to_apply": rich_text("Un portfolio."),
        "career_stage": "any",
        **EMPTY_FORMSET,
        **changes,
    }
    form_class = CallPage.get_edit_handler().get_form_class()
    return form_class(
        data=data,
        instance=instance or CallPage(),
        parent_page=parent,
        for_user=UserFactory(is_superuser=True),
    )


@time_machine.travel(datetime.datetime(2031, 5, 1, tzinfo=ROME), tick=False)
def test_dates_are_typed_in_the_calls_time_zone(calls):
    form = form_for(calls.index)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["deadline"] == datetime.datetime(2031, 6, 30, 14, 0, tzinfo=NEW_YORK)
    assert form.cleaned_data["opens_at"] == datetime.datetime(2031, 6, 1, 9, 0, tzinfo=NEW_YORK)


def test_an_edited_call_shows_its_dates_in_its_own_time_zone(calls):
    call = calls.hub_call
    call.time_zone = "America/New_York"
    call.deadline = datetime.datetime(2031, 6, 30, 14, 0, tzinfo=NEW_YORK)
    form_class = CallPage.get_edit_handler().get_form_class()
    form = form_class(instance=call, parent_page=calls.index, for_user=UserFactory())
    assert form.initial["deadline"] == datetime.datetime(2031, 6, 30, 14, 0)


@time_machine.travel(datetime.datetime(2031, 5, 1, tzinfo=ROME), tick=False)
def test_a_deadline_before_the_opening_is_a_form_error(calls):
    form = form_for(calls.index, opens_at="2031-07-01 09:00")
    assert not form.is_valid()
    assert form.errors["deadline"] == ["La scadenza deve essere successiva alla data di apertura."]


@time_machine.travel(datetime.datetime(2031, 7, 1, tzinfo=ROME), tick=False)
def test_a_new_call_with_a_deadline_in_the_past_is_a_form_error(calls):
    form = form_for(calls.index)
    assert not form.is_valid()
    assert "scadenza è già passata" in form.errors["deadline"][0]


@time_machine.travel(datetime.datetime(2031, 7, 1, tzinfo=ROME), tick=False)
def test_a_closed_call_can_still_be_edited(calls):
    call = calls.hub_call
    call.opens_at = datetime.datetime(2031, 6, 1, 9, 0, tzinfo=ROME)
    call.deadline = datetime.datetime(2031, 6, 30, 14, 0, tzinfo=ROME)
    call.save()
    form = form_for(
        calls.index,
        instance=call,
        slug=call.slug,
        time_zone="Europe/Rome",
        summary="Corretto un refuso.",
        kind=str(call.kind_id),
    )
    assert form.is_valid(), form.errors


def test_an_unknown_time_zone_is_a_form_error(calls):
    form = form_for(calls.index, time_zone="Mars/Olympus_Mons")
    assert not form.is_valid()
    assert "time_zone" in form.errors


def test_the_model_refuses_a_deadline_before_the_opening(calls):
    call = calls.hub_call
    call.deadline = call.opens_at - datetime.timedelta(hours=1)
    with pytest.raises(Exception, match="deadline"):
        call.full_clean()


def test_the_states_of_a_call_follow_the_clock(calls):
    call = calls.hub_call

    def at(moment):
        with time_machine.travel(moment, tick=False):
            fresh = CallPage.objects.get(pk=call.pk)  # a page is read at one moment
            return fresh.status, fresh.badge is not None

    assert at(call.opens_at - datetime.timedelta(seconds=1)) == ("upcoming", False)
    assert at(call.opens_at) == ("open", True)
    assert at(call.deadline) == ("closed", False)


def test_the_partner_pages_open_calls_bring_their_stylesheet(client, calls, tree):
    html = client.get(url_of(tree.partner)).content.decode()
    assert "/static/css/calls.css" in html
    assert 'class="partner-calls-more"' in html
