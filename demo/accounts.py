"""Demo accounts and editorial roles for the local demo site (password ``heritagehub-demo``).

- ``admin``: superuser (also in "Hub editors");
- ``moderator``: Wagtail's "Moderators" group, the hub's approval step of every partner's
  review workflow;
- ``translator``: "Translators" — translates with wagtail-localize, no publish right;
- ``<partner-slug>-editor``: one per partner, made by the same onboarding as
  ``manage.py onboard_partner`` (``partners.onboarding``): the "<Name> editors" group with
  add/change/lock rights on the partner's pages in every language tree and none to publish,
  the partner's media collection, the "Partner contribution review" workflow. Each editor
  works in their partner's source language.

The roles are the groups of the partners app's data migration (``partners.roles``); they
are ensured again here. Existing users keep their password; nothing is created twice.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from wagtail.models import Site

from partners.onboarding import onboard_partner
from partners.roles import HUB_EDITORS, MODERATORS, TRANSLATORS, ensure_roles

from .base import DemoDataError

PASSWORD = "heritagehub-demo"
EMAIL_DOMAIN = "example.org"


class Accounts:
    def __init__(self, stats):
        self.stats = stats
        self.user_model = get_user_model()
        self._password = None

    @property
    def password(self):
        # Hashing is slow on purpose: hash once for all demo users.
        if self._password is None:
            self._password = make_password(PASSWORD)
        return self._password

    def user(self, username, groups=(), superuser=False):
        user = self.user_model.objects.filter(username=username).first()
        if user is None:
            user = self.user_model(
                username=username,
                email=f"{username}@{EMAIL_DOMAIN}",
                is_staff=superuser,
                is_superuser=superuser,
                password=self.password,
            )
            user.save()
            self.stats.created("users")
        for group in groups:
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
        return user

    def partner_editor(self, text):
        """Onboard the demo partner (its page exists already) with its editor account."""
        username = f"{text.slug}-editor"
        try:
            result = onboard_partner(
                text.name,
                text.slug,
                text.institution_type,
                editor_username=username,
                editor_email=f"{username}@{EMAIL_DOMAIN}",
                language=text.language,
                invite=False,
            )
        except ValidationError as error:
            raise DemoDataError(f"Onboarding {text.name} failed: {error.messages}") from error
        if result.editor_created:
            result.editor.password = self.password
            result.editor.save(update_fields=["password"])
            self.stats.created("users")
        if result.changed:
            self.stats.created("partners onboarded")
        return result


def configure_site():
    """Point the default Site at the demo server, so that e-mailed page links work.

    Wagtail's migrations create the site as ``localhost:80``; ``make run`` serves
    WAGTAILADMIN_BASE_URL (http://127.0.0.1:8000). A site configured otherwise is left alone.
    """
    site = Site.objects.filter(is_default_site=True).first()
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    if site is None or (site.hostname, site.port) != ("localhost", 80) or not base.hostname:
        return
    site.hostname = base.hostname
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.save()


def load_accounts(partners, partner_pages, image_collections, stats):
    """``partners``: the PartnerText records; ``partner_pages``: source pages by slug.

    ``partner_pages`` and ``image_collections`` are what the loader made for each partner;
    onboarding finds them again by slug and name.
    """
    accounts = Accounts(stats)
    roles = ensure_roles(apps)
    accounts.user("admin", groups=[roles[HUB_EDITORS]], superuser=True)
    accounts.user("moderator", groups=[roles[MODERATORS]])
    accounts.user("translator", groups=[roles[TRANSLATORS]])

    for text in partners:
        result = accounts.partner_editor(text)
        if (result.space.translation_key, result.space.collection) != (
            partner_pages[text.slug].translation_key,
            image_collections[text.slug],
        ):
            raise DemoDataError(
                f"{text.name}: the onboarded partner space is not the demo's page and media "
                "collection (was the partner renamed?)."
            )
    configure_site()
