"""The ``creator_uri`` and ``place_uri`` columns: an item's links to the hub's authority
records, named by a URI of theirs in an authority file (docs/import.md, docs/authorities.md).

A file with the column makes the item's links of that role (creator; made in) exactly the
records its cell names, in every translation of the item; links in other roles stay, and so
do links to records without any identifier, which no file can name (an export writes
nothing for them, and importing it again must not take them away). A file without the
column leaves the links alone. A URI is looked up among the records' identifiers as
``identifier_key`` compares them, a batch's URIs in one query a kind of record; a URI no
record holds, or that several hold, is an error of its row and column.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from authorities.identifiers import identifier_key
from authorities.models import AgentPage, PlacePage
from authorities.roles import AgentRole, PlaceRole

from .columns import LINK_COLUMN_OF_FIELD


@dataclass(frozen=True)
class LinkColumn:
    field: str  # the item's relation, and the PageState field that holds its links
    model: type  # the records'
    role: str  # the role the column sets

    @property
    def column(self):
        return LINK_COLUMN_OF_FIELD[self.field]

    def unknown(self, uri):
        if self.model is AgentPage:
            message = _(
                "No person or organisation of the hub has the identifier “%(uri)s”: create "
                "the record under People and places, with this URI among its identifiers, or "
                "leave the cell empty."
            )
        else:
            message = _(
                "No place of the hub has the identifier “%(uri)s”: create the record under "
                "People and places, with this URI among its identifiers, or leave the cell "
                "empty."
            )
        return message % {"uri": uri}


LINK_COLUMNS = (
    LinkColumn("agent_links", AgentPage, AgentRole.CREATOR),
    LinkColumn("place_links", PlacePage, PlaceRole.MADE),
)


def link_fields(header):
    """The link relations a file with ``header`` sets."""
    return tuple(link.field for link in LINK_COLUMNS if link.column in header)


class AuthorityLinks:
    """The links a batch of rows asks for, for one ``plan.Planner``: ``prepare`` each batch,
    then ``fields_for`` each stored page of it."""

    def __init__(self, header, error):
        self.columns = [link for link in LINK_COLUMNS if link.column in header]
        self.error = error  # (values, column, message) → RowError
        self.records = {}  # relation → {record id: (translation key, identifiers)}
        self.wanted = {}  # row → {relation: [(translation key, record id)]}

    @property
    def fields(self):
        return tuple(link.field for link in self.columns)

    def prepare(self, batch, states):
        """Resolve the batch's URIs (a query a kind of record) and read the records its stored
        pages link to (another); set each row's links for a new page. Returns {row: errors}."""
        errors = {}
        self.wanted = {values.row: {} for values in batch}
        for link in self.columns:
            uris = [uri for values in batch for uri in values.uris.get(link.column, ())]
            found = link.model.holding(uris)
            linked = {record for state in states for record, _role in state.fields[link.field]}
            self.records[link.field] = link.model.identifiers_of(linked)
            for values in batch:
                wanted, keys = [], set()
                for uri in values.uris.get(link.column, ()):
                    records = found.get(identifier_key(uri), [])
                    if len(records) > 1:
                        message = _(
                            "Several records have the identifier “%(uri)s” (%(records)s): "
                            "keep it in one of them under People and places, or leave the "
                            "cell empty."
                        ) % {"uri": uri, "records": ", ".join(title for _k, _pk, title in records)}
                        errors.setdefault(values.row, []).append(
                            self.error(values, link.column, message)
                        )
                    elif not records:
                        errors.setdefault(values.row, []).append(
                            self.error(values, link.column, link.unknown(uri))
                        )
                    elif records[0][0] not in keys:  # two URIs of one record: one link
                        keys.add(records[0][0])
                        wanted.append(records[0][:2])
                self.wanted[values.row][link.field] = wanted
                values.fields[link.field] = tuple((pk, link.role) for _key, pk in wanted)
        return errors

    def fields_for(self, values, state, fields):
        """Set in ``fields`` the links the stored page ``state`` must end up with."""
        for link in self.columns:
            fields[link.field] = self.merged(
                link, state.fields[link.field], self.wanted[values.row][link.field]
            )

    def merged(self, link, current, wanted):
        """``current`` links with those of the column's role replaced by ``wanted``, in place
        (the first wanted takes the first replaced link's place …, any more follow the last
        one), so that links already as the file gives them come back unchanged. A link to a
        record that still exists but has no identifier stays; one to a deleted record goes.
        A record the page links in another language stays linked in it."""
        records = self.records[link.field]
        current = [(record, role) for record, role in current if record in records]
        linked = {records[record][0]: record for record, _role in current}
        wanted = [(linked.get(key, pk), link.role) for key, pk in wanted]
        slots = [
            index
            for index, (record, role) in enumerate(current)
            if role == link.role and records[record][1]
        ]
        result = list(current)
        for index, new in zip(slots, wanted, strict=False):
            result[index] = new
        if len(wanted) > len(slots):
            at = slots[-1] + 1 if slots else 0
            result[at:at] = wanted[len(slots) :]
        else:
            for index in reversed(slots[len(wanted) :]):
                del result[index]
        return tuple(result)


def first_identifiers(links, records, role):
    """The URIs a cell gives for ``links`` ((record id, role), …) in ``role``: each record's
    first identifier; records without one are left out."""
    uris = []
    for record, link_role in links:
        identifiers = records.get(record, (None, []))[1]
        if link_role == role and identifiers:
            uris.append(identifiers[0])
    return uris
