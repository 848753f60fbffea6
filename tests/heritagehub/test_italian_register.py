"""The Italian site addresses visitors in one impersonal register, neither "tu" nor "voi"
(the house style): checked on what the join page and the call alerts show and send."""

import re
from html import unescape

import pytest
from django.core.cache import cache
from django.test import override_settings

from calls import alerts
from partners.joining.applications import decline_application
from partners.joining.models import JoinApplication
from partners.models import Sector
from tests.factories import CallIndexPageFactory, CallPageFactory, JoinPageFactory, UserFactory

pytestmark = pytest.mark.django_db

# Pronouns, possessives and verb forms of the second person, singular and plural.
SECOND_PERSON = re.compile(
    r"\b(tu|tuo|tua|tuoi|tue|ti|te|hai|sei|puoi|vuoi|voi|vostr[oaie]|vi|siete|avete|potete"
    r"|iscriviti|scrivici|raccontaci|acconsenti|attendi|scegli|scrivi)\b",
    re.IGNORECASE,
)


def main_text(response):
    """The interface text of the page's <main>, tags taken off."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return unescape(re.sub(r"<[^>]+>", " ", main))


def second_person(text):
    return sorted({match.group(0) for match in SECOND_PERSON.finditer(text)})


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def join_page(home):
    # No editor's text: what is checked is the interface's own.
    return JoinPageFactory(parent=home, introduction="", privacy_note="")


APPLICATION = {
    "organisation": "Museo della Ceramica",
    "institution_type": "museum",
    "city": "Faenza",
    "country": "Italia",
    "contact_name": "Giulia Bassi",
    "email": "giulia@example.org",
    "statement": "Un museo civico con un laboratorio di restauro e collezioni da condividere.",
    "consent": "on",
}


@override_settings(JOIN_APPLICATIONS_RATE_LIMIT=1)
def test_the_join_page_its_errors_thanks_and_e_mails_are_impersonal(
    join_page, client, mailoutbox, django_capture_on_commit_callbacks
):
    texts = {
        "form": main_text(client.get("/it/join/")),
        "errors": main_text(client.post("/it/join/", {"phone": "x", "statement": "Breve."})),
        "thanks": main_text(client.get("/it/join/thanks/")),
    }
    client.post("/it/join/", APPLICATION)
    texts["rate limit"] = main_text(client.post("/it/join/", APPLICATION))
    with django_capture_on_commit_callbacks(execute=True):
        decline_application(
            JoinApplication.objects.get().pk, UserFactory(), "La rete non accoglie musei."
        )
    for message in mailoutbox:
        texts[message.subject] = message.subject + "\n" + message.body
    assert len(texts) == 6  # the acknowledgement and the decline among them
    assert {name: second_person(text) for name, text in texts.items() if second_person(text)} == {}


@pytest.fixture
def open_call(tree):
    call = CallPageFactory(parent=CallIndexPageFactory(parent=tree.home), title="Tirocinio")
    call.sectors.set(Sector.objects.filter(slug="publishing", locale__language_code="it"))
    call.save()
    return call


def test_the_call_alerts_pages_and_e_mails_are_impersonal(client, open_call, mailoutbox):
    texts = {
        "subscribe": main_text(client.get("/it/call-alerts/")),
        "errors": main_text(client.post("/it/call-alerts/", {"email": "lucia@example.org"})),
    }
    sent = client.post(
        "/it/call-alerts/", {"email": "lucia@example.org", "sectors": ["publishing"]}
    )
    texts["sent"] = main_text(client.get(sent["Location"]))
    (confirmation,) = mailoutbox
    link = re.search(r"http://testserver(/\S+/confirm/\S+)", confirmation.body).group(1)
    texts["confirmed"] = main_text(client.get(link))
    texts["bad link"] = main_text(client.get("/it/call-alerts/confirm/not-a-token/"))
    alerts.send_digests()
    for message in mailoutbox:
        texts[message.subject] = message.subject + "\n" + message.body
    unsubscribe = re.search(r"http://testserver(/\S+/unsubscribe/\S+)", mailoutbox[-1].body)
    texts["unsubscribe"] = main_text(client.get(unsubscribe.group(1)))
    texts["unsubscribed"] = main_text(client.post(unsubscribe.group(1)))
    assert len(texts) == 9
    assert {name: second_person(text) for name, text in texts.items() if second_person(text)} == {}
