"""What the repository says about itself: its name and identifier, the OAI identifiers of
items, and its sets (a partner, and each of its collections below it)."""

import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

from heritagehub.i18n import language_code_of, language_order
from partners.models import PartnerPage

from ..models import CollectionPage
from .protocol import OaiError

# The oai-identifier scheme's repositoryIdentifier: a domain name.
DOMAIN = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")
DEFAULT_REPOSITORY_IDENTIFIER = "heritagehub.local"


def repository_name():
    return settings.WAGTAIL_SITE_NAME


def admin_email():
    return settings.HUB_CONTACT_EMAIL


def repository_identifier():
    """``OAI_REPOSITORY_IDENTIFIER``, else the host of the hub's base URL when it is a
    domain name (an IP address is not), else a placeholder domain."""
    configured = getattr(settings, "OAI_REPOSITORY_IDENTIFIER", "")
    if configured:
        return configured
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""
    return host if DOMAIN.match(host) else DEFAULT_REPOSITORY_IDENTIFIER


def oai_identifier(translation_key):
    return f"oai:{repository_identifier()}:item:{translation_key}"


def translation_key_of(identifier):
    """The item translation key an OAI identifier names (idDoesNotExist when it names
    nothing this repository could hold)."""
    prefix = f"oai:{repository_identifier()}:item:"
    if identifier.startswith(prefix):
        try:
            return uuid.UUID(identifier[len(prefix) :])
        except ValueError:
            pass
    raise OaiError("idDoesNotExist", f"No item has the identifier {identifier!r}.")


@dataclass(frozen=True)
class OaiSet:
    spec: str
    name: str


def _names_by_translation(pages):
    """{translation_key: page} with the page of each key in the hub's language order."""
    rank = {code: position for position, code in enumerate(language_order(settings.LANGUAGE_CODE))}
    chosen = {}
    for page in pages:
        key = page["translation_key"]
        page_rank = rank.get(language_code_of(page["locale_id"]), len(rank))
        if key not in chosen or page_rank < chosen[key][0]:
            chosen[key] = (page_rank, page)
    return [page for _rank, page in chosen.values()]


def _live_pages(model):
    return _names_by_translation(
        model.objects.live()
        .public()
        .values("translation_key", "locale_id", "title", "url_path")
        .order_by()
    )


def partner_names(slugs):
    """{partner slug: name in the hub's language (else the nearest)} for these slugs."""
    pages = (
        PartnerPage.objects.live()
        .filter(slug__in=set(slugs))
        .values("translation_key", "locale_id", "title", "slug")
        .order_by()
    )
    return {page["slug"]: page["title"] for page in _names_by_translation(pages)}


def sets():
    """Every set, in setSpec order: partners ``<partner>`` and their collections
    ``<partner>:<collection>``. Two queries whatever the number of sets."""
    found = []
    for page in _live_pages(PartnerPage):
        found.append(OaiSet(page["url_path"].strip("/").split("/")[-1], page["title"]))
    for page in _live_pages(CollectionPage):
        partner, collection = page["url_path"].strip("/").split("/")[-2:]
        found.append(OaiSet(f"{partner}:{collection}", page["title"]))
    return sorted(found, key=lambda oai_set: oai_set.spec)
