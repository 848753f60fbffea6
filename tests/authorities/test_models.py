"""The records as models: names, dates, tree rules."""

import pytest
from django.core.exceptions import ValidationError

from authorities.models import AgentPage, AuthorityIndexPage, PlacePage
from authorities.names import fold, name_keys, sort_name, years_in
from heritage_collections.models import CollectionPage
from home.models import HomePage


def test_a_person_sorts_by_surname_when_no_sort_name_is_given(authority_index):
    agent = AgentPage(title="Joseph Mallord William Turner", slug="turner")
    agent.clean()
    assert agent.sort_name == "Turner, Joseph Mallord William"


def test_an_organisation_sorts_by_its_name(authority_index):
    agent = AgentPage(title="Royal Academy of Arts", slug="ra", kind="organisation")
    agent.clean()
    assert agent.sort_name == "Royal Academy of Arts"


def test_a_death_before_birth_is_refused(turner):
    turner.end_year = 1700
    with pytest.raises(ValidationError) as error:
        turner.clean()
    assert "end_year" in error.value.message_dict


def test_records_live_only_under_the_index():
    assert set(AuthorityIndexPage.allowed_subpage_models()) == {AgentPage, PlacePage}
    assert AgentPage not in CollectionPage.allowed_subpage_models()
    assert AgentPage not in HomePage.allowed_subpage_models()
    assert AuthorityIndexPage in HomePage.allowed_subpage_models()


def test_alternative_names_are_one_a_line(turner):
    turner.alternative_names = "J.M.W. Turner\n\n  William Turner  "
    assert turner.alternative_name_list == ["J.M.W. Turner", "William Turner"]


def test_fold_drops_accents_case_and_punctuation():
    assert fold("Dürer, Albrecht!") == "durer albrecht"


def test_name_keys_turn_a_name_round():
    assert "joseph mallord william turner" in name_keys("Turner, Joseph Mallord William")
    assert "turner joseph mallord william" in name_keys("Joseph Mallord William Turner")


def test_name_keys_leave_dates_out():
    assert name_keys("Turner, Joseph Mallord William (1775–1851)") == name_keys(
        "Turner, Joseph Mallord William"
    )


def test_years_in_text():
    assert years_in("Joseph Mallord William Turner 1775–1851") == [1775, 1851]


def test_sort_name():
    assert sort_name("Berenice Abbott") == "Abbott, Berenice"
    assert sort_name("Abbott, Berenice") == "Abbott, Berenice"
