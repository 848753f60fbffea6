"""The moderators' review of applications to join: who may see and decide, what accepting
onboards, what declining sends, and that a decision is taken once and never half-written."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Collection, WorkflowPage
from wagtail.users.models import UserProfile

from partners.joining import applications
from partners.joining.applications import accept_application, decline_application
from partners.joining.emails import review_url as absolute_review_url
from partners.joining.models import JoinApplication
from partners.models import InstitutionType, PartnerPage, PartnerSpace, Sector, ServiceKind
from tests.partners.admin_client import login

pytestmark = pytest.mark.django_db

LISTING = "/admin/partners/applications/"
APPLICANT = "info@ceramica.example"


def review_url(application):
    return f"{LISTING}edit/{application.pk}/"


def make_application(language="de", **changes):
    fields = {
        "organisation": "Museo della Ceramica",
        "institution_type": InstitutionType.objects.get(slug="museum", locale__language_code="it"),
        "services": ["Laboratorio di restauro", "Sala per residenze"],
        "city": "Faenza",
        "region": "Emilia-Romagna",
        "country": "Italia",
        "website": "https://ceramica.example",
        "contact_name": "Giulia Bassi",
        "email": APPLICANT,
        "phone": "+39 0546 123456",
        "statement": "Vorremmo condividere collezioni e laboratorio con la rete dell'hub.",
        "language": language,
        "consent_at": timezone.now(),
    }
    fields.update(changes)
    application = JoinApplication.objects.create(**fields)
    application.sectors.set(
        Sector.objects.filter(slug__in=["cultural-heritage", "design"], locale__language_code="it")
    )
    return application


ACCEPT = {
    "action": "accept",
    "slug": "museo-della-ceramica",
    "institution_type": "museum",
    "editor_username": "museo-della-ceramica-editor",
}
DECLINE = {"action": "decline", "message": "Leider passt Ihr Profil derzeit nicht zum Hub."}


def snapshot():
    """What an acceptance would write: counts of every kind of record it touches."""
    return {
        "groups": Group.objects.count(),
        "spaces": PartnerSpace.objects.count(),
        "partner pages": PartnerPage.objects.count(),
        "collections": Collection.objects.count(),
        "users": get_user_model().objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
        "received": JoinApplication.objects.filter(status="received").count(),
    }


@pytest.fixture
def application(hub):
    return make_application()


# --- who may see and decide -----------------------------------------------------------------


@pytest.mark.parametrize("role", ["moderator", "hub_editor"])
def test_moderators_and_hub_editors_list_and_read_applications(hub, application, client, role):
    login(client, getattr(hub, role))
    listing = client.get(LISTING)
    assert listing.status_code == 200
    assert "Museo della Ceramica" in listing.content.decode()
    assert review_url(application) in listing.content.decode()
    review = client.get(review_url(application))
    assert review.status_code == 200
    html = review.content.decode()
    assert "Laboratorio di restauro" in html and APPLICANT in html
    assert "Accept and onboard" in html and "Decline and send the message" in html
    # The menu offers the listing under Partners.
    assert LISTING in client.get("/admin/").content.decode()


def test_nobody_adds_an_application_in_the_admin(hub, client):
    login(client, hub.hub_editor)
    assert client.get(LISTING + "new/").status_code == 302
    assert LISTING + "new/" not in client.get(LISTING).content.decode()


@pytest.mark.parametrize("who", ["partner editor", "translator"])
def test_partner_editors_and_translators_can_neither_see_nor_decide(
    hub, application, client, who, django_capture_on_commit_callbacks
):
    user = hub.museo.editor if who == "partner editor" else hub.translator
    login(client, user)
    assert LISTING not in client.get("/admin/").content.decode()
    for url in (LISTING, review_url(application), f"{LISTING}delete/{application.pk}/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/"
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        for data in (ACCEPT, DECLINE):
            response = client.post(review_url(application), data)
            assert response.status_code == 302
            assert response["Location"] == "/admin/"
    assert snapshot() == before
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.RECEIVED
    assert mail.outbox == []


def test_anonymous_visitors_are_sent_to_the_login(application, client):
    for url in (LISTING, review_url(application)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    response = client.post(review_url(application), ACCEPT)
    assert response["Location"].startswith("/admin/login/")
    assert not PartnerSpace.objects.filter(slug="museo-della-ceramica").exists()


def test_the_listing_filters_by_status(hub, client):
    make_application(organisation="Istituto in attesa")
    make_application(organisation="Già respinta", status="declined")
    login(client, hub.moderator)
    html = client.get(LISTING + "?status=declined").content.decode()
    assert "Già respinta" in html
    assert "Istituto in attesa" not in html


def test_the_listing_costs_the_same_for_one_application_or_twenty(hub, client):
    make_application(organisation="Istituto 00")
    login(client, hub.moderator)
    client.get(LISTING)
    with CaptureQueriesContext(connection) as one:
        client.get(LISTING)
    for number in range(1, 21):
        make_application(organisation=f"Istituto {number:02}")
    with CaptureQueriesContext(connection) as twenty:
        html = client.get(LISTING).content.decode()
    assert "Istituto 20" in html
    assert len(twenty) == len(one) <= 16


# --- accept ---------------------------------------------------------------------------------


def accept(client, application, **changes):
    return client.post(review_url(application), ACCEPT | changes)


def test_accepting_onboards_the_institution(
    hub, application, client, django_capture_on_commit_callbacks
):
    login(client, hub.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = accept(client, application)
    assert response.status_code == 302
    assert response["Location"] == LISTING

    application.refresh_from_db()
    assert application.status == JoinApplication.Status.ACCEPTED
    assert application.decided_by == hub.moderator
    assert timezone.now() - application.decided_at < datetime.timedelta(minutes=1)
    space = application.partner_space
    assert space.slug == "museo-della-ceramica"
    assert space.name == "Museo della Ceramica"
    assert space.editors.name == "Museo della Ceramica editors"
    assert space.collection.name == "Museo della Ceramica"
    assert space.onboarded_by == hub.moderator

    [page] = space.pages()
    assert not page.live
    assert page.locale.language_code == "it"
    assert page.institution_type.slug == "museum"
    assert (page.city, page.region, page.country) == ("Faenza", "Emilia-Romagna", "Italia")
    assert page.website == "https://ceramica.example"
    assert page.services == "<ul><li>Laboratorio di restauro</li><li>Sala per residenze</li></ul>"
    assert sorted(s.slug for s in page.sectors.all()) == ["cultural-heritage", "design"]
    assert page.email == "" and page.phone == ""  # the contact person's details stay private
    latest = page.get_latest_revision_as_object()
    assert latest.city == "Faenza"
    assert WorkflowPage.objects.get(page=page).workflow == space.workflow

    editor = get_user_model().objects.get(username="museo-della-ceramica-editor")
    assert editor.email == APPLICANT
    assert not editor.has_usable_password()
    assert list(editor.groups.all()) == [space.editors]
    assert UserProfile.get_for_user(editor).preferred_language == "de"

    [invitation] = [m for m in mail.outbox if m.to == [APPLICANT]]
    # Onboarding's invitation, in the language of the application, with its set-password link.
    assert invitation.subject.startswith("Einladung zur Bearbeitung von Museo della Ceramica")
    assert "http://testserver/admin/password_reset/confirm/" in invitation.body


def with_kinds(application, *slugs):
    application.service_kinds.set(
        ServiceKind.objects.filter(slug__in=slugs, locale__language_code="it")
    )
    return application


def review_row(html, term):
    """The <dd> after the <dt> ``term`` in the review's description list."""
    start = html.index(f"<dt>{term}</dt>")
    return html[html.index("<dd", start) : html.index("</dd>", start)]


def test_the_review_shows_the_chosen_kinds_and_the_other_services(hub, application, client):
    with_kinds(application, "reading-room", "digitisation-lab")
    login(client, hub.moderator)
    html = client.get(review_url(application)).content.decode()
    kinds = review_row(html, "Services and spaces offered")
    assert "<li>Reading room</li>" not in kinds  # terms of the hub's language, like sectors
    assert (
        "<li>Sala di lettura</li>" in kinds and "<li>Laboratorio di digitalizzazione</li>" in kinds
    )
    other = review_row(html, "Other services and spaces")
    assert "<li>Laboratorio di restauro</li>" in other and "<li>Sala per residenze</li>" in other


def test_an_application_sent_before_the_kinds_reads_as_it_was_written(hub, client):
    # Before the list of kinds, every service was free text: nothing is lost.
    application = make_application(services=["Sala di posa", "Archivio fotografico"])
    login(client, hub.moderator)
    html = client.get(review_url(application)).content.decode()
    assert review_row(html, "Services and spaces offered").endswith("—")
    other = review_row(html, "Other services and spaces")
    assert "<li>Sala di posa</li>" in other and "<li>Archivio fotografico</li>" in other


def test_accepting_lists_the_chosen_kinds_among_the_partner_s_offers(
    hub, application, client, django_capture_on_commit_callbacks
):
    with_kinds(application, "reading-room", "digitisation-lab")
    login(client, hub.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        accept(client, application)
    application.refresh_from_db()
    [page] = application.partner_space.pages()
    offers = list(page.offers.select_related("kind", "locale"))
    assert sorted(offer.kind.slug for offer in offers) == ["digitisation-lab", "reading-room"]
    assert {(o.locale_id, o.kind.locale_id) for o in offers} == {(page.locale_id, page.locale_id)}
    assert {(o.note, o.capacity, o.booking_url) for o in offers} == {("", None, "")}
    # The draft revision a moderator reviews holds them too.
    latest = page.get_latest_revision_as_object()
    assert sorted(offer.kind.slug for offer in latest.offers.all()) == sorted(
        offer.kind.slug for offer in offers
    )
    # The services the list does not name stay the applicant's words on the page.
    assert page.services == "<ul><li>Laboratorio di restauro</li><li>Sala per residenze</li></ul>"


def test_accepting_an_application_without_kinds_adds_no_offer(
    hub, application, client, django_capture_on_commit_callbacks
):
    login(client, hub.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        accept(client, application)
    application.refresh_from_db()
    [page] = application.partner_space.pages()
    assert not page.offers.exists()


def test_accepting_twice_onboards_once(
    hub, application, client, django_capture_on_commit_callbacks
):
    login(client, hub.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        accept(client, application)
    after_first = snapshot()
    outbox = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = accept(client, application, slug="another-slug", editor_username="other")
    assert response.status_code == 302
    assert snapshot() == after_first
    assert len(mail.outbox) == outbox
    assert not PartnerSpace.objects.filter(slug="another-slug").exists()
    # And through the service, too.
    decision = accept_application(
        application.pk,
        hub.hub_editor,
        slug="third",
        institution_type="museum",
        editor_username="third-editor",
    )
    assert not decision.changed
    application.refresh_from_db()
    assert application.decided_by == hub.moderator


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"slug": "museo-civico"}, "slug", "already used by the partner “Museo Civico”"),
        ({"slug": "archivio"}, "slug", "already used by the partner “Archivio Nazionale”"),
        ({"slug": "Not A Slug"}, "slug", "is not a valid slug"),
        ({"editor_username": "moderator"}, "editor_username", "The username “moderator” is taken"),
        ({"institution_type": "castle"}, "institution_type", "Select a valid choice"),
    ],
)
def test_a_clash_is_a_clear_error_and_nothing_is_written(
    hub, application, client, changes, field, message, django_capture_on_commit_callbacks
):
    login(client, hub.moderator)
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        response = accept(client, application, **changes)
    assert response.status_code == 200
    form = response.context["accept_form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert snapshot() == before
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.RECEIVED


def test_an_institution_already_in_the_hub_is_not_adopted(
    hub, client, django_capture_on_commit_callbacks
):
    """Onboarding would adopt a partner of the same name and slug: an applicant must never
    become the editor of an existing partner that way."""
    application = make_application(organisation="Museo Civico")
    login(client, hub.moderator)
    before = snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        response = accept(client, application, slug="museo-civico", editor_username="newcomer")
    assert response.status_code == 200
    html = response.content.decode()
    assert "A partner named “Museo Civico” is already in the hub" in html
    assert snapshot() == before
    assert not hub.museo.space.editors.user_set.filter(email=APPLICANT).exists()


def test_a_failure_half_way_leaves_nothing_behind(hub, application, monkeypatch):
    def broken(page, application, user):
        raise RuntimeError("disk full")

    monkeypatch.setattr(applications, "fill_partner_page", broken)
    before = snapshot()
    with pytest.raises(RuntimeError):
        accept_application(
            application.pk,
            hub.moderator,
            slug="museo-della-ceramica",
            institution_type="museum",
            editor_username="museo-della-ceramica-editor",
        )
    assert snapshot() == before
    assert not Group.objects.filter(name="Museo della Ceramica editors").exists()
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.RECEIVED
    assert application.decided_by is None


# --- decline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "subject", "greeting"),
    [
        ("de", "Ihre Bewerbung um Aufnahme in", "Guten Tag Giulia Bassi,"),
        ("fr", "Votre candidature pour rejoindre", "Bonjour Giulia Bassi,"),
        ("es", "Su solicitud para unirse a", "Estimado/a Giulia Bassi:"),
        ("it", "La candidatura per entrare in", "Gentile Giulia Bassi,"),
        ("en", "Your application to join", "Dear Giulia Bassi,"),
    ],
)
def test_declining_sends_the_message_in_the_applicant_s_language(
    hub, client, language, subject, greeting, django_capture_on_commit_callbacks
):
    application = make_application(language=language)
    login(client, hub.hub_editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(application), DECLINE)
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [APPLICANT]
    assert subject in message.subject
    assert greeting in message.body
    assert DECLINE["message"] in message.body
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.DECLINED
    assert application.decided_by == hub.hub_editor
    assert application.decided_at is not None
    assert application.decision_message == DECLINE["message"]


def test_declining_needs_a_message(hub, application, client, django_capture_on_commit_callbacks):
    login(client, hub.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(application), DECLINE | {"message": "   "})
    assert response.status_code == 200
    assert "message" in response.context["decline_form"].errors
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.status == JoinApplication.Status.RECEIVED


def test_a_decision_is_taken_once(hub, client, django_capture_on_commit_callbacks):
    declined = make_application()
    login(client, hub.moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(review_url(declined), DECLINE)
        client.post(review_url(declined), DECLINE | {"message": "Second thoughts."})
    assert len(mail.outbox) == 1
    declined.refresh_from_db()
    assert declined.decision_message == DECLINE["message"]
    # Neither form is offered any more, and accepting is refused.
    html = client.get(review_url(declined)).content.decode()
    assert "Accept and onboard" not in html
    assert "Declined" in html and DECLINE["message"] in html
    with pytest.raises(Exception, match="declined"):
        accept_application(
            declined.pk, hub.moderator, slug="x", institution_type="museum", editor_username="x"
        )

    accepted = make_application(organisation="Altro Museo", email="altro@example.org")
    accept_application(
        accepted.pk,
        hub.moderator,
        slug="altro-museo",
        institution_type="museum",
        editor_username="altro-museo-editor",
    )
    with pytest.raises(Exception, match="accepted"):
        decline_application(accepted.pk, hub.moderator, "Too late.")
    accepted.refresh_from_db()
    assert accepted.status == JoinApplication.Status.ACCEPTED


def test_hub_editors_may_erase_an_application_moderators_may_not(hub, application, client):
    login(client, hub.moderator)
    client.post(f"{LISTING}delete/{application.pk}/")
    assert JoinApplication.objects.filter(pk=application.pk).exists()
    login(client, hub.hub_editor)
    client.post(f"{LISTING}delete/{application.pk}/")
    assert not JoinApplication.objects.filter(pk=application.pk).exists()


def test_the_moderators_notice_links_to_a_working_review(hub, application, client):
    url = absolute_review_url(application)
    assert url == "http://testserver" + review_url(application)
    assert login(Client(), hub.moderator).get(review_url(application)).status_code == 200


def test_the_dashboard_counts_the_waiting_applications_for_those_who_decide(
    hub, application, client
):
    make_application(organisation="Già decisa", status="accepted")
    login(client, hub.moderator, language="it")
    html = client.get("/admin/").content.decode()
    assert "1 candidatura di adesione attende la revisione" in html
    assert f"{LISTING}?status=received" in html
    login(client, hub.museo.editor)
    assert "application to join" not in client.get("/admin/").content.decode()
