"""The item editor: an identifier is unique within a partner, not across the hub."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from heritage_collections.models import ItemPage
from heritagehub.rights import RightsStatement
from tests.factories import (
    AgentPageFactory,
    AuthorityIndexPageFactory,
    CollectionPageFactory,
    ItemPageFactory,
    PartnerPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")


def item_form(
    parent, superuser, identifier, instance=None, title="Nuovo oggetto", care=(), agents=()
):
    form_class = ItemPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": title,
            "slug": instance.slug if instance else "nuovo-oggetto",
            "identifier": identifier,
            "description": rich_text("<p>Descrizione</p>"),
            "rights": RightsStatement.CC0,
            "images": inline_formset([]),
            "agent_links": inline_formset(
                [{"agent": agent.pk, "role": role} for agent, role in agents]
            ),
            "place_links": inline_formset([]),
            "care_labels": streamfield([("label", {"kind": k, "note": n}) for k, n in care]),
            "comments": inline_formset([]),
        }
    )
    instance = instance or ItemPage(locale=parent.locale)
    return form_class(data, instance=instance, parent_page=parent, for_user=superuser)


def test_a_new_identifier_is_accepted(tree, superuser):
    form = item_form(tree.collection, superuser, "INV-NEW")
    assert form.is_valid(), form.errors


def test_a_partner_sets_care_labels_in_the_editor(tree, superuser):
    care = [("human-remains", "Resti di un antenato."), ("violence", "")]
    form = item_form(tree.collection, superuser, "INV-CARE", care=care)
    assert form.is_valid(), form.errors
    assert [(label.kind, label.note) for label in form.save(commit=False).care_notice] == care
    refused = item_form(tree.collection, superuser, "INV-BAD", care=[("sacred", "")])
    assert not refused.is_valid() and "care_labels" in refused.errors


def test_an_identifier_used_in_another_collection_of_the_same_partner_is_refused(tree, superuser):
    other_collection = CollectionPageFactory(parent=tree.partner, title="Manifesti")
    form = item_form(other_collection, superuser, tree.item.identifier)
    assert not form.is_valid()
    assert "identifier" in form.errors


def test_an_identifier_used_in_the_same_collection_is_refused(tree, superuser):
    form = item_form(tree.collection, superuser, tree.item.identifier)
    assert not form.is_valid()
    assert "identifier" in form.errors


def test_the_same_identifier_is_accepted_for_another_partner(tree, superuser):
    other_partner = PartnerPageFactory(parent=tree.partner_index, title="Museo Civico")
    other_collection = CollectionPageFactory(parent=other_partner, title="Dipinti")
    form = item_form(other_collection, superuser, tree.item.identifier)
    assert form.is_valid(), form.errors


def test_an_item_keeps_its_own_identifier_when_edited(tree, superuser):
    item = ItemPage.objects.get(pk=tree.item.pk)
    form = item_form(
        tree.collection, superuser, item.identifier, instance=item, title="Nuovo titolo"
    )
    assert form.is_valid(), form.errors


def test_a_translation_shares_its_source_identifier(tree, superuser, translate):
    """The English translation of an item has the same identifier: that is no duplicate."""
    for page in (tree.home, tree.partner_index, tree.partner, tree.collection):
        translate(page, "en")
    item_en = translate(tree.item, "en", title="Photograph 1")
    assert item_en.identifier == tree.item.identifier
    form = item_form(
        item_en.get_parent(), superuser, item_en.identifier, instance=item_en, title="Photo"
    )
    assert form.is_valid(), form.errors


def test_an_identifier_is_unique_across_the_partner_language_trees(tree, superuser, translate):
    """An item first written in English sits in the partner's English tree; it still may not
    reuse the identifier of an Italian item of the same partner (imports match on
    partner + identifier)."""
    for page in (tree.home, tree.partner_index):
        translate(page, "en")
    partner_en = translate(tree.partner, "en", title="National Archive")
    english_collection = CollectionPageFactory(parent=partner_en, title="Works on paper")
    form = item_form(english_collection, superuser, tree.item.identifier)
    assert not form.is_valid()
    assert "identifier" in form.errors


def test_an_identifier_is_checked_within_the_partner_english_tree(tree, superuser, translate):
    for page in (tree.home, tree.partner_index):
        translate(page, "en")
    partner_en = translate(tree.partner, "en", title="National Archive")
    english_collection = CollectionPageFactory(parent=partner_en, title="Works on paper")
    ItemPageFactory(parent=english_collection, identifier="EN-1")
    form = item_form(english_collection, superuser, "EN-1")
    assert not form.is_valid()
    assert "identifier" in form.errors


def test_an_editor_links_an_item_to_a_person_in_a_role(tree, superuser):
    index = AuthorityIndexPageFactory(parent=tree.home)
    agent = AgentPageFactory(parent=index)
    form = item_form(tree.collection, superuser, "INV-LINK", agents=[(agent, "publisher")])
    assert form.is_valid(), form.errors
    item = form.save(commit=False)
    assert [(link.agent, link.role) for link in item.agent_links.all()] == [(agent, "publisher")]
