"""Workflow e-mails: submission, approval, request for changes.

Each recipient gets the e-mail in their own admin language (Wagtail's
UserProfile.preferred_language), and every link in it is absolute and works.
"""

import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from wagtail.models import Site
from wagtail.users.models import UserProfile

from tests.factories import UserFactory
from tests.partners.admin_client import approve, login, request_changes, submit_for_review

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"<>]+")


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def links(message):
    return [link.rstrip(".") for link in LINK.findall(message.body)]


def assert_links_work(message, client, base="http://testserver"):
    found = [link for link in links(message) if "#" not in link]
    assert found, message.body
    for link in found:
        assert link.startswith(base), link
        response = client.get(urlsplit(link).path)
        assert response.status_code == 200, (link, response.status_code)
    return found


@pytest.fixture
def submitted(hub, client):
    """The museum's editor submits a page for review."""
    prefer(hub.moderator, "it")
    prefer(hub.museo.editor, "en")
    login(client, hub.museo.editor)
    mail.outbox.clear()
    response = submit_for_review(client, hub.museo.page, summary="Un museo civico.")
    assert response.status_code == 302
    return hub


def test_moderators_are_told_of_a_submission_in_their_language(submitted):
    hub = submitted
    english_moderator = prefer(UserFactory(groups=[hub.moderator.groups.get()]), "en")
    login(Client(), hub.archivio.editor)
    mail.outbox.clear()
    submit_for_review(login(Client(), hub.archivio.editor), hub.archivio.page, summary="Nuovo.")

    [italian] = mails_to(hub.moderator)
    assert "è stata inviata per essere approvata" in italian.subject
    assert "Hub moderator approval" in italian.subject
    [english] = mails_to(english_moderator)
    assert 'The page "Archivio Nazionale" has been submitted for approval' in english.subject


def test_the_submission_email_links_to_the_preview_and_the_editor(submitted):
    hub = submitted
    [message] = mails_to(hub.moderator)
    found = assert_links_work(message, login(Client(), hub.moderator))
    assert f"http://testserver/admin/pages/{hub.museo.page.pk}/edit/" in found
    assert any("/workflow/preview/" in link for link in found)
    assert message.alternatives  # and an HTML version


def test_nobody_but_the_reviewers_is_told_of_a_submission(submitted):
    hub = submitted
    recipients = {address for message in mail.outbox for address in message.to}
    assert recipients == {hub.moderator.email}


def test_superusers_get_no_copies_unless_asked_for(hub, client):
    UserFactory(username="root", is_superuser=True)
    login(client, hub.museo.editor)
    mail.outbox.clear()
    submit_for_review(client, hub.museo.page, summary="Un museo.")
    assert "root@example.org" not in {a for m in mail.outbox for a in m.to}
    assert settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS is False


def test_the_partner_is_told_of_the_approval_in_their_language(submitted):
    hub = submitted
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "testserver", 80
    site.save()
    mail.outbox.clear()

    approve(login(Client(), hub.moderator), hub.museo.page)

    [message] = mails_to(hub.museo.editor)
    assert (
        message.subject
        == 'The page "Museo Civico" has been approved in "Partner contribution review".'
    )
    assert "http://testserver/it/partners/museo-civico/" in message.body
    response = Client().get("/it/partners/museo-civico/")
    assert response.status_code == 200
    assert mails_to(hub.moderator) == []  # the one who acted is not told


def test_the_partner_is_told_of_a_request_for_changes_with_the_comment(submitted):
    hub = submitted
    prefer(hub.museo.editor, "it")
    mail.outbox.clear()

    request_changes(login(Client(), hub.moderator), hub.museo.page, "Manca la città.")

    [message] = mails_to(hub.museo.editor)
    assert "è stata rifiutata" in message.subject or "rifiutata" in message.body
    assert 'Il seguente commento è stato inviato: "Manca la città."' in message.body
    found = assert_links_work(message, login(Client(), hub.museo.editor))
    assert f"http://testserver/admin/pages/{hub.museo.page.pk}/edit/" in found


def test_emails_to_people_without_a_preference_follow_the_hub_language(hub, client):
    """No preference of the recipient's: the language of the request that triggered the
    e-mail, which for a browser asking for nothing in particular is the hub's, Italian."""
    moderator_without_preference = hub.moderator
    login(client, hub.museo.editor, language=None)
    mail.outbox.clear()
    submit_for_review(client, hub.museo.page, summary="Un museo.")
    [message] = mails_to(moderator_without_preference)
    assert "è stata inviata" in message.subject  # the hub's language, Italian


# --- e-mail backends -----------------------------------------------------------------------


def email_backend(settings_module, **environ):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EMAIL_") and key != "DJANGO_SETTINGS_MODULE"
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, SECRET_KEY="x", **environ)
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_development_prints_emails_to_the_console():
    assert email_backend("heritagehub.settings.dev") == (
        "django.core.mail.backends.console.EmailBackend"
    )


def test_production_sends_by_smtp_when_configured():
    assert (
        email_backend(
            "heritagehub.settings.production",
            EMAIL_HOST="smtp.example.org",
            DATABASE_URL="postgres://hub@db.example.org:5432/hub",
            ALLOWED_HOSTS="hub.example.org",
        )
        == "django.core.mail.backends.smtp.EmailBackend"
    )
