"""The report's summary by one aggregate query (europeana.summary) counts what the
rules (europeana.rules.assess) give item by item."""

from collections import Counter
from decimal import Decimal

import pytest
from wagtail.models import PageViewRestriction

from authorities.models import AgentPage
from heritage_collections.europeana.facts import facts_by_item, item_facts, partner_items
from heritage_collections.europeana.rules import assess
from heritage_collections.europeana.summary import summarise
from heritage_collections.models import ItemAgent, ItemPage, ItemPlace, ObjectType
from heritagehub.rights import RightsStatement
from tests.factories import (
    AgentPageFactory,
    AuthorityIndexPageFactory,
    HeritageImageFactory,
    ItemPageFactory,
    PlacePageFactory,
    add_item_image,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied_items(tree):
    """Items across the tiers and the missing properties, besides the tree's three."""
    manuscript = ObjectType.objects.get(slug="manuscript", locale__language_code="it")
    variants = [
        {"object_type": None, "creator": "", "date_display": "", "date_start": None,
         "date_end": None, "description": ""},
        {"object_type": manuscript, "place_name": "Torino", "latitude": Decimal("45.07"),
         "longitude": Decimal("7.68")},
        {"rights": RightsStatement.CC_BY_NC, "place_name": "  "},
        {"rights": RightsStatement.IN_COPYRIGHT, "description": "<p></p>", "date_end": None},
        {"rights": RightsStatement.CC_BY, "place_name": "Favara"},
    ]  # fmt: skip
    sizes = [None, (1200, 800), (1200, 800), (1200, 800), (840, 500)]
    for number, (changes, size) in enumerate(zip(variants, sizes, strict=True)):
        item = ItemPageFactory(parent=tree.collection, title=f"Variante {number}", **changes)
        if size:
            add_item_image(item, HeritageImageFactory(file__width=size[0], file__height=size[1]))
    tagged = ItemPageFactory(parent=tree.collection, title="Solo tag", object_type=None,
                             date_start=None, materials="Carta", credit_line="")  # fmt: skip
    tagged.tags.add("fiume")
    tagged.save()
    avif = ItemPageFactory(parent=tree.collection, title="Formato non supportato")
    add_item_image(avif, HeritageImageFactory(file__filename="scan.avif"))
    ItemPage.objects.filter(pk=tree.items[2].pk).update(rights="")
    return partner_items([tree.partner])


def python_summary(items, partner_is_live):
    readiness = [assess(facts) for facts in facts_by_item(items, partner_is_live).values()]
    missing = Counter(entry.property for r in readiness for entry in r.missing)
    return {
        "total": len(readiness),
        "ready": sum(r.is_ready for r in readiness),
        "content": Counter(r.content_tier for r in readiness),
        "metadata": Counter(r.metadata_tier for r in readiness),
        "missing": dict(missing),
    }


def sql_summary(items, partner_is_live):
    summary = summarise(items, partner_is_live)
    return {
        "total": summary.total,
        "ready": summary.ready,
        "content": Counter({tier: count for tier, count in summary.content_tiers if count}),
        "metadata": Counter({tier: count for tier, count in summary.metadata_tiers if count}),
        "missing": {name: count for name, _reason, count in summary.missing},
    }


def test_the_summary_counts_what_the_rules_give_each_item(varied_items):
    expected = python_summary(varied_items, partner_is_live=True)
    assert len(expected["content"]) >= 3 and len(expected["metadata"]) >= 3
    assert len(expected["missing"]) >= 3
    assert sql_summary(varied_items, partner_is_live=True) == expected


def test_every_item_misses_the_data_provider_when_the_partner_is_not_live(varied_items):
    summary = sql_summary(varied_items, partner_is_live=False)
    assert summary == python_summary(varied_items, partner_is_live=False)
    assert summary["missing"]["edm:dataProvider"] == summary["total"]
    assert summary["ready"] == 0


def test_the_summary_takes_one_query(varied_items, django_assert_num_queries):
    with django_assert_num_queries(1):
        summarise(varied_items, partner_is_live=True)


def linked_items(tree, slug):
    """Two items at the tiers' top but for the object type: ``slug``'s URI decides."""
    object_type = ObjectType.objects.get(slug=slug, locale__language_code="it")
    for number in range(2):
        ItemPageFactory(
            parent=tree.collection, title=f"Veduta {number}", object_type=object_type,
            date_start=None, date_end=None, credit_line="", materials="Carta",
            place_name="Torino", latitude=Decimal("45.07"), longitude=Decimal("7.68"),
        )  # fmt: skip
    return partner_items([tree.partner])


def tier_c(items):
    return dict(summarise(items, partner_is_live=True).metadata_tiers)["C"]


def test_the_report_counts_items_a_linked_object_type_brings_to_tier_c(tree):
    before = tier_c(partner_items([tree.partner]))
    assert tier_c(linked_items(tree, "painting")) == before + 2


def test_the_report_counts_no_item_at_tier_c_without_a_linked_object_type(tree):
    before = tier_c(partner_items([tree.partner]))
    assert tier_c(linked_items(tree, "object")) == before


@pytest.fixture
def record_links(varied_items, tree):
    """The tree's first item linked to a dated creator record, its second to a place record
    with coordinates, its third to the publisher record of nothing but a name."""
    index = AuthorityIndexPageFactory(parent=tree.home)
    turner = AgentPageFactory(parent=index, title="Turner", slug="turner", start_year=1775)
    nameless = AgentPageFactory(parent=index, title="Anonimo", slug="anonimo", dates="",
                                start_year=None, end_year=None, occupation="")  # fmt: skip
    venice = PlacePageFactory(parent=index, title="Venezia", slug="venezia",
                              latitude=Decimal("45.44"), longitude=Decimal("12.33"))  # fmt: skip
    ItemAgent.objects.create(page=tree.items[0], agent=turner, role="creator")
    ItemPlace.objects.create(page=tree.items[1], place=venice, role="depicted")
    ItemAgent.objects.create(page=tree.items[2], agent=nameless, role="publisher")
    return varied_items


def test_the_facts_of_an_items_links(record_links, tree):
    facts = facts_by_item(record_links, True)
    first, second, third = (facts[item.pk] for item in tree.items[:3])
    assert first.linked_creator and first.linked_agent_entity and not first.linked_place
    assert second.linked_place and second.linked_place_entity and not second.linked_creator
    assert not third.linked_creator and not third.linked_agent_entity


def test_the_summary_counts_the_links_as_the_rules_do(record_links):
    assert sql_summary(record_links, True) == python_summary(record_links, True)


def test_an_agent_link_raises_the_contextual_criterion(tree, record_links):
    # A concept only: no coordinates, no years (their edm:TimeSpan is a class of its own).
    ItemPage.objects.filter(pk=tree.items[2].pk).update(latitude=None, date_start=None)
    before = assess(facts_by_item(record_links, True)[tree.items[2].pk]).criteria
    ItemAgent.objects.create(page=tree.items[2], agent=AgentPage.objects.get(slug="turner"))
    after = assess(facts_by_item(record_links, True)[tree.items[2].pk]).criteria
    assert (before["contextual"], after["contextual"]) == ("B", "C")


def test_the_item_panel_reads_the_same_link_facts(tree, record_links):
    item = ItemPage.objects.get(pk=tree.items[0].pk)
    assert item_facts(item) == facts_by_item(record_links, True)[item.pk]


def test_a_private_record_is_no_link_of_the_facts(record_links, tree):
    turner = AgentPage.objects.get(slug="turner")
    PageViewRestriction.objects.create(page=turner, restriction_type=PageViewRestriction.LOGIN)
    facts = facts_by_item(record_links, True)[tree.items[0].pk]
    assert not facts.linked_creator and not facts.linked_agent_entity
    assert item_facts(ItemPage.objects.get(pk=tree.items[0].pk)) == facts
    assert sql_summary(record_links, True) == python_summary(record_links, True)
