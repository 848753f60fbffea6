"""Content that needs care: labels a partner puts on an item whose images or words may hurt
or must not be shown freely (docs/care.md).

A label is a kind from a small vocabulary, the same in every language, and a note in the
item's language that says why and, where it helps, who to ask. They are kept on the item as a
StreamField (``ItemPage.care_labels``): read with the page's own row, so a listing of cards
needs no query for them, and wagtail-localize offers each note to the translators while the
kind stays the source's.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail import blocks

NOTICE_HEADING = _("Content that needs care")


class CareKind(models.TextChoices):
    """The kinds of care, after Mukurtu's and Europeana's content warnings."""

    HARMFUL_LANGUAGE = "harmful-language", _("Harmful or outdated language")
    HUMAN_REMAINS = "human-remains", _("Human remains")
    VIOLENCE = "violence", _("Violence")
    DECEASED_PEOPLE = "deceased-people", _("Images of people who have died")
    CULTURALLY_RESTRICTED = "culturally-restricted", _("Culturally restricted")


class CareLabelBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=CareKind.choices, label=_("kind"))
    note = blocks.TextBlock(
        required=False,
        label=_("note"),
        help_text=_("Why this needs care, as visitors will read it before the item."),
    )

    class Meta:
        icon = "warning"
        label = _("care label")


CARE_LABEL_BLOCKS = [("label", CareLabelBlock())]


@dataclass(frozen=True)
class CareLabel:
    kind: str
    note: str

    @property
    def name(self):
        """The kind's name in the active language."""
        return CareKind(self.kind).label

    def name_in(self, language):
        with translation.override(language):
            return str(self.name)

    def text_in(self, language):
        """ "Name: note" in ``language`` (the note as written in the item's language)."""
        name = self.name_in(language)
        return f"{name}: {self.note}" if self.note else name

    def notice_in(self, language):
        """The label as one sentence that says what it is, for formats with no field of
        their own for it (OAI-PMH's dc:description): "Content that needs care — Human
        remains: note"."""
        with translation.override(language):
            heading = str(NOTICE_HEADING)
        return f"{heading} — {self.text_in(language)}"


def care_labels(value):
    """The labels of a ``care_labels`` value (a StreamValue or its raw list), in order; a
    kind the vocabulary no longer has is left out."""
    labels = []
    for block in getattr(value, "raw_data", value) or []:
        content = block.get("value") or {}
        kind = content.get("kind")
        if kind in CareKind.values:
            labels.append(CareLabel(kind, (content.get("note") or "").strip()))
    return labels


def raw_care_labels(labels):
    """The StreamField value of ``[(kind, note)]`` (what the import writes)."""
    return [{"type": "label", "value": {"kind": kind, "note": note}} for kind, note in labels]


def without_care_labels(path_to_item=""):
    """A filter of the rows (items, or rows ``path_to_item`` leads to an item from, as
    ``"page__"`` for an item's images) whose item has no care label: a picture another page
    borrows (a collection's or a story's cover) is never one that needs care."""
    return models.Q(**{f"{path_to_item}care_labels__0__isnull": True})


def care_key(value):
    """A comparable form of a ``care_labels`` value — a StreamValue, its raw list or the JSON
    text a revision holds: ((kind, note), …)."""
    if isinstance(value, str):
        value = json.loads(value or "[]")
    return tuple((label.kind, label.note) for label in care_labels(value))


def with_translated_notes(labels, current):
    """The labels an import gives a translation: its ``current`` ones, notes as translated,
    while their kinds are the import's; else the import's."""
    kinds = [kind for kind, _note in care_key(labels)]
    if kinds == [kind for kind, _note in care_key(current)]:
        return raw_care_labels(care_key(current))
    return labels


def kinds_by_word():
    """{kind's code or name in any of the hub's languages, case folded: kind}."""
    words = {kind.casefold(): kind for kind in CareKind.values}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for kind, label in CareKind.choices:
                words.setdefault(str(label).casefold(), kind)
    return words


class CareLabelsField(serializers.Field):
    """The API's ``care_labels``: ``[{"kind", "name", "note"}]``, names in the request's
    language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(*args, **kwargs)

    def to_representation(self, value):
        return [
            {"kind": label.kind, "name": str(label.name), "note": label.note}
            for label in care_labels(value)
        ]
