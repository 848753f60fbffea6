"""heritagehub.i18n: one page per translation, in the visitor's language where it exists."""

import pytest
from django.utils import translation
from wagtail.models import Page

from heritage_collections.models import CollectionPage, ItemPage
from heritagehub.i18n import (
    descendants_in_language,
    in_language,
    language_links,
    language_order,
    localize_pages,
    path_in_locale_tree,
    url_in_language,
)
from tests.factories import CollectionPageFactory, ItemPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_tree(tree, translate):
    """The tree with home, partner index, partner, collection and the first item in English."""
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    translate(tree.partner, "en", title="National Archive")
    translate(tree.collection, "en", title="Photographs")
    tree.item_en = translate(tree.item, "en", title="Photograph 1")
    return tree


def test_language_order_puts_the_visitor_language_first_then_settings_order():
    assert language_order("fr") == ["fr", "it", "en", "de", "es"]
    assert language_order("it") == ["it", "en", "fr", "de", "es"]


def test_language_order_defaults_to_the_active_language():
    with translation.override("de"):
        assert language_order()[0] == "de"


def test_in_language_prefers_the_visitor_language(english_tree):
    items = in_language(ItemPage.objects.live(), "en")
    by_key = {item.translation_key: item for item in items}
    assert by_key[english_tree.item.translation_key].pk == english_tree.item_en.pk


def test_in_language_returns_one_page_per_translation_key(english_tree):
    items = list(in_language(ItemPage.objects.live(), "en"))
    keys = [item.translation_key for item in items]
    assert len(keys) == len(set(keys)) == len(english_tree.items)


def test_in_language_falls_back_to_the_source_for_untranslated_pages(english_tree):
    items = in_language(ItemPage.objects.live(), "en")
    untranslated = {item.pk for item in items if item.locale.language_code == "it"}
    assert untranslated == {english_tree.items[1].pk, english_tree.items[2].pk}


def test_in_language_serves_the_source_in_a_language_nobody_translated(english_tree):
    items = in_language(ItemPage.objects.live(), "fr")
    assert {item.locale.language_code for item in items} == {"it"}


def test_in_language_follows_settings_order_among_fallbacks(tree, translate, locales):
    """A page written in German and translated into Spanish reaches a French visitor in
    German only if no Italian or English version exists: fr → it → en → de → es."""
    translate(tree.home, "de")
    translate(tree.partner_index, "de")
    translate(tree.partner, "de")
    de_collection = translate(tree.collection, "de")
    de_item = ItemPageFactory(parent=de_collection, title="Nur Deutsch")
    translate(tree.home, "es")
    translate(tree.partner_index, "es")
    translate(tree.partner, "es")
    translate(tree.collection, "es")
    translate(de_item, "es", title="Solo alemán")
    chosen = in_language(
        ItemPage.objects.live().filter(translation_key=de_item.translation_key), "fr"
    )
    assert [page.locale.language_code for page in chosen] == ["de"]


def test_in_language_uses_the_active_language_by_default(english_tree):
    with translation.override("en"):
        items = in_language(ItemPage.objects.live())
        assert english_tree.item_en.pk in {item.pk for item in items}


def test_in_language_ignores_draft_translations(tree, translate):
    translate(tree.home, "en")
    translate(tree.partner_index, "en")
    translate(tree.partner, "en")
    translate(tree.collection, "en")
    draft = translate(tree.item, "en", publish=False)
    assert not draft.live
    items = in_language(ItemPage.objects.live(), "en")
    assert tree.item.pk in {item.pk for item in items}
    assert draft.pk not in {item.pk for item in items}


def test_in_language_keeps_the_queryset_model(english_tree):
    items = in_language(ItemPage.objects.live(), "en")
    assert items.model is ItemPage


def test_in_language_costs_a_constant_number_of_queries(
    english_tree, django_assert_max_num_queries
):
    for _ in range(40):
        ItemPageFactory(parent=english_tree.collection)
    with django_assert_max_num_queries(2):  # the locales, then the pages
        assert len(list(in_language(ItemPage.objects.live(), "en"))) == 43


def test_path_in_locale_tree_drops_the_home_slug(english_tree):
    assert path_in_locale_tree(english_tree.item) == "partners/archivio/fotografie/fotografia-1/"
    assert path_in_locale_tree(english_tree.item_en) == "partners/archivio/fotografie/fotografia-1/"
    assert path_in_locale_tree(english_tree.home) == ""


def test_translations_keep_the_source_slug(english_tree):
    """Slugs are synchronized: a page has the same path under every language prefix."""
    assert english_tree.item_en.slug == english_tree.item.slug
    assert english_tree.item_en.url_path.split("/")[2:] == english_tree.item.url_path.split("/")[2:]


def test_url_in_language_prefixes_the_path_with_the_language(english_tree):
    assert (
        url_in_language(english_tree.item, "fr") == "/fr/partners/archivio/fotografie/fotografia-1/"
    )
    assert url_in_language(english_tree.home, "de") == "/de/"


def test_language_links_lead_to_the_translation_where_it_exists(english_tree):
    links = {link.code: link for link in language_links(english_tree.item, "it")}
    assert [link.code for link in language_links(english_tree.item, "it")] == [
        "it",
        "en",
        "fr",
        "de",
        "es",
    ]
    assert links["en"].translated and links["it"].translated
    assert links["en"].url == "/en/partners/archivio/fotografie/fotografia-1/"
    assert links["it"].url == "/it/partners/archivio/fotografie/fotografia-1/"


def test_language_links_lead_to_the_same_path_where_untranslated(english_tree):
    links = {link.code: link for link in language_links(english_tree.items[1], "en")}
    assert not links["fr"].translated
    assert not links["en"].translated
    assert links["fr"].url == "/fr/partners/archivio/fotografie/fotografia-2/"
    assert links["it"].translated


def test_language_links_mark_the_current_language(english_tree):
    links = language_links(english_tree.item, "en")
    assert [link.code for link in links if link.current] == ["en"]


def test_language_links_ignore_draft_translations(tree, translate):
    translate(tree.home, "en")
    translate(tree.standard, "en", publish=False)
    links = {link.code: link for link in language_links(tree.standard, "it")}
    assert not links["en"].translated


def test_localize_pages_keeps_the_chosen_order_in_the_visitor_language(english_tree):
    chosen = [english_tree.items[2], english_tree.item, english_tree.items[1]]
    localized = localize_pages(chosen, "en")
    assert [page.pk for page in localized] == [
        english_tree.items[2].pk,
        english_tree.item_en.pk,
        english_tree.items[1].pk,
    ]
    assert isinstance(localized[1], ItemPage)


def test_localize_pages_accepts_pages_chosen_in_another_language(english_tree):
    localized = localize_pages([english_tree.item_en], "it")
    assert [page.pk for page in localized] == [english_tree.item.pk]


def test_localize_pages_drops_pages_that_are_no_longer_live(tree):
    tree.items[1].unpublish()
    localized = localize_pages([tree.item, tree.items[1]], "it")
    assert [page.pk for page in localized] == [tree.item.pk]


def test_descendants_in_language_include_children_of_other_locale_trees(english_tree):
    """A collection written in English (only in the English tree) belongs to the partner."""
    partner_en = english_tree.partner.get_translation(english_tree.item_en.locale)
    english_only = CollectionPageFactory(parent=partner_en, title="Works on paper")
    collections = descendants_in_language(english_tree.partner, CollectionPage, "it")
    assert {c.pk for c in collections} == {english_tree.collection.pk, english_only.pk}


def test_descendants_in_language_return_each_collection_once(english_tree):
    collections = descendants_in_language(english_tree.partner, CollectionPage, "en")
    assert [c.pk for c in collections] == [
        english_tree.collection.get_translation(english_tree.item_en.locale).pk
    ]


def test_descendants_in_language_stay_inside_the_partner(tree):
    from tests.factories import PartnerPageFactory

    other = PartnerPageFactory(parent=tree.partner_index)
    CollectionPageFactory(parent=other)
    collections = descendants_in_language(tree.partner, CollectionPage, "it")
    assert [c.pk for c in collections] == [tree.collection.pk]


def test_content_language_is_the_page_locale(english_tree):
    assert english_tree.item_en.content_language == "en"
    with translation.override("fr"):
        assert english_tree.item_en.is_shown_untranslated()
    with translation.override("en"):
        assert not english_tree.item_en.is_shown_untranslated()


def test_page_tree_stays_consistent_after_translations(english_tree):
    """Upstream wagtail-localize#773 leaves numchild at 0 when parent and children are
    translated together: the translated parents must count their translated children."""
    en = english_tree.item_en.locale
    collection_en = english_tree.collection.get_translation(en)
    assert Page.objects.get(pk=collection_en.pk).numchild == 1
    partner_en = english_tree.partner.get_translation(en)
    assert Page.objects.get(pk=partner_en.pk).numchild == 1


def test_descendants_in_language_children_only_leave_out_grandchildren(tree):
    from heritage_collections.models import ItemPage

    assert list(descendants_in_language(tree.partner, ItemPage, "it", children_only=True)) == []
    below_collection = descendants_in_language(tree.collection, ItemPage, "it", children_only=True)
    assert {item.pk for item in below_collection} == {item.pk for item in tree.items}
