"""reconcile_authorities: proposals from items' free text to records, by name alone."""

from io import StringIO

import pytest
from django.core.management import call_command

from heritage_collections.models import AuthorityProposal, ItemAgent, ItemPage, ItemPlace
from heritage_collections.reconciliation import accept, reconcile, reject
from tests.factories import AgentPageFactory, AuthorityIndexPageFactory, PlacePageFactory


@pytest.fixture
def index(home):
    return AuthorityIndexPageFactory(parent=home)


def set_creator(item, text):
    ItemPage.objects.filter(pk=item.pk).update(creator=text)


def proposals(**filters):
    return list(AuthorityProposal.objects.filter(**filters))


def test_an_exact_name_is_proposed_at_full_score(tree, index):
    turner = AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "Joseph Mallord William Turner")
    reconcile()
    (proposal,) = proposals(item=tree.items[0])
    assert (proposal.agent, proposal.role, proposal.score) == (turner, "creator", 1.0)
    assert proposal.status == "proposed"


def test_accents_and_case_do_not_matter(tree, index):
    AgentPageFactory(parent=index, title="Albrecht Dürer")
    set_creator(tree.items[0], "ALBRECHT DURER")
    reconcile()
    assert len(proposals(item=tree.items[0])) == 1


def test_surname_forename_matches_forename_surname(tree, index):
    turner = AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "Turner, Joseph Mallord William")
    reconcile()
    (proposal,) = proposals(item=tree.items[0])
    assert proposal.agent == turner


def test_an_alternative_name_matches(tree, index):
    turner = AgentPageFactory(
        parent=index, title="Joseph Mallord William Turner", alternative_names="J.M.W. Turner"
    )
    set_creator(tree.items[0], "J.M.W. Turner")
    reconcile()
    assert proposals(item=tree.items[0])[0].agent == turner


def test_dates_in_the_text_tell_namesakes_apart(tree, index):
    AgentPageFactory(parent=index, title="John Smith", start_year=1652, end_year=1743)
    younger = AgentPageFactory(
        parent=index, title="John Smith", slug="john-smith-2", start_year=1749, end_year=1831
    )
    set_creator(tree.items[0], "Smith, John (1749–1831)")
    reconcile()
    (proposal,) = proposals(item=tree.items[0])
    assert (proposal.agent, proposal.score) == (younger, 1.0)


def test_namesakes_without_dates_stay_proposed_at_a_lower_score(tree, index):
    AgentPageFactory(parent=index, title="John Smith", start_year=1652, end_year=1743)
    AgentPageFactory(
        parent=index, title="John Smith", slug="john-smith-2", start_year=1749, end_year=1831
    )
    set_creator(tree.items[0], "John Smith")
    reconcile(accept_exact=True)
    found = proposals(item=tree.items[0])
    assert [p.score for p in found] == [0.5, 0.5]
    assert {p.status for p in found} == {"proposed"}
    assert not ItemAgent.objects.exists()


def test_an_unknown_name_is_not_proposed(tree, index):
    AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "William Blake")
    reconcile()
    assert not proposals(item=tree.items[0])


def test_attributed_to_is_proposed_in_that_role(tree, index):
    AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "attributed to Joseph Mallord William Turner")
    reconcile()
    assert proposals(item=tree.items[0])[0].role == "attributed_to"


def test_a_place_name_is_proposed_in_the_role_asked(tree, index):
    venice = PlacePageFactory(parent=index, title="Venice", alternative_names="Venezia")
    ItemPage.objects.filter(pk=tree.items[0].pk).update(place_name="Venezia")
    reconcile(place_role="depicted")
    (proposal,) = proposals(item=tree.items[0], place__isnull=False)
    assert (proposal.place, proposal.role) == (venice, "depicted")


def test_accept_exact_links_every_translation_of_the_item(tree, index, translate):
    turner = AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "Joseph Mallord William Turner")
    english = translate(tree.items[0], "en")
    reconcile(accept_exact=True)
    assert AuthorityProposal.objects.get().status == "accepted"
    linked = set(ItemAgent.objects.filter(agent=turner).values_list("page_id", flat=True))
    assert linked == {tree.items[0].pk, english.pk}


def test_accepting_adds_the_link_to_the_latest_revision(tree, index):
    turner = AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    item = tree.items[0]
    item.creator = "Joseph Mallord William Turner"
    item.save_revision().publish()
    reconcile(accept_exact=True)
    draft = ItemPage.objects.get(pk=item.pk).get_latest_revision_as_object()
    assert [link.agent_id for link in draft.agent_links.all()] == [turner.pk]


def test_accepting_a_proposal_creates_the_link(tree, index):
    turner = AgentPageFactory(parent=index, title="John Smith", start_year=1652)
    AgentPageFactory(parent=index, title="John Smith", slug="john-smith-2", start_year=1749)
    set_creator(tree.items[0], "John Smith")
    reconcile()
    chosen = AuthorityProposal.objects.get(agent=turner)
    accept([chosen])
    assert ItemAgent.objects.filter(page=tree.items[0], agent=turner, role="creator").exists()


def test_a_rejected_proposal_is_not_proposed_again(tree, index):
    AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "Joseph Mallord William Turner")
    reconcile()
    reject(AuthorityProposal.objects.all())
    assert reconcile(accept_exact=True).proposed == 0
    assert AuthorityProposal.objects.get().status == "rejected"
    assert not ItemAgent.objects.exists()


def test_running_again_proposes_and_links_nothing_twice(tree, index):
    AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    PlacePageFactory(parent=index, title="Venezia")
    set_creator(tree.items[0], "Joseph Mallord William Turner")
    ItemPage.objects.filter(pk=tree.items[0].pk).update(place_name="Venezia")
    first, second = StringIO(), StringIO()
    call_command("reconcile_authorities", "--accept-exact", stdout=first)
    call_command("reconcile_authorities", "--accept-exact", stdout=second)
    assert first.getvalue().startswith("2 links proposed, 2 accepted")
    assert second.getvalue().startswith("0 links proposed")
    assert AuthorityProposal.objects.count() == 2
    assert ItemAgent.objects.count() == 1
    assert ItemPlace.objects.count() == 1


def test_proposals_are_accepted_a_batch_at_a_time(tree, index, monkeypatch):
    # A creator with more items than one query takes parameters (SQLite) is accepted in batches.
    monkeypatch.setattr("heritage_collections.reconciliation.ACCEPT_BATCH", 2)
    turner = AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    for item in tree.items:
        set_creator(item, "Joseph Mallord William Turner")
    result = reconcile(accept_exact=True)
    linked = set(ItemAgent.objects.filter(agent=turner).values_list("page_id", flat=True))
    assert (result.accepted, result.linked) == (3, 3)
    assert linked == {item.pk for item in tree.items}


def test_accepting_many_proposals_updates_the_planner_statistics(tree, index, monkeypatch):
    analyzed = []
    monkeypatch.setattr("heritage_collections.reconciliation.ANALYZE_AFTER", 3)
    monkeypatch.setattr("heritage_collections.reconciliation.update_statistics", analyzed.append)
    AgentPageFactory(parent=index, title="Joseph Mallord William Turner")
    set_creator(tree.items[0], "Joseph Mallord William Turner")
    reconcile(accept_exact=True)
    assert analyzed == [], "one link: no statistics to update"
    for item in tree.items[1:]:
        set_creator(item, "Joseph Mallord William Turner")
    ItemAgent.objects.all().delete()
    AuthorityProposal.objects.all().delete()
    reconcile(accept_exact=True)
    assert analyzed == [[ItemAgent, ItemPlace]]
