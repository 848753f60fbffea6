"""People and places: the artists of the demo's Tate items and the places they were born and
died in, from Tate's artist records (``content/authorities.yaml``), as authority records
under the English "People and places" page; then the items linked to them by reconciliation.

Tate's records are in English: the records are English pages, reached in every language
through the fallback routing. Tate gives no coordinates: a place has them when its name is
one of ``content/places.yaml``'s. Some 450 pages are made at once, as the items are
(``heritage_collections.importing.bulk``), without a revision each: a record is live from
the start, and the editor opens the page itself until someone saves a revision.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from authorities.models import AgentPage, PlacePage
from authorities.roles import PlaceRole
from heritage_collections.importing.bulk import insert_objects
from heritage_collections.reconciliation import reconcile

from .records import record

# Tate's kinds of place, as the records' kinds.
PLACE_KINDS = {
    "inhabited_place": PlacePage.Kind.SETTLEMENT,
    "city": PlacePage.Kind.SETTLEMENT,
    "neighbourhood": PlacePage.Kind.SETTLEMENT,
    "nation": PlacePage.Kind.COUNTRY,
    "country": PlacePage.Kind.COUNTRY,
    "county": PlacePage.Kind.REGION,
    "region": PlacePage.Kind.REGION,
    "province": PlacePage.Kind.REGION,
    "department": PlacePage.Kind.REGION,
    "unitary_authority": PlacePage.Kind.REGION,
    "island": PlacePage.Kind.OTHER,
}


def coordinates(name):
    """(latitude, longitude) of a place the demo knows the centre of, else (None, None)."""
    known = record("places")
    point = known["city_centres"].get(name) or known["item_places"].get(name)
    return (f"{float(point[0]):.4f}", f"{float(point[1]):.4f}") if point else (None, None)


def place_page(entry):
    latitude, longitude = coordinates(entry["short_name"])
    return PlacePage(
        title=entry["short_name"],
        slug=slugify(entry["name"])[:80] or "place",
        sort_name=entry["short_name"],
        alternative_names=entry["name"] if entry["name"] != entry["short_name"] else "",
        place_kind=PLACE_KINDS.get(entry["type"], PlacePage.Kind.OTHER),
        latitude=latitude,
        longitude=longitude,
    )


def agent_page(entry, places):
    start, end = places.get(entry.get("born")), places.get(entry.get("died"))
    return AgentPage(
        title=entry["name"][:255],
        slug=f"{slugify(entry['name'])[:70]}-{entry['tate_id']}",
        kind=entry.get("kind", AgentPage.Kind.PERSON),
        sort_name=entry["sort_name"][:255],
        dates=entry.get("dates", "")[:100],
        start_year=entry.get("birth_year"),
        end_year=entry.get("death_year"),
        start_place_id=start.pk if start else None,
        end_place_id=end.pk if end else None,
    )


def create_children(parent, model, pages):
    """``pages`` (unsaved) as the last live children of ``parent``, in a few statements."""
    now = timezone.now()
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    for number, page in enumerate(pages, start=step + 1):
        page.path = Page._get_path(parent.path, parent.depth + 1, number)
        page.depth, page.numchild = parent.depth + 1, 0
        page.locale_id = parent.locale_id
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
    page_fields = tuple(
        f.name for f in Page._meta.local_concrete_fields if not (f.primary_key and f.auto_created)
    )
    for page, key in zip(
        pages, insert_objects(Page, pages, page_fields, returning=True), strict=True
    ):
        page.id = page.page_ptr_id = key
        page._state.adding = False
    insert_objects(model, pages, tuple(f.name for f in model._meta.local_concrete_fields))
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.refresh_from_db()
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, pages)
    return pages


@transaction.atomic
def load_authorities(index, stats):
    """The places, then the people and organisations, under ``index`` (the English "People
    and places" page), unless there already."""
    data = record("authorities")
    existing = set(index.get_children().values_list("slug", flat=True))
    places = {}
    new_places = []
    for entry in data["places"]:
        page = place_page(entry)
        places[entry["name"]] = page
        if page.slug not in existing:
            existing.add(page.slug)
            new_places.append(page)
    create_children(index, PlacePage, new_places)
    stored = {page.slug: page for page in PlacePage.objects.child_of(index)}
    places = {name: stored.get(page.slug) for name, page in places.items()}
    new_agents = []
    for entry in data["agents"]:
        page = agent_page(entry, places)
        if page.slug not in existing:
            existing.add(page.slug)
            new_agents.append(page)
    create_children(index, AgentPage, new_agents)
    stats.created("places", len(new_places))
    stats.created("people and organisations", len(new_agents))


def link_items(stats):
    """Link the items to the records their creator and place name exactly match. Tate's
    place of an item is what its subjects show: a place is linked as depicted."""
    result = reconcile(accept_exact=True, place_role=PlaceRole.DEPICTED)
    stats.created("links of items to records", result.linked)
