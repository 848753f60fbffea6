"""What each row of a batch does to the catalogue: create an item, update it, or nothing.

An item is matched on partner + identifier, in any of the partner's language trees (as
``ItemPage.identifier_taken`` does). Its page in the catalogue's language takes the row's
``title`` and ``description``; every translation takes the row's facts too (rights, dates,
tags … are the same in every language) and its own ``title_<lang>``/``description_<lang>``
where the row gives them, else keeps its own; the links to authority records a
``creator_uri`` or ``place_uri`` column gives are every translation's too
(``authority_uris``). An empty translation or image cell never deletes anything. A page
changes — and gets a new revision — only when one of its values (links included) differs
from its latest revision; a file imported twice therefore changes nothing.
"""

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from heritage_collections.care import care_key, with_translated_notes
from heritage_collections.models import CollectionPage, ItemPage, page_title
from heritagehub.i18n import descendants_of_translations

from .authority_uris import AuthorityLinks
from .columns import COLUMN_OF_FIELD, language_name, translation_column
from .media import image_problem
from .report import RowError
from .rich_text import without_block_keys
from .state import object_type_keys, page_states


@dataclass
class PageChange:
    """One page of an item to create or revise, with the values it must end up with."""

    language: str
    fields: dict
    state: object = None  # the page's PageState; None for a page to create
    parent: object = None  # the collection page a new page goes under


@dataclass
class RowPlan:
    values: object  # ItemValues
    action: str  # "create", "update" or "unchanged"
    columns: tuple = ()
    translation_key: object = None
    slug: str = ""  # the item's slug, the same in every language ("" for a new item)
    pages: list = field(default_factory=list)  # PageChanges: pages to create or revise
    # "new": the media folder's file becomes the item's first image (in every language);
    # "alt": the item's current first image (``current_image``) gets the row's alt text.
    image: str = ""
    current_image: object = None


class Planner:
    """Plans batches of rows for one ``Target``; one instance for a whole import."""

    def __init__(self, target, letters, media=None, hash_of=None):
        self.target = target
        self.letters = letters  # column name → its letter in the file
        self.media = media
        self.hash_of = hash_of  # file name → SHA-1, for comparing with stored images
        self.locales = {code: pk for pk, code in Locale.objects.values_list("pk", "language_code")}
        self.languages = {pk: code for code, pk in self.locales.items()}
        self.type_keys = object_type_keys()
        self.collections = self._translations(target.collection)
        self._collections_of = {}  # parent path → {language: collection}
        self.links = AuthorityLinks(letters, self._error)

    @staticmethod
    def _translations(collection):
        return {
            page.locale.language_code: page
            for page in CollectionPage.objects.filter(
                translation_key=collection.translation_key
            ).select_related("locale")
        }

    def collections_of(self, path):
        """The collection above an item page (by path) and its translations, by language."""
        parent_path = path[: -Page.steplen]
        if parent_path not in self._collections_of:
            parent = CollectionPage.objects.filter(path=parent_path).first()
            self._collections_of[parent_path] = self._translations(parent) if parent else {}
        return self._collections_of[parent_path]

    def existing(self, identifiers):
        """{identifier: {translation key: [pages]}} of the partner's items with these ids."""
        pages = descendants_of_translations(
            self.target.partner, ItemPage.objects.filter(identifier__in=identifiers)
        ).only("pk", "identifier", "translation_key", "locale_id", "path")
        found = defaultdict(lambda: defaultdict(list))
        for page in pages:
            found[page.identifier][page.translation_key].append(page)
        return found

    def plan(self, batch):
        """[(RowPlan or None, [RowError])] for a batch of ItemValues."""
        existing = self.existing([values.identifier for values in batch])
        states = page_states(
            [p for groups in existing.values() for ps in groups.values() for p in ps],
            self.type_keys,
            links=self.links.fields,
        )
        link_errors = self.links.prepare(batch, states.values())
        results = []
        for values in batch:
            errors = list(link_errors.get(values.row, []))
            groups = existing.get(values.identifier, {})
            if len(groups) > 1:
                errors.append(
                    self._error(
                        values,
                        "identifier",
                        _(
                            "Several items of this partner have the identifier “%(id)s”: "
                            "give them different identifiers in the admin first."
                        )
                        % {"id": values.identifier},
                    )
                )
                results.append((None, errors))
                continue
            if groups:
                (key, pages), *_rest = groups.items()
                plan = self._update(values, key, [states[p.pk] for p in pages], errors)
            else:
                plan = self._create(values, errors)
            results.append((None if errors else plan, errors))
        return results

    # --- planning ------------------------------------------------------------------------

    def _error(self, values, column, message):
        return RowError(values.row, column, message, self.letters.get(column, ""))

    def _create(self, values, errors):
        plan = RowPlan(values=values, action="create")
        plan.pages.append(
            PageChange(self.target.language, dict(values.fields), parent=self.target.collection)
        )
        self._new_translations(values, plan, self.collections, errors)
        if values.image:
            problem = image_problem(self.media, values.image)
            if problem:
                errors.append(self._error(values, "image", problem))
            plan.image = "new"
        return plan

    def _new_translations(self, values, plan, collections, errors, existing=()):
        """Plan the translations the row gives that the item does not have yet."""
        source = collections.get(self.target.language)
        for code, (title, description) in values.translations.items():
            if code in existing or any(page.language == code for page in plan.pages):
                continue
            column = translation_column("title", code)
            parent = collections.get(code)
            if parent is None:
                errors.append(
                    self._error(
                        values,
                        column,
                        _(
                            "The collection “%(collection)s” is not translated into "
                            "%(language)s: translate it first (only real translations are "
                            "stored), or leave the %(language)s columns empty."
                        )
                        % {
                            "collection": (source or self.target.collection).title,
                            "language": language_name(code),
                        },
                    )
                )
                continue
            if not title:
                errors.append(
                    self._error(
                        values,
                        column,
                        _("A new %(language)s translation needs its title.")
                        % {"language": language_name(code)},
                    )
                )
                continue
            fields = dict(values.fields)
            fields["title"], fields["full_title"] = page_title(title)
            fields["description"] = description or values.fields["description"]
            plan.pages.append(PageChange(code, fields, parent=parent))
            plan.columns += (column,)

    def _update(self, values, key, states, errors):
        plan = RowPlan(values=values, action="update", translation_key=key)
        by_language = {self.languages[state.locale_id]: state for state in states}
        source = by_language.get(self.target.language)
        plan.slug = source.slug if source else ""
        if source is None:
            errors.append(
                self._error(
                    values,
                    "identifier",
                    _(
                        "The item “%(id)s” exists only in %(languages)s, not in %(language)s, "
                        "the language of this collection."
                    )
                    % {
                        "id": values.identifier,
                        "languages": ", ".join(language_name(code) for code in by_language),
                        "language": language_name(self.target.language),
                    },
                )
            )
            return plan
        columns = []
        for code, state in by_language.items():
            fields = dict(values.fields)
            if code != self.target.language:
                title, description = values.translations.get(code, ("", ""))
                if title:
                    fields["title"], fields["full_title"] = page_title(title)
                else:
                    fields["title"] = state.fields["title"]
                    fields["full_title"] = state.fields["full_title"]
                fields["description"] = description or state.fields["description"]
                if "care_labels" in fields:
                    fields["care_labels"] = with_translated_notes(
                        fields["care_labels"], state.fields["care_labels"]
                    )
            self.links.fields_for(values, state, fields)
            changed = self._changed_columns(fields, state, code)
            tags_changed = _tag_set(values.tags) != _tag_set(state.tags)
            if changed or tags_changed:
                columns += changed + (["tags"] if tags_changed else [])
                plan.pages.append(PageChange(code, fields, state=state))
        self._new_translations(
            values, plan, self.collections_of(source.path), errors, existing=by_language
        )
        self._plan_image(values, source, plan, errors)
        if plan.image == "new":
            columns.append("image")
            revised = {page.language for page in plan.pages}
            for code, state in by_language.items():
                if code not in revised:
                    plan.pages.append(PageChange(code, dict(state.fields), state=state))
        plan.columns += tuple(dict.fromkeys(columns))
        if plan.image == "alt":
            plan.columns += ("image_alt",)
        if not plan.pages and not plan.image:
            plan.action = "unchanged"
        return plan

    def _changed_columns(self, fields, state, language):
        changed = []
        for name, value in fields.items():
            current = state.fields[name]
            if name == "description":
                value, current = without_block_keys(value), without_block_keys(current)
            if name == "care_labels":
                value, current = care_key(value), care_key(current)
            if name == "partner_wording":
                current = current or {}
                changed += sorted(c for c in {*value, *current} if value.get(c) != current.get(c))
                continue
            if value != current:
                column = COLUMN_OF_FIELD[name]
                if language != self.target.language and name in (
                    "title",
                    "full_title",
                    "description",
                ):
                    column = translation_column(column, language)
                changed.append(column)
        return changed

    def _plan_image(self, values, source, plan, errors):
        if not values.image:
            return
        current = source.image
        if self.media is not None and self.media.exists(values.image):
            problem = image_problem(self.media, values.image)
            if problem:
                errors.append(self._error(values, "image", problem))
                return
            if current is None or current.file_hash != self.hash_of(values.image):
                plan.image = "new"
                return
        elif current is None or current.name != posixpath.basename(values.image):
            errors.append(self._error(values, "image", image_problem(self.media, values.image)))
            return
        if current.alt_text != values.image_alt:
            plan.image, plan.current_image = "alt", current


def _tag_set(tags):
    return {tag.casefold() for tag in tags}
