"""Europeana readiness rules (heritage_collections.europeana.rules): content tiers, metadata tiers,
missing EDM mandatory properties and the advice to raise each tier. Pure computation."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.utils import translation

from heritage_collections.europeana import rules
from heritage_collections.europeana.rules import ImageFacts, ItemFacts, assess
from heritagehub.rights import RightsStatement


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def image(width, height, name="scan.jpg"):
    return ImageFacts(width, height, f"original_images/{name}")


def item(**facts):
    """A well described item (metadata tier B, no image) with ``facts`` changed."""
    complete = {
        "title": "Veduta del Po",
        "has_description": True,
        "object_type": "photograph",
        "creator": "Mario Gabinio",
        "date_start": 1920,
        "place_name": "Torino",
        "latitude": Decimal("45.07"),
        "longitude": Decimal("7.68"),
        "materials": "Gelatina bromuro d'argento",
        "rights": RightsStatement.CC0,
    }
    complete.update(facts)
    return ItemFacts(**complete)


# --- content tier ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "tier"),
    [
        ((399, 250), 0),  # 99,750 px: below 0.1 MP
        ((400, 250), 1),  # 100,000 px
        ((839, 500), 1),  # 419,500 px: below 0.42 MP
        ((840, 500), 2),  # 420,000 px
        ((1187, 800), 2),  # 949,600 px: below 0.95 MP
        ((1200, 800), 4),  # 960,000 px, open rights
        ((1000, 950), 4),  # 950,000 px exactly
    ],
)
def test_image_resolution_decides_the_content_tier(size, tier):
    assert assess(item(images=(image(*size),))).content_tier == tier


@pytest.mark.parametrize(
    ("rights", "tier"),
    [
        (RightsStatement.PUBLIC_DOMAIN_MARK, 4),
        (RightsStatement.CC0, 4),
        (RightsStatement.CC_BY, 4),
        (RightsStatement.CC_BY_SA, 4),
        (RightsStatement.CC_BY_NC, 3),
        (RightsStatement.CC_BY_ND, 3),
        (RightsStatement.CC_BY_NC_SA, 3),
        (RightsStatement.CC_BY_NC_ND, 3),
        (RightsStatement.NO_COPYRIGHT_NC, 3),
        (RightsStatement.NO_COPYRIGHT_OTHER, 3),
        (RightsStatement.IN_COPYRIGHT_EDU, 3),
        (RightsStatement.IN_COPYRIGHT, 2),
        (RightsStatement.IN_COPYRIGHT_ORPHAN, 2),
        (RightsStatement.NOT_EVALUATED, 2),
    ],
)
def test_the_rights_statement_caps_a_large_image(rights, tier):
    assert assess(item(rights=rights, images=(image(1200, 800),))).content_tier == tier


def test_closed_rights_do_not_lower_a_small_image_below_its_resolution_tier():
    facts = item(rights=RightsStatement.IN_COPYRIGHT, images=(image(400, 250),))
    assert assess(facts).content_tier == 1


def test_an_item_without_images_is_at_content_tier_0():
    assert assess(item()).content_tier == 0


def test_the_largest_image_decides_not_the_first():
    facts = item(images=(image(400, 250), image(1200, 800)))
    assert assess(facts).content_tier == 4


def test_images_in_a_format_europeana_cannot_show_do_not_count():
    facts = item(images=(image(1200, 800, "scan.avif"), image(400, 250)))
    assert assess(facts).content_tier == 1


def test_the_advice_names_the_image_size_of_the_next_tier():
    advice = assess(item(images=(image(840, 500),))).content_advice
    assert advice.tier == "3"
    assert advice.steps == ("Upload an image of at least 1200×800 pixels (0.95 megapixels).",)


def test_the_advice_asks_for_reusable_rights_when_only_the_rights_hold_tier_3_back():
    facts = item(rights=RightsStatement.IN_COPYRIGHT, images=(image(1200, 800),))
    advice = assess(facts).content_advice
    assert advice.tier == "3"
    assert len(advice.steps) == 1
    assert advice.steps[0].startswith("Choose a rights statement that allows reuse")


def test_the_advice_asks_for_an_open_licence_to_reach_tier_4():
    facts = item(rights=RightsStatement.CC_BY_NC, images=(image(1200, 800),))
    advice = assess(facts).content_advice
    assert (advice.tier, len(advice.steps)) == ("4", 1)
    assert "CC0" in advice.steps[0]


def test_there_is_no_content_advice_at_tier_4():
    assert assess(item(images=(image(1200, 800),))).content_advice is None


# --- metadata tier --------------------------------------------------------------------------


def test_a_well_described_item_is_at_metadata_tier_b():
    readiness = assess(item())
    # 4 of 6 properties tagged; 6 enabling elements in 4 groups; an edm:Place, an edm:TimeSpan.
    assert readiness.criteria == {"language": "B", "enabling": "C", "contextual": "C"}
    assert readiness.metadata_tier == "B"


PHOTOGRAPHS = "http://vocab.getty.edu/aat/300046300"
LINK_AGENT = (
    "Link the item to the record of its creator, with years, an occupation or an identifier: "
    "it is written as an edm:Agent."
)
LINK_TYPE = (
    "Choose an object type linked to Getty AAT or Wikidata (one with a URI): it is written as "
    "a concept of the vocabulary."
)
GIVE_YEARS = "Give the start year (and the end year): it is written as a time span (edm:TimeSpan)."


def test_an_object_type_without_uri_is_advised_to_link_a_vocabulary_for_tier_c():
    advice = assess(item(date_start=None)).metadata_advice
    assert advice.tier == "C"
    assert advice.steps[-2:] == (LINK_TYPE, GIVE_YEARS)


def test_an_object_type_with_uri_is_a_contextual_class():
    facts = item(date_start=None, latitude=None, longitude=None, object_type_uri=PHOTOGRAPHS)
    assert assess(facts).criteria["contextual"] == "B"


def test_a_place_and_a_linked_object_type_are_two_contextual_classes():
    assert assess(item(object_type_uri=PHOTOGRAPHS)).criteria["contextual"] == "C"


def test_two_concepts_count_as_one_kind_of_contextual_class(monkeypatch):
    monkeypatch.setattr(
        rules,
        "CONTEXTUAL_CLASSES_WRITTEN",
        (*rules.CONTEXTUAL_CLASSES_WRITTEN, ("skos:Concept", lambda facts: True)),
    )
    facts = item(date_start=None, latitude=None, longitude=None, object_type_uri=PHOTOGRAPHS)
    assert assess(facts).criteria["contextual"] == "B"


def test_an_item_with_a_place_a_linked_type_and_no_untagged_years_reaches_tier_c():
    # Tagged: title, description, type, materials; untagged: the place (4 of 5: 80 %).
    readiness = assess(item(date_start=None, object_type_uri=PHOTOGRAPHS))
    assert readiness.criteria == {"language": "C", "enabling": "C", "contextual": "C"}
    assert readiness.metadata_tier == "C"
    assert readiness.metadata_advice is None


def test_a_well_described_item_with_a_linked_type_stops_at_b_on_untagged_properties():
    readiness = assess(item(object_type_uri=PHOTOGRAPHS))
    assert readiness.criteria["language"] == "B"
    assert readiness.metadata_tier == "B"


def test_without_any_enabling_element_the_metadata_tier_is_0():
    readiness = assess(ItemFacts(title="Senza dati", rights=RightsStatement.CC0))
    assert readiness.criteria["enabling"] == "0"
    assert readiness.metadata_tier == "0"


def test_one_enabling_element_reaches_tier_a():
    facts = ItemFacts(title="Ritratto", creator="Anonimo")
    assert assess(facts).criteria["enabling"] == "A"


def test_tier_b_needs_enabling_elements_from_two_groups():
    two_of_one_group = ItemFacts(title="Ritratto", object_type="painting", materials="Olio")
    assert assess(two_of_one_group).criteria["enabling"] == "A"
    three = ItemFacts(title="Ritratto", object_type="painting", materials="Olio", creator="X")
    assert assess(three).criteria["enabling"] == "B"


def test_a_place_without_coordinates_is_no_contextual_entity():
    readiness = assess(item(longitude=None, date_start=None))
    assert readiness.criteria["contextual"] == "A"
    assert readiness.metadata_tier == "A"
    assert readiness.metadata_advice.steps == (
        "Give the place with its latitude and longitude.",
        LINK_AGENT,
        LINK_TYPE,
        GIVE_YEARS,
    )


def test_untagged_values_lower_the_language_share():
    facts = ItemFacts(
        title="Cartolina", place_name="Favara", source_url="https://example.org/1",
        has_tags=True, date_start=1910,
    )  # fmt: skip
    readiness = assess(facts)
    assert readiness.criteria["language"] == "0"  # 1 of 5
    assert readiness.metadata_advice.steps[0] == (
        "Write a description and choose an object type: they are tagged with a language."
    )


def test_the_credit_line_is_tagged_with_the_items_language():
    facts = ItemFacts(title="Cartolina", credit_line="Dono", has_tags=True, date_start=1910)
    assert assess(facts).criteria["language"] == "B"  # 2 of 4


@pytest.mark.parametrize(
    ("changes", "tier"),
    [
        ({"materials": "", "place_name": "", "has_description": False}, "B"),  # 2 of 3
        ({"materials": "", "place_name": ""}, "C"),  # 3 of 4
        ({"place_name": ""}, "C"),  # 4 of 5
        ({"has_tags": True}, "B"),  # 4 of 7
        ({"materials": "", "source_url": "https://example.org/1", "has_tags": True}, "A"),
    ],
)
def test_the_language_share_thresholds(changes, tier):
    assert assess(item(**changes)).criteria["language"] == tier


def test_the_metadata_advice_lists_the_enabling_elements_still_empty():
    advice = assess(ItemFacts(title="Ritratto", creator="Anonimo")).metadata_advice
    assert advice.tier == "B"
    assert advice.steps == (
        "Fill in 2 more of: object type, materials and technique, start year, place.",
        "Give the place with its latitude and longitude.",
        LINK_AGENT,
        LINK_TYPE,
        GIVE_YEARS,
    )


# --- mandatory properties -------------------------------------------------------------------


def missing_properties(facts):
    return [(entry.property, entry.field) for entry in assess(facts).missing]


def test_a_complete_item_misses_nothing():
    readiness = assess(item(images=(image(1200, 800),)))
    assert readiness.missing == ()
    assert readiness.is_ready


def test_an_item_without_title_and_description_misses_dc_title():
    assert missing_properties(item(title="", has_description=False)) == [("dc:title", "title")]


def test_a_description_is_enough_without_a_title():
    assert missing_properties(item(title="")) == []


def test_text_items_miss_dc_language():
    assert missing_properties(item(object_type="manuscript")) == [("dc:language", None)]


def test_an_item_without_type_tags_place_or_years_misses_the_subject_properties():
    facts = item(object_type="", place_name="", date_start=None)
    assert missing_properties(facts) == [
        ("dc:subject, dc:type, dcterms:spatial or dcterms:temporal", "object_type")
    ]


def test_tags_are_enough_for_the_subject_properties():
    facts = item(object_type="", place_name="", date_start=None, has_tags=True)
    assert missing_properties(facts) == []


def test_an_item_without_rights_misses_edm_rights():
    assert missing_properties(item(rights="")) == [("edm:rights", "rights")]


def test_an_item_without_a_live_partner_misses_edm_data_provider():
    assert missing_properties(item(has_partner=False)) == [("edm:dataProvider", None)]


def test_an_item_whose_images_europeana_cannot_show_misses_edm_is_shown_by():
    facts = item(images=(image(1200, 800, "scan.avif"),))
    assert missing_properties(facts) == [("edm:isShownBy", "images")]


# --- links to authority records ---------------------------------------------------------------


def test_a_linked_agent_is_a_contextual_class():
    facts = item(date_start=None, latitude=None, longitude=None, linked_agent_entity=True)
    assert assess(facts).criteria["contextual"] == "B"


def test_a_linked_agent_and_a_place_are_two_kinds_of_contextual_class():
    assert assess(item(linked_agent_entity=True)).criteria["contextual"] == "C"


def test_a_linked_place_record_replaces_the_items_own_place():
    facts = item(object_type_uri=PHOTOGRAPHS, linked_place=True, linked_place_entity=False)
    assert rules.contextual_classes(facts) == {"skos:Concept", "edm:TimeSpan"}


def test_a_linked_place_record_counts_as_tagged():
    facts = item(has_tags=True)
    linked = item(has_tags=True, linked_place=True, linked_place_entity=True)
    assert rules.language_share(linked) > rules.language_share(facts)


def test_a_linked_creator_is_an_enabling_element_without_the_creator_text():
    assert "dc:creator" in rules.enabling_elements(item(creator="", linked_creator=True))


def test_an_agent_record_needs_a_date_an_occupation_or_an_identifier():
    assert not rules.agent_is_entity(None, None, "", [])
    assert rules.agent_is_entity(1775, None, "", [])
    assert rules.agent_is_entity(None, None, "painter", [])
    assert rules.agent_is_entity(None, None, "", ["http://www.wikidata.org/entity/Q159758"])


# --- the years' edm:TimeSpan ------------------------------------------------------------------


def test_the_years_are_a_time_span_a_contextual_class_of_their_own():
    facts = item(latitude=None, longitude=None)
    assert rules.contextual_classes(facts) == {"edm:TimeSpan"}
    assert assess(facts).criteria["contextual"] == "B"
    assert rules.contextual_classes(item(date_start=None, latitude=None, longitude=None)) == set()


def test_the_time_span_and_a_linked_type_bring_the_contextual_criterion_to_c():
    facts = item(latitude=None, longitude=None, object_type_uri=PHOTOGRAPHS)
    assert assess(facts).criteria["contextual"] == "C"
    assert assess(replace(facts, date_start=None)).criteria["contextual"] == "B"


def test_the_time_span_is_linked_from_dcterms_created_an_enabling_element_of_time():
    assert rules.enabling_elements(item())["dcterms:created"] == "time"
    assert "dcterms:created" not in rules.enabling_elements(item(date_start=None))
    # dc:type, dcterms:temporal and dcterms:created: three elements of two groups, as Metis
    # counts them (without the time span's link, two: tier A).
    two = ItemFacts(title="Ritratto", object_type="painting", date_start=1890)
    assert assess(two).criteria["enabling"] == "B"
