"""Proposing links from items' free text to authority records, with no look-up anywhere
but the hub's own records (``manage.py reconcile_authorities``, docs/authorities.md).

An item's ``creator`` is compared with the names of the people and organisations, its
``place_name`` with the names of the places: each name folded (accents, case, punctuation)
and, for "Surname, Forename", also turned round (``authorities.names``). Years in the item's
text ("Turner (1775–1851)") keep only the records whose years of birth or death they name,
when any does. One record left is an exact proposal (score 1); several are each proposed at
a lower score for an editor to choose. A proposal is made once per item (its translations
share it) and record and role: a rejected one is not proposed again.

Accepting a proposal links every translation of the item to the record, in the page rows
and in their latest revisions, which the editor opens: an item edited afterwards keeps its
links.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from wagtail.models import Revision

from authorities.models import AgentPage, PlacePage
from authorities.names import name_keys, years_in
from authorities.roles import AgentRole, PlaceRole
from heritagehub.bulk import update_statistics
from heritagehub.cache import bump_generation

from .catalogue import ANALYZE_AFTER
from .models import AuthorityProposal, ItemAgent, ItemPage, ItemPlace

EXACT = 1.0
# "attributed to X": X is proposed in the role the text gives, a little less surely.
ATTRIBUTED = "attributed to "
ATTRIBUTED_SCORE = 0.9
# Proposals accepted a batch at a time: a prolific creator has tens of thousands of items, more
# than SQLite takes as parameters of one query.
ACCEPT_BATCH = 2_000


@dataclass
class Result:
    proposed: int = 0
    accepted: int = 0
    linked: int = 0
    skipped: list = field(default_factory=list)


def _index(model):
    """{folded name: {translation key: record}} of every record, by every name it has in
    any language: its titles, sort name and alternative names."""
    index = defaultdict(dict)
    for record in model.objects.order_by("pk"):
        names = [record.title, record.sort_name, *record.alternative_name_list]
        for name in names:
            for key in name_keys(name):
                index[key].setdefault(record.translation_key, record)
    return index


def _record_years(record):
    years = (getattr(record, "start_year", None), getattr(record, "end_year", None))
    return {year for year in years if year is not None}


def candidates(text, index):
    """[(record, score)] for a piece of free text."""
    found = {}
    for key in name_keys(text):
        for translation_key, record in index.get(key, {}).items():
            found.setdefault(translation_key, record)
    records = list(found.values())
    years = set(years_in(text))
    if years and len(records) > 1:
        dated = [record for record in records if _record_years(record) & years]
        records = dated or records
    if not records:
        return []
    score = EXACT / len(records)
    return [(record, score) for record in records]


def _items():
    """One row per item (its first translation): pk, translation key, creator, place."""
    seen = set()
    for row in ItemPage.objects.order_by("pk").values(
        "pk", "translation_key", "creator", "place_name"
    ):
        if row["translation_key"] not in seen:
            seen.add(row["translation_key"])
            yield row


def _creator_role(text):
    text = " ".join(text.split())
    if text.casefold().startswith(ATTRIBUTED):
        return text[len(ATTRIBUTED) :], AgentRole.ATTRIBUTED_TO, ATTRIBUTED_SCORE
    return text, AgentRole.CREATOR, EXACT


def _existing():
    """The (item, agent, place, role) of every proposal ever made, as translation keys."""
    return {
        (item, agent, place, role)
        for item, agent, place, role in AuthorityProposal.objects.values_list(
            "item__translation_key",
            "agent__translation_key",
            "place__translation_key",
            "role",
        )
    }


@transaction.atomic
def reconcile(*, accept_exact=False, place_role=PlaceRole.MADE):
    """Propose links for every item; with ``accept_exact``, accept the proposals that are the
    only candidate of an exact name. Re-running proposes nothing twice."""
    agents, places = _index(AgentPage), _index(PlacePage)
    made = _existing()
    new = []
    for row in _items():
        if row["creator"]:
            text, role, weight = _creator_role(row["creator"])
            for record, score in candidates(text, agents):
                key = (row["translation_key"], record.translation_key, None, role)
                if key not in made:
                    made.add(key)
                    new.append(
                        AuthorityProposal(
                            item_id=row["pk"],
                            agent=record,
                            role=role,
                            text=row["creator"][:1000],
                            score=score * weight,
                        )
                    )
        if row["place_name"]:
            for record, score in candidates(row["place_name"], places):
                key = (row["translation_key"], None, record.translation_key, place_role)
                if key not in made:
                    made.add(key)
                    new.append(
                        AuthorityProposal(
                            item_id=row["pk"],
                            place=record,
                            role=place_role,
                            text=row["place_name"],
                            score=score,
                        )
                    )
    AuthorityProposal.objects.bulk_create(new)
    result = Result(proposed=len(new))
    if accept_exact:
        exact = [proposal for proposal in new if proposal.score >= EXACT]
        result.accepted = len(exact)
        result.linked = accept(exact)
    return result


def _link_model(proposal):
    if proposal.agent_id is not None:
        return ItemAgent, "agent", "agent_links", proposal.agent_id
    return ItemPlace, "place", "place_links", proposal.place_id


@transaction.atomic
def accept(proposals):
    """Accept ``proposals``: link every translation of each item to the record, in the rows
    and in the latest revision. Returns the number of links made."""
    proposals = list(proposals)
    made = sum(
        _accept_batch(proposals[start : start + ACCEPT_BATCH])
        for start in range(0, len(proposals), ACCEPT_BATCH)
    )
    if made >= ANALYZE_AFTER:
        # PostgreSQL's autovacuum may be off or not yet round: with no statistics of the new
        # links, it took a record of 57,000 items for one of two, and a page of its works
        # 790 ms instead of a few.
        update_statistics([ItemAgent, ItemPlace])
    if proposals:
        bump_generation()
    return made


def _accept_batch(proposals):
    if not proposals:
        return 0
    AuthorityProposal.objects.filter(pk__in=[p.pk for p in proposals]).update(
        status=AuthorityProposal.Status.ACCEPTED
    )
    item_keys = dict(
        ItemPage.objects.filter(pk__in={p.item_id for p in proposals}).values_list(
            "pk", "translation_key"
        )
    )
    translations = defaultdict(list)
    for pk, key, revision in ItemPage.objects.filter(
        translation_key__in=set(item_keys.values())
    ).values_list("pk", "translation_key", "latest_revision_id"):
        translations[key].append((pk, revision))
    links = defaultdict(list)  # model → new links
    for proposal in proposals:
        model, name, _relation, record_id = _link_model(proposal)
        for page_id, _revision in translations[item_keys[proposal.item_id]]:
            links[model].append(
                model(page_id=page_id, role=proposal.role, **{name + "_id": record_id})
            )
    return sum(_create_links(model, new) for model, new in links.items())


def _create_links(model, new):
    """Store the links no page has yet, after each page's last, and add them to the page's
    latest revision."""
    name = "agent" if model is ItemAgent else "place"
    relation = "agent_links" if model is ItemAgent else "place_links"
    pages = {link.page_id for link in new}
    have = set(model.objects.filter(page_id__in=pages).values_list("page_id", f"{name}_id", "role"))
    order = dict(
        model.objects.filter(page_id__in=pages)
        .values("page_id")
        .annotate(last=Max("sort_order"))
        .values_list("page_id", "last")
    )
    fresh = []
    for link in new:
        key = (link.page_id, getattr(link, f"{name}_id"), link.role)
        if key in have:
            continue
        have.add(key)
        order[link.page_id] = link.sort_order = (order.get(link.page_id) or -1) + 1
        fresh.append(link)
    model.objects.bulk_create(fresh)
    _add_to_revisions(relation, name, model, fresh)
    return len(fresh)


def _add_to_revisions(relation, name, model, links):
    by_page = defaultdict(list)
    for link in model.objects.filter(pk__in=[link.pk for link in links if link.pk]):
        by_page[link.page_id].append(link)
    if not by_page:
        return
    revisions = Revision.objects.filter(
        pk__in=ItemPage.objects.filter(pk__in=by_page).values("latest_revision_id")
    )
    changed = []
    for revision in revisions:
        page_id = int(revision.object_id)
        entries = revision.content.setdefault(relation, [])
        for link in by_page.get(page_id, []):
            entries.append(
                {
                    "pk": link.pk,
                    "page": page_id,
                    name: getattr(link, f"{name}_id"),
                    "role": link.role,
                    "sort_order": link.sort_order,
                }
            )
        changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"])


def reject(proposals):
    AuthorityProposal.objects.filter(pk__in=[p.pk for p in proposals]).update(
        status=AuthorityProposal.Status.REJECTED
    )
