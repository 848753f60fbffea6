"""schema.org descriptions of authority records (see heritagehub.linked_data): a Person,
Organization or Place whose ``sameAs`` are its identifiers in the authority files, and the
short reference an item's description makes to it."""

from heritagehub.linked_data import document, iso_year, page_url, place, plain_text, thing


def record_reference(record, request, name=None):
    """A record as an item names it: type, name, URL and the same record elsewhere."""
    kind = record.schema_type
    if kind == "Place":
        return place(
            name or record.title,
            record.latitude,
            record.longitude,
            url=page_url(record, request),
            sameAs=record.identifiers,
        )
    return thing(
        kind, name=name or record.title, url=page_url(record, request), sameAs=record.identifiers
    )


def _place_reference(record, request):
    return record_reference(record, request) if record is not None else None


def agent_data(agent, request):
    """The person or organisation, with its dates, places and identifiers."""
    start = iso_year(agent.start_year) if agent.start_year is not None else None
    end = iso_year(agent.end_year) if agent.end_year is not None else None
    if agent.is_person:
        dated = {
            "birthDate": start,
            "deathDate": end,
            "birthPlace": _place_reference(agent.start_place, request),
            "deathPlace": _place_reference(agent.end_place, request),
            "jobTitle": agent.occupation,
        }
    else:
        dated = {
            "foundingDate": start,
            "dissolutionDate": end,
            "foundingLocation": _place_reference(agent.start_place, request),
        }
    return document(
        thing(
            agent.schema_type,
            name=agent.title,
            alternateName=agent.alternative_name_list,
            url=page_url(agent, request),
            description=plain_text(agent.biography),
            sameAs=agent.identifiers,
            **dated,
        )
    )


def place_data(record, request):
    """The place, with its coordinates and identifiers."""
    node = place(
        record.title,
        record.latitude,
        record.longitude,
        alternateName=record.alternative_name_list,
        url=page_url(record, request),
        description=plain_text(record.description),
        sameAs=record.identifiers,
    )
    return document(node)
