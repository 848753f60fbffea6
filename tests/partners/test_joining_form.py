"""The public "Join the hub" form: in every language, its checks, the honeypot, the rate
limit, CSRF, and what an application leaves behind (a record and e-mails)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client, override_settings
from wagtail.users.models import UserProfile

from partners.joining.models import JoinApplication
from partners.models import ServiceKind
from partners.roles import MODERATORS
from tests.conftest import elements, html_lang
from tests.factories import JoinPageFactory, UserFactory

pytestmark = pytest.mark.django_db

APPLICANT = "direzione@museo-ceramica.example"
STATEMENT = (
    "Siamo un museo civico della ceramica con un laboratorio di restauro e vorremmo "
    "condividere le nostre collezioni e i nostri spazi con la rete."
)


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def join_page(home):
    return JoinPageFactory(parent=home)


@pytest.fixture
def moderator(db):
    user = UserFactory(
        username="moderatrice", email="mod@hub.example", groups=[Group.objects.get(name=MODERATORS)]
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    return user


def valid_data(**changes):
    data = {
        "organisation": "Museo della Ceramica",
        "institution_type": "museum",
        "sectors": ["cultural-heritage", "design"],
        "services": "Laboratorio di restauro\n\n- Sala per residenze\nlaboratorio di restauro",
        "city": "Faenza",
        "region": "Emilia-Romagna",
        "country": "Italia",
        "website": "museo-ceramica.example",
        "contact_name": "Giulia Bassi",
        "email": APPLICANT,
        "phone": "+39 0546 123456",
        "statement": STATEMENT,
        "consent": "on",
        "website_address": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def url(language="it", route=""):
    return f"/{language}/join/{route}"


def test_a_valid_application_is_stored_and_thanked(join_page, client):
    response = client.post(url("it"), valid_data())
    assert response.status_code == 302
    assert response["Location"] == "/it/join/thanks/"
    application = JoinApplication.objects.get()
    assert application.organisation == "Museo della Ceramica"
    assert application.institution_type.slug == "museum"
    assert application.institution_type.locale.language_code == "it"
    assert sorted(s.slug for s in application.sectors.all()) == ["cultural-heritage", "design"]
    # One service a line, bullets and repeats dropped.
    assert application.services == ["Laboratorio di restauro", "Sala per residenze"]
    assert application.website == "https://museo-ceramica.example"
    assert application.language == "it"
    assert application.status == JoinApplication.Status.RECEIVED
    assert application.consent_at is not None
    assert application.decided_by is None and application.decided_at is None


@pytest.mark.parametrize(
    ("language", "heading", "label"),
    [
        ("it", "Invia la candidatura", "Nome dell'organizzazione"),
        ("en", "Send the application", "Name of the organisation"),
        ("fr", "Envoyer la candidature", "Nom de l’organisation"),
        ("de", "Bewerbung senden", "Name der Organisation"),
        ("es", "Enviar la solicitud", "Nombre de la organización"),
    ],
)
def test_the_form_answers_in_every_language(join_page, client, language, heading, label):
    response = client.get(url(language))
    assert response.status_code == 200
    assert html_lang(response) == language
    html = response.content.decode().replace("&#x27;", "'")
    assert heading in html
    assert label in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("language", "institution_type", "sector"),
    [
        ("it", "Museo", "Patrimonio culturale"),
        ("fr", "Musée", "Patrimoine culturel"),
        ("de", "Museum", "Kulturerbe"),
        ("es", "Museo", "Patrimonio cultural"),
    ],
)
def test_vocabularies_are_named_in_the_visitor_s_language(
    join_page, client, language, institution_type, sector
):
    html = client.get(url(language)).content.decode()
    assert f'<option value="museum">{institution_type}</option>' in html
    assert f"{sector}</label>" in html


# --- services and spaces: the hub's kinds, and the applicant's own words ---------------------


@pytest.mark.parametrize(
    ("language", "fab_lab", "reading_room"),
    [
        ("it", "Fab lab", "Sala di lettura"),
        ("en", "Fab lab", "Reading room"),
        ("fr", "Fab lab", "Salle de lecture"),
        ("de", "Fablab", "Lesesaal"),
        ("es", "Fab lab", "Sala de lectura"),
    ],
)
def test_the_kinds_of_services_are_checkboxes_in_the_visitor_s_language(
    join_page, client, language, fab_lab, reading_room
):
    html = client.get(url(language)).content.decode()
    # Django draws each choice as <label><input …> Name</label>.
    boxes = dict(
        re.findall(
            r'<input type="checkbox" name="service_kinds" value="([^"]+)"[^>]*>\s*([^<]+)</label>',
            html,
        )
    )
    assert len(boxes) == ServiceKind.objects.filter(locale__language_code="it").count()
    assert boxes["fab-lab"].strip() == fab_lab
    assert boxes["reading-room"].strip() == reading_room


def test_the_chosen_kinds_are_stored_beside_the_other_services(join_page, client):
    data = valid_data(service_kinds=["reading-room", "fab-lab"], services="Prestito di costumi")
    assert client.post(url("fr"), data).status_code == 302
    application = JoinApplication.objects.get()
    kinds = application.service_kinds.all()
    assert sorted(kind.slug for kind in kinds) == ["fab-lab", "reading-room"]
    assert {kind.locale.language_code for kind in kinds} == {"it"}  # the hub's default language
    assert application.services == ["Prestito di costumi"]


def test_no_kind_and_no_other_service_is_an_application_too(join_page, client):
    assert client.post(url("it"), valid_data(services="")).status_code == 302
    application = JoinApplication.objects.get()
    assert list(application.service_kinds.all()) == []
    assert application.services == []


@override_settings(JOIN_APPLICATIONS_RATE_LIMIT=1)
def test_the_chosen_kinds_stay_checked_when_the_rate_limit_answers(join_page, client):
    client.post(url("it"), valid_data())
    response = client.post(url("it"), valid_data(service_kinds=["archive", "coworking"]))
    assert response.status_code == 429
    checked = {
        e.attrs["value"]
        for e in elements(response)
        if e.tag == "input" and e.attrs.get("name") == "service_kinds" and "checked" in e.attrs
    }
    assert checked == {"archive", "coworking"}


@pytest.mark.parametrize(
    ("language", "prompt"),
    [("it", "Scegliere un tipo"), ("en", "Choose a type"), ("fr", "Choisissez un type"),
     ("de", "Typ auswählen"), ("es", "Elija un tipo")],
)  # fmt: skip
def test_the_institution_type_asks_for_a_choice_in_the_visitor_s_language(
    join_page, client, language, prompt
):
    html = client.get(url(language)).content.decode()
    assert f'<option value="" selected>{prompt}</option>' in html
    assert "---------" not in html


def test_the_thank_you_page_answers_in_every_language(join_page, client):
    for language, text in [
        ("it", "Grazie per la candidatura"),
        ("en", "Thank you for your application"),
        ("fr", "Merci pour votre candidature"),
        ("de", "Vielen Dank für Ihre Bewerbung"),
        ("es", "Gracias por su solicitud"),
    ]:
        response = client.get(url(language, "thanks/"))
        assert response.status_code == 200
        assert text in response.content.decode()
        assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_every_field_has_a_label_and_the_honeypot_is_hidden(join_page, client):
    page = elements(client.get(url("en")))
    labels = {element.attrs.get("for") for element in page if element.tag == "label"}
    for element in page:
        if element.tag in {"input", "textarea", "select"} and element.attrs.get("type") not in {
            "hidden",
            "submit",
        }:
            assert element.attrs["id"] in labels, element.attrs
    trap = next(e for e in page if e.tag == "input" and e.attrs.get("name") == "website_address")
    assert trap.attrs["tabindex"] == "-1"
    assert any(e.tag == "div" and "form-trap" in e.attrs.get("class", "") for e in page)


@pytest.mark.parametrize(
    ("language", "changes", "field", "message"),
    [
        ("en", {"organisation": "  "}, "Name of the organisation", "This field is required."),
        ("it", {"email": "non-un-indirizzo"}, "Indirizzo e-mail", "Inserisci un indirizzo email"),
        (
            "fr",
            {"institution_type": "castle"},
            "Type d’institution",
            "Sélectionnez un choix valide",
        ),
        ("de", {"consent": None}, "Stimmen Sie der Verarbeitung", "damit wir die Bewerbung"),
        ("es", {"statement": "Breve."}, "Declaración de interés", "al menos 30 car"),
        ("en", {"phone": "call me maybe"}, "Phone", "digits, spaces and an optional leading +"),
        ("it", {"website": "ftp://x"}, "Sito web", "Inserisci un URL valido"),
        ("en", {"sectors": ["cultural-heritage", "alchemy"]}, "Sectors", "Select a valid choice"),
        (
            "es",
            {"service_kinds": ["fab-lab", "spaceport"]},
            "Servicios y espacios que ofrece",
            "Escoja una opción válida",
        ),
    ],
)
def test_a_bad_field_is_named_in_the_visitor_s_language(
    join_page, client, mailoutbox, language, changes, field, message
):
    response = client.post(url(language), valid_data(**changes))
    assert response.status_code == 200
    assert html_lang(response) == language
    html = response.content.decode().replace("&#x27;", "'").replace("&#39;", "'")
    summary = html[html.index('class="error-summary"') :]
    summary = summary[: summary.index("</div>")]
    assert field in summary
    assert message in summary
    assert not JoinApplication.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"organisation": "M" * 121}, "at most 120 characters"),
        ({"statement": "S" * 5001}, "at most 5000 characters"),
        ({"services": "x\n" * 2001}, "at most 4000 characters"),
        ({"services": "\n".join(f"Servizio {n}" for n in range(31))}, "at most 30 services"),
        ({"services": "S" * 201}, "at most 200 characters"),
        ({"city": "C" * 121}, "at most 120 characters"),
        ({"email": "a" * 250 + "@example.org"}, "at most 254 characters"),
        ({"website": "https://example.org/" + "p" * 200}, "at most 200 characters"),
    ],
)
def test_oversize_fields_are_refused(join_page, client, changes, message):
    response = client.post(url("en"), valid_data(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not JoinApplication.objects.exists()


def test_what_the_visitor_wrote_comes_back_with_the_errors(join_page, client):
    response = client.post(url("en"), valid_data(email="nope", sectors=["design"]))
    html = response.content.decode()
    assert "Museo della Ceramica" in html
    assert "Giulia Bassi" in html
    design = next(
        e for e in elements(response) if e.tag == "input" and e.attrs.get("value") == "design"
    )
    assert "checked" in design.attrs


def test_the_applicant_is_acknowledged_in_their_language(join_page, client, mailoutbox):
    client.post(url("fr"), valid_data(organisation="Musée de la faïence"))
    [acknowledgement] = [m for m in mailoutbox if m.to == [APPLICANT]]
    assert "Nous avons bien reçu votre candidature" in acknowledgement.subject
    assert "Musée de la faïence" in acknowledgement.body
    assert "Giulia Bassi" in acknowledgement.body
    assert JoinApplication.objects.get().language == "fr"


def test_moderators_are_told_in_their_own_language(join_page, client, moderator, mailoutbox):
    UserFactory(username="editor-without-rights", email="partner@example.org")
    client.post(url("es"), valid_data())
    [notice] = [m for m in mailoutbox if m.to == [moderator.email]]
    application = JoinApplication.objects.get()
    assert "Bewerbung um Aufnahme: Museo della Ceramica" in notice.subject
    assert f"http://testserver/admin/partners/applications/edit/{application.pk}/" in notice.body
    assert not [m for m in mailoutbox if m.to == ["partner@example.org"]]


def test_a_mail_server_down_does_not_lose_the_application(
    join_page, client, moderator, monkeypatch
):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    response = client.post(url("en"), valid_data())
    assert response.status_code == 302
    assert JoinApplication.objects.count() == 1


def test_the_honeypot_discards_silently(join_page, client, mailoutbox):
    response = client.post(url("en"), valid_data(website_address="http://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/en/join/thanks/"
    assert not JoinApplication.objects.exists()
    assert mailoutbox == []


def test_the_form_needs_its_csrf_token(join_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url("en"), valid_data())
    assert response.status_code == 403
    assert not JoinApplication.objects.exists()
    # With the token of the form, the same application goes through.
    client.get(url("en"))
    token = client.cookies["csrftoken"].value
    response = client.post(url("en"), valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert JoinApplication.objects.count() == 1


@override_settings(JOIN_APPLICATIONS_RATE_LIMIT=2)
def test_the_rate_limit_answers_429_in_the_visitor_s_language(join_page, client, mailoutbox):
    for number in range(2):
        assert client.post(url("de"), valid_data(organisation=f"Museo {number}")).status_code == 302
    response = client.post(url("de"), valid_data(organisation="Eins zu viel"))
    assert response.status_code == 429
    assert html_lang(response) == "de"
    html = response.content.decode()
    assert "Zu viele Bewerbungen" in html
    assert "Eins zu viel" in html  # given back as typed
    assert JoinApplication.objects.count() == 2
    other = client.post(url("de"), valid_data(), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


@override_settings(JOIN_APPLICATIONS_RATE_LIMIT=1)
def test_invalid_applications_do_not_count_but_honeypot_catches_do(join_page, client):
    assert client.post(url(), valid_data(email="wrong")).status_code == 200
    assert client.post(url(), valid_data(website_address="spam")).status_code == 302
    assert client.post(url(), valid_data()).status_code == 429


def test_only_get_and_post(join_page, client):
    assert client.put(url("en")).status_code == 405


def test_the_form_costs_few_queries(join_page, client, django_assert_max_num_queries):
    """Measured 2, warm cache (the vocabularies' choices are kept there too, in the visitor's
    language); the thank-you page 2."""
    for language in ("it", "fr"):
        client.get(url(language))
        client.get(url(language, "thanks/"))
    with django_assert_max_num_queries(4):
        assert client.get(url("fr")).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(url("fr", "thanks/")).status_code == 200
