"""Translations of partner content go live only when a moderator approves them.

Everything goes through wagtail-localize's admin views as a translator uses them:
"Translate this page" (submit), the translation editor's string API, its "publish" action
and "Sync translated pages"; then the translation goes to review with the "Submit the
translation for review" action of the translation editor (partners/views.py), and the
moderator approves it from the workflow.
"""

from urllib.parse import urlencode

import pytest
from django.test import Client
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from heritagehub.settings.base import machine_translator_setting
from partners.models import PartnerPage
from tests.partners.admin_client import PAGE_EDIT, approve, login, request_changes
from tests.partners.conftest import refresh

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Archivio Nazionale": "National Archive",
    "Un'istituzione culturale del polo.": "A cultural institution of the hub.",
    "Torino": "Turin",
    "Italia": "Italy",
}


@pytest.fixture
def english_tree(hub, translate):
    """The hub's own pages in English, as on the demo site (the partner page is not)."""
    translate(hub.tree.home, "en", title="Heritage Hub")
    translate(hub.tree.partner_index, "en", title="Partners")
    return hub


def submit_translation(client, page, language="en", on_commit=None):
    locale = Locale.objects.get(language_code=language)
    url = f"/admin/localize/submit/page/{page.pk}/"
    if on_commit is None:
        return client.post(url, {"locales": [locale.pk]})
    with on_commit(execute=True):
        return client.post(url, {"locales": [locale.pk]})


def translate_strings(client, page, language, texts):
    """Type translations into the translation editor, string by string (its PUT API)."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    translation = Translation.objects.get(source=source, target_locale__language_code=language)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in texts:
            response = client.put(
                f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
                urlencode({"value": texts[segment.string.data]}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content
    return translation


def english_partner(hub):
    return PartnerPage.objects.get(
        translation_key=hub.archivio.page.translation_key, locale__language_code="en"
    )


@pytest.fixture
def translator_client(english_tree, client, django_capture_on_commit_callbacks):
    hub = english_tree
    login(client, hub.translator)
    response = submit_translation(
        client, hub.archivio.page, on_commit=django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    translate_strings(client, hub.archivio.page, "en", ENGLISH)
    return client


def test_translating_a_live_partner_page_creates_a_draft(translator_client, english_tree):
    hub = english_tree
    assert refresh(hub.archivio.page).live

    english = english_partner(hub)

    assert not english.live
    assert english.title == "Archivio Nazionale"  # the copy: nothing translated is public
    anonymous = Client()
    response = anonymous.get("/en/partners/archivio/")
    assert response.status_code == 200  # the Italian page, served under /en/ …
    assert 'lang="it"' in response.content.decode()  # … marked as Italian
    assert "National Archive" not in response.content.decode()


def test_the_translation_joins_the_partners_space(translator_client, english_tree):
    english = english_partner(english_tree)
    space = english_tree.archivio.space
    assert english.get_workflow() == space.workflow
    assert english.permissions_for_user(english_tree.archivio.editor).can_edit()
    assert not english.permissions_for_user(english_tree.archivio.editor).can_publish()


def test_the_translator_cannot_publish_the_translation(translator_client, english_tree):
    english = english_partner(english_tree)

    editor = translator_client.get(PAGE_EDIT.format(english.pk))
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.content.decode()  # wagtail-localize's editor
    props = editor.content.decode()
    assert "&quot;canPublish&quot;: false" in props

    response = translator_client.post(PAGE_EDIT.format(english.pk), {"action": "publish"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not refresh(english).live


def test_sync_translated_pages_does_not_publish_for_a_translator(
    translator_client, english_tree, django_capture_on_commit_callbacks
):
    hub = english_tree
    source = TranslationSource.objects.get(object_id=hub.archivio.page.translation_key)
    url = f"/admin/localize/update/{source.pk}/"

    form = translator_client.get(url)
    assert form.status_code == 200
    assert "publish_translations" not in form.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert not english_partner(hub).live


def test_a_moderator_may_still_sync_and_publish(english_tree, client, translator_client):
    source = TranslationSource.objects.get(object_id=english_tree.archivio.page.translation_key)
    login(client, english_tree.moderator)
    assert (
        "publish_translations"
        in client.get(f"/admin/localize/update/{source.pk}/").content.decode()
    )


def test_submitting_the_translation_and_moderator_approval_publishes_it(
    translator_client, english_tree
):
    hub = english_tree
    english = english_partner(hub)
    editor = translator_client.get(PAGE_EDIT.format(english.pk)).content.decode()
    assert f'action="/admin/partners/translations/{english.pk}/submit/"' in editor

    response = translator_client.post(f"/admin/partners/translations/{english.pk}/submit/")
    assert response.status_code == 302
    english = refresh(english)
    assert not english.live
    assert english.workflow_in_progress
    assert english.get_latest_revision().as_object().title == "National Archive"
    assert (
        "waiting for review" in translator_client.get(PAGE_EDIT.format(english.pk)).content.decode()
    )
    assert Client().get("/en/partners/archivio/").content.decode().count("National Archive") == 0

    moderator = login(Client(), hub.moderator)
    assert "National Archive" in moderator.get("/admin/").content.decode()  # the queue
    approve(moderator, english)

    english = refresh(english)
    assert english.live
    assert english.title == "National Archive"
    assert english.city == "Turin"
    response = Client().get("/en/partners/archivio/")
    assert response.status_code == 200
    assert "National Archive" in response.content.decode()
    assert refresh(hub.archivio.page).title == "Archivio Nazionale"  # the source is untouched


def test_changes_requested_on_a_translation_then_resubmitted(translator_client, english_tree):
    hub = english_tree
    english = english_partner(hub)
    translator_client.post(f"/admin/partners/translations/{english.pk}/submit/")
    moderator = login(Client(), hub.moderator)
    request_changes(moderator, english, "“Turin”, please, not “Torino”.")

    editor = translator_client.get(PAGE_EDIT.format(english.pk)).content.decode()
    assert "Turin”, please" in editor
    translate_strings(translator_client, hub.archivio.page, "en", {"Torino": "Turin (TO)"})
    translator_client.post(f"/admin/partners/translations/{english.pk}/submit/")
    state = refresh(english).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    approve(moderator, english)
    assert refresh(english).city == "Turin (TO)"


def test_a_translation_already_in_review_is_not_submitted_twice(translator_client, english_tree):
    english = english_partner(english_tree)
    translator_client.post(f"/admin/partners/translations/{english.pk}/submit/")
    translator_client.post(f"/admin/partners/translations/{english.pk}/submit/")
    assert WorkflowState.objects.filter(object_id=str(english.pk)).count() == 1


def test_only_translators_may_submit_translations(translator_client, english_tree, client):
    english = english_partner(english_tree)
    login(client, english_tree.museo.editor)
    response = client.post(f"/admin/partners/translations/{english.pk}/submit/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not refresh(english).workflow_in_progress


def test_the_translations_report_is_for_translators_only(translator_client, english_tree, client):
    assert translator_client.get("/admin/localize/reports/translations/").status_code == 200
    login(client, english_tree.archivio.editor)
    response = client.get("/admin/localize/reports/translations/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/localize/reports/translations/results/").status_code == 302
    assert "/admin/localize/reports/translations/" not in client.get("/admin/").content.decode()


# --- machine translation --------------------------------------------------------------------


def test_machine_translation_is_off_without_configuration():
    assert machine_translator_setting({}) is None
    assert machine_translator_setting({"DEEPL_API_KEY": " ", "LIBRETRANSLATE_URL": ""}) is None


def test_deepl_is_used_when_its_key_is_set():
    setting = machine_translator_setting({"DEEPL_API_KEY": "secret:fx"})
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret:fx"},
    }


def test_libretranslate_is_used_when_its_url_is_set():
    setting = machine_translator_setting(
        {"LIBRETRANSLATE_URL": "https://translate.example.org/", "LIBRETRANSLATE_API_KEY": "k"}
    )
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://translate.example.org", "API_KEY": "k"},
    }
    without_key = machine_translator_setting({"LIBRETRANSLATE_URL": "http://lt:5000"})
    assert without_key["OPTIONS"]["API_KEY"] == ""


def test_the_configured_backends_load_without_network():
    from wagtail_localize.machine_translators.deepl import DeepLTranslator
    from wagtail_localize.machine_translators.libretranslate import LibreTranslator

    deepl = DeepLTranslator(machine_translator_setting({"DEEPL_API_KEY": "k:fx"})["OPTIONS"])
    assert deepl.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"
    libre = LibreTranslator(
        machine_translator_setting({"LIBRETRANSLATE_URL": "http://lt:5000"})["OPTIONS"]
    )
    assert libre.get_api_endpoint() == "http://lt:5000"


def test_the_test_settings_have_no_machine_translator(settings):
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None


def test_translators_translate_vocabulary_snippets(hub, client):
    from partners.models import InstitutionType

    museum_en = InstitutionType.objects.get(slug="museum", locale__language_code="en")
    url = f"/admin/snippets/partners/institutiontype/edit/{museum_en.pk}/"
    assert login(client, hub.translator).get(url).status_code == 200
    response = login(client, hub.archivio.editor).get(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
