"""A hub with two onboarded partners, their editors and the hub's roles.

``hub`` builds on the ``tree`` fixture: its partner "Archivio Nazionale" (live, with a
collection, items and a story) is onboarded as it is, and a second partner "Museo Civico"
is onboarded from scratch, its page approved, with a live collection. Each partner has a
draft (never published) collection page, and an image and a document in its own media
collection.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from partners.onboarding import onboard_partner
from partners.roles import HUB_EDITORS, MODERATORS, TRANSLATORS
from tests.factories import (
    CollectionPageFactory,
    HeritageImageFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _english():
    """Messages of direct calls (the onboarding service, commands) in their English source,
    whatever translations are compiled. Requests choose their language themselves
    (``admin_client.login``); the root conftest resets the language after each test."""
    from django.utils import translation

    translation.activate("en")


@pytest.fixture
def roles(db):
    return {name: Group.objects.get(name=name) for name in (HUB_EDITORS, MODERATORS, TRANSLATORS)}


@pytest.fixture
def moderator(roles):
    return UserFactory(username="moderator", groups=[roles[MODERATORS]])


@pytest.fixture
def translator(roles):
    return UserFactory(username="translator", groups=[roles[TRANSLATORS]])


@pytest.fixture
def hub_editor(roles):
    return UserFactory(username="hub-editor", groups=[roles[HUB_EDITORS]])


def refresh(page):
    return Page.objects.get(pk=page.pk).specific


def draft(page):
    """A page never published, with its draft revision (as the editor leaves it)."""
    page.save_revision()
    return refresh(page)


def add_document(collection, title):
    document = get_document_model()(title=title, collection=collection)
    document.file.save(f"{title}.txt", ContentFile(b"A partner's document."), save=True)
    return document


@dataclass
class Partner:
    name: str
    page: Page
    space: object
    editor: object
    image: object
    document: object
    collection_page: Page = None
    draft_page: Page = None


@dataclass
class Hub:
    tree: object
    archivio: Partner
    museo: Partner
    moderator: object
    translator: object
    hub_editor: object


def onboard(name, slug, institution_type="museum", **kwargs):
    result = onboard_partner(name, slug, institution_type, **kwargs)
    editor = UserFactory(username=f"{slug}-editor", groups=[result.space.editors])
    image = HeritageImageFactory(title=f"{name} image", collection=result.space.collection)
    document = add_document(result.space.collection, f"{slug}-document")
    return Partner(
        name=name,
        page=refresh(result.page),
        space=result.space,
        editor=editor,
        image=image,
        document=document,
    )


@pytest.fixture
def hub(tree, moderator, translator, hub_editor):
    archivio = onboard("Archivio Nazionale", "archivio", "archive")
    archivio.page.save_revision().publish()  # the factory's page has no live revision yet
    archivio.page = refresh(archivio.page)
    archivio.collection_page = tree.collection
    archivio.draft_page = draft(
        CollectionPageFactory(
            parent=archivio.page, title="Bozza dell'archivio", slug="bozza-archivio", live=False
        )
    )

    museo = onboard("Museo Civico", "museo-civico", "museum")
    museo.page.save_revision().publish()
    museo.page = refresh(museo.page)
    museo.collection_page = CollectionPageFactory(
        parent=museo.page, title="Dipinti del museo", slug="dipinti"
    )
    museo.draft_page = draft(
        CollectionPageFactory(
            parent=museo.page, title="Bozza segreta del museo", slug="bozza-museo", live=False
        )
    )
    return Hub(
        tree=tree,
        archivio=archivio,
        museo=museo,
        moderator=moderator,
        translator=translator,
        hub_editor=hub_editor,
    )
