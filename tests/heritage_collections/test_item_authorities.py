"""An item and the records it is linked to: its page, its JSON-LD, its editor, the API, and
the review of proposed links in the admin."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from heritage_collections.models import AuthorityProposal, ItemAgent, ItemPlace
from partners.roles import HUB_EDITORS
from tests.factories import (
    AgentPageFactory,
    AuthorityIndexPageFactory,
    PlacePageFactory,
    UserFactory,
)
from tests.json_ld import json_ld
from tests.partners.admin_client import PAGE_EDIT, login

ITEM = "/it/partners/archivio/fotografie/fotografia-1/"
WIKIDATA = "http://www.wikidata.org/entity/Q159758"


@pytest.fixture
def records(tree):
    index = AuthorityIndexPageFactory(parent=tree.home)
    agent = AgentPageFactory(parent=index, title="Anonimo torinese", slug="anonimo",
                             identifiers=[WIKIDATA])  # fmt: skip
    place = PlacePageFactory(parent=index, title="Torino", slug="torino")
    return agent, place


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


def test_the_creator_links_to_the_record(client, tree, records):
    agent, _place = records
    ItemAgent.objects.create(page=tree.item, agent=agent, role="creator")
    html = client.get(ITEM).content.decode()
    assert '<a href="/it/authorities/anonimo/">Anonimo</a>' in html


def test_a_draft_or_private_record_is_neither_named_nor_linked(client, tree, records):
    agent, place = records
    agent.unpublish()
    PageViewRestriction.objects.create(page=place, restriction_type=PageViewRestriction.LOGIN)
    ItemAgent.objects.create(page=tree.item, agent=agent, role="depicted")
    ItemPlace.objects.create(page=tree.item, place=place, role="made")
    html = client.get(ITEM).content.decode()
    assert "/it/authorities/anonimo/" not in html and "Raffigurato" not in html
    assert "/it/authorities/torino/" not in html and "Realizzato a" not in html
    assert WIKIDATA not in html  # nor in the JSON-LD


def test_without_a_link_the_creator_searches_the_collections(client, tree, records):
    html = client.get(ITEM).content.decode()
    assert "/it/authorities/anonimo/" not in html
    assert "/it/collections/?q=Anonimo" in html


def test_a_depicted_person_and_a_place_are_listed_with_their_roles(client, tree, records):
    agent, place = records
    ItemAgent.objects.create(page=tree.item, agent=agent, role="depicted")
    ItemPlace.objects.create(page=tree.item, place=place, role="made")
    html = client.get(ITEM).content.decode()
    assert "Raffigurato" in html and "/it/authorities/anonimo/" in html
    assert "Realizzato a" in html and "/it/authorities/torino/" in html


def test_the_item_json_ld_names_the_creator_record_with_same_as(client, tree, records):
    agent, place = records
    ItemAgent.objects.create(page=tree.item, agent=agent, role="creator")
    ItemPlace.objects.create(page=tree.item, place=place, role="made")
    data = json_ld(client.get(ITEM))
    (creator,) = data["creator"]
    assert creator["@type"] == "Person"
    assert creator["sameAs"] == [WIKIDATA]
    assert creator["url"].endswith("/it/authorities/anonimo/")
    assert data["locationCreated"]["url"].endswith("/it/authorities/torino/")


def test_the_item_json_ld_keeps_the_text_creator_without_a_link(client, tree, records):
    data = json_ld(client.get(ITEM))
    assert data["creator"] == [{"@type": "Person", "name": "Anonimo"}]


def test_the_item_editor_shows_the_links(client, tree, records, superuser):
    login(client, superuser)
    html = client.get(PAGE_EDIT.format(tree.item.pk)).content.decode()
    assert 'id="id_agent_links-TOTAL_FORMS"' in html
    assert 'id="id_place_links-TOTAL_FORMS"' in html


def test_the_api_lists_an_items_links(client, tree, records):
    agent, _place = records
    ItemAgent.objects.create(page=tree.item, agent=agent, role="creator")
    data = client.get(f"/api/v2/pages/{tree.item.pk}/").json()
    assert data["agent_links"][0]["role"] == "creator"
    assert data["agent_links"][0]["agent"]["id"] == agent.pk


def test_accepting_a_proposal_in_the_admin_links_the_item(client, tree, records, superuser):
    agent, _place = records
    proposal = AuthorityProposal.objects.create(
        item=tree.item, agent=agent, role="creator", text="Anonimo", score=0.5
    )
    login(client, superuser)
    url = f"/admin/snippets/heritage_collections/authorityproposal/edit/{proposal.pk}/"
    assert client.get("/admin/snippets/heritage_collections/authorityproposal/").status_code == 200
    response = client.post(url, {"status": "accepted"})
    assert response.status_code == 302
    assert ItemAgent.objects.filter(page=tree.item, agent=agent).exists()


def test_a_translation_of_the_item_keeps_its_links(tree, records, translate):
    agent, place = records
    item = tree.item.specific
    item.agent_links.add(ItemAgent(agent=agent, role="creator"))
    item.place_links.add(ItemPlace(place=place, role="made"))
    item.save_revision().publish()
    english = translate(item, "en")
    assert [(link.agent, link.role) for link in english.agent_links.all()] == [(agent, "creator")]
    assert [(link.place, link.role) for link in english.place_links.all()] == [(place, "made")]


def test_a_records_translation_lists_the_items_of_its_source(client, tree, records, translate):
    agent, _place = records
    ItemAgent.objects.create(page=tree.item, agent=agent, role="depicted")
    translate(tree.home, "en", title="Heritage Hub")
    translate(agent.get_parent(), "en", title="People and places")
    translate(agent, "en", title="Anonymous of Turin")
    html = client.get("/en/authorities/anonimo/").content.decode()
    assert "Anonymous of Turin" in html
    assert tree.item.title in html


def test_hub_editors_review_proposals(client, tree, records):
    editor = UserFactory(username="hub", groups=[Group.objects.get(name=HUB_EDITORS)])
    login(client, editor)
    response = client.get("/admin/snippets/heritage_collections/authorityproposal/")
    assert response.status_code == 200
