"""Carrying out the plans of a batch: new pages in bulk, changed pages through Wagtail.

New items (and new translations of items) are created by ``bulk.create_items``, a batch per
parent collection. A changed page gets a new revision the way the editor makes one
(``save_revision`` on its latest revision), then is published or goes to review. Without
``publish`` every new or changed page waits in its partner's review workflow: pages not yet
in review are submitted to it (in bulk), a page sent back for changes is resubmitted, a page
already in review stays there with its new revision.
"""

import copy
import uuid
from collections import Counter, defaultdict

from django.db.models import Q
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from heritage_collections.catalogue import add_new_items, refresh_catalogue
from heritage_collections.models import ItemImage, ItemPage, ObjectType
from heritagehub import tree

from . import bulk, search_sqlite
from .media import ImageStore
from .state import LINKS

SLUG_TITLE_LENGTH = 60


def new_slug(title, identifier):
    """A new item's slug: its title, then its identifier (unique within the partner)."""
    title = slugify(title)[:SLUG_TITLE_LENGTH].strip("-") or "item"
    return f"{title}-{slugify(identifier) or 'item'}"[:255].strip("-")


class TagCache:
    """Tags by name, matched case-insensitively (``TAGGIT_CASE_INSENSITIVE``): every stored
    tag is read once; the names a batch lacks are created together, with taggit's slugs."""

    def __init__(self):
        self.tags = {}
        self.slugs = set()
        for tag in Tag.objects.all():
            self.tags.setdefault(tag.name.casefold(), tag)
            self.slugs.add(tag.slug)

    def prepare(self, names):
        """Create the tags of ``names`` not stored yet."""
        new = {}
        for name in names:
            key = name.casefold()
            if key not in self.tags and key not in new:
                new[key] = Tag(name=name, slug=self._slug(name))
        if new:
            self.tags.update(new)
            Tag.objects.bulk_create(new.values())  # sets their ids

    def _slug(self, name):
        slug = Tag().slugify(name)
        number = 0
        while slug in self.slugs:
            number += 1
            slug = Tag().slugify(name, number)
        self.slugs.add(slug)
        return slug

    def get(self, names):
        return [self.tags[name.casefold()] for name in names]


class Applier:
    def __init__(self, target, *, user=None, publish=False, media=None):
        self.target = target
        self.user = user if user is not None and user.pk else None
        self.publish = publish
        self.tags = TagCache()
        self.images = ImageStore(media, target.media_collection, self.user) if media else None
        self.object_types = {
            (key, locale): pk
            for pk, key, locale in ObjectType.objects.values_list(
                "pk", "translation_key", "locale_id"
            )
        }
        self.submitted = 0
        self.submitted_to = {}  # workflow → pages submitted in bulk (for one e-mail)
        self.blank_page = ItemPage()
        # The search index's title lengths, read once, while only new items are indexed.
        self.title_lengths = search_sqlite.TitleLengths()

    def object_type_id(self, key, locale_id):
        if key is None:
            return None
        return self.object_types.get((key, locale_id)) or next(
            pk for (k, _locale), pk in self.object_types.items() if k == key
        )

    def apply(self, plans):
        """Apply a batch of RowPlans (of rows that create or update)."""
        new_items = defaultdict(list)  # parent collection → NewItems
        revised = []
        self.tags.prepare(name for plan in plans for name in plan.values.tags)
        for plan in plans:
            image_id = self._image(plan)
            key = plan.translation_key or uuid.uuid4()
            slug = plan.slug or new_slug(plan.values.fields["title"], plan.values.identifier)
            image_key = uuid.uuid4()
            tags = self.tags.get(plan.values.tags)
            for change in plan.pages:
                if change.state is None:
                    page, links = self._new_page(change, key, slug, plan.values.identifier)
                    images = [(image_id, "", image_key)] if image_id else []
                    new_items[change.parent].append(bulk.NewItem(page, tags, images, links))
                else:
                    revised.append((change, tags, image_id, image_key))
        if any(plan.image == "new" for plan in plans):
            self.title_lengths.forget()  # Wagtail indexed the new images
        self.existing_keys = {plan.translation_key for plan in plans if plan.translation_key}
        self._unique_slugs(new_items)
        to_review = defaultdict(lambda: ([], []))
        created_keys = []
        for parent, items in new_items.items():
            with search_sqlite.keeping(self.title_lengths):
                pages, revisions = bulk.create_items(
                    parent, items, user=self.user, publish=self.publish
                )
            created_keys += [page.translation_key for page in pages]
            workflow = parent.get_workflow()
            if not self.publish and workflow is not None:
                to_review[workflow][0].extend(pages)
                to_review[workflow][1].extend(revisions)
        if revised:
            self.title_lengths.forget()  # Wagtail indexes the pages it publishes
        for change, tags, image_id, image_key in revised:
            page, revision = self._revise(change, tags, image_id, image_key)
            workflow = page.get_workflow()
            if not self.publish and workflow is not None:
                self._review(page, revision, workflow, to_review)
        for workflow, (pages, revisions) in to_review.items():
            count = bulk.submit(pages, revisions, workflow, self.user)
            self.submitted += count
            self.submitted_to[workflow] = self.submitted_to.get(workflow, 0) + count
        if self.publish and created_keys:
            self._catalogue(new_items)

    def _catalogue(self, new_items):
        """The catalogue of the new pages: a new item's entries are made from its pages in
        memory (they are all of its translations); a new translation of a stored item
        recomputes that item's entries from the stored pages."""
        new, tags, images, translated = [], {}, set(), []
        for items in new_items.values():
            for item in items:
                page = item.page
                if page.translation_key in self.existing_keys:
                    translated.append(page.translation_key)
                    continue
                new.append(page)
                tags[page.pk] = [tag.name for tag in item.tags]
                if item.images:
                    images.add(page.pk)
        if new:
            add_new_items(new, tags, images)
        if translated:
            refresh_catalogue(translated)

    # --- pages ---------------------------------------------------------------------------

    def _new_page(self, change, key, slug, identifier):
        fields = dict(change.fields, identifier=identifier, slug=slug, translation_key=key)
        links = {name: fields.pop(name) for name in LINKS if name in fields}
        fields["locale_id"] = change.parent.locale_id
        fields["object_type_id"] = self.object_type_id(
            fields.pop("object_type"), fields["locale_id"]
        )
        # A copy of a blank page: ItemPage() costs ~0.3 ms (fifty fields, child relations),
        # a copy a seventh of it, and every field the import does not set keeps its default.
        page = copy.copy(self.blank_page)
        for name, value in fields.items():
            setattr(page, name, value)
        return page, links

    def _unique_slugs(self, new_items):
        """Slugs unique among the new pages' siblings, and the same in every language (slugs
        are synchronised): a slug taken in any of the collection's language trees gets a
        number, for every translation of the item."""
        pages = [item.page for items in new_items.values() for item in items]
        if not pages:
            return
        below = Q()
        for parent in new_items:
            below |= tree.children(parent.path)
        taken = set(
            Page.objects.filter(below, slug__in={page.slug for page in pages}).values_list(
                "slug", flat=True
            )
        )
        by_key = defaultdict(list)
        for page in pages:
            by_key[page.translation_key].append(page)
        for key, group in by_key.items():
            if key in self.existing_keys:
                continue  # a new translation of a stored item: its slug is the item's
            slug, number = group[0].slug, 1
            while slug in taken:
                number += 1
                slug = f"{group[0].slug}-{number}"
            taken.add(slug)
            for page in group:
                page.slug = slug

    def _revise(self, change, tags, image_id, image_key):
        """A new revision of an existing page with the plan's values, published or not."""
        page = ItemPage.objects.get(pk=change.state.pk).get_latest_revision_as_object()
        fields = dict(change.fields)
        page.object_type_id = self.object_type_id(fields.pop("object_type"), page.locale_id)
        for name in LINKS:
            if name in fields:
                _set_links(page, name, fields.pop(name))
        for name, value in fields.items():
            setattr(page, name, value)
        page.tags.set(tags)
        if image_id:
            images = list(page.images.all())
            if images:
                images[0].image_id = image_id
            else:
                images = [
                    ItemImage(
                        image_id=image_id, locale_id=page.locale_id, translation_key=image_key
                    )
                ]
            page.images = images
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            revision.publish(user=self.user, skip_permission_checks=self.user is None)
        return page, revision

    def _review(self, page, revision, workflow, to_review):
        state = page.current_workflow_state
        if state is None:
            to_review[workflow][0].append(page)
            to_review[workflow][1].append(revision.pk)
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(self.user)
            self.submitted += 1
        # else: already in review, where the moderators see its latest revision

    # --- images --------------------------------------------------------------------------

    def _image(self, plan):
        """The image id the plan's pages show first (None: leave their images as they are)."""
        values = plan.values
        if plan.image == "alt":
            get_image_model().objects.filter(pk=plan.current_image.pk).update(
                alt_text=values.image_alt
            )
            return None
        if plan.image != "new":
            return None
        return self.images.image_for(
            values.image,
            alt_text=values.image_alt,
            title=values.fields["title"],
            credit=values.fields["credit_line"],
            rights=values.fields["rights"],
        )


def _set_links(page, name, links):
    """The page's links of relation ``name`` become ``links`` ((record id, role), …), in
    memory, for its revision. A link the page has keeps its row, and rows no longer needed
    are reused for the new links: publishing then updates rows, as it does every child row
    of the page, and deletes or inserts only when the number of links changes."""
    model, record = LINKS[name]
    wanted = Counter(links)
    kept, spare = {}, []
    for link in getattr(page, name).all():
        key = (getattr(link, f"{record}_id"), link.role)
        if wanted[key]:
            wanted[key] -= 1
            kept.setdefault(key, []).append(link)
        else:
            spare.append(link)
    objects = []
    for order, (record_id, role) in enumerate(links):
        if kept.get((record_id, role)):
            link = kept[record_id, role].pop(0)
        elif spare:
            link = spare.pop(0)
            setattr(link, f"{record}_id", record_id)
            link.role = role
        else:
            link = model(role=role, **{f"{record}_id": record_id})
        link.sort_order = order
        objects.append(link)
    setattr(page, name, objects)
