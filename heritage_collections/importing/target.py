"""Where an import goes: the partner, its collection in the catalogue's language, and that
collection's translations (where translated items go).

A collection may exist in several language trees (its translations share the slug). Its
*source* page — the language it was written in — is the catalogue's language: ``title``
and ``description`` of the file are in that language, and new items are created there.
"""

from dataclasses import dataclass

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.models import Collection, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from heritage_collections.models import CollectionPage
from heritagehub.i18n import descendants_of_translations
from partners.models import PartnerPage, PartnerSpace


class TargetError(Exception):
    """The partner or collection cannot be imported into (named in the message)."""


@dataclass
class Target:
    partner: PartnerPage
    collection: CollectionPage  # in the catalogue's (source) language

    @property
    def language(self):
        return self.collection.locale.language_code

    @cached_property
    def space(self):
        return PartnerSpace.objects.filter(translation_key=self.partner.translation_key).first()

    @cached_property
    def media_collection(self):
        """The partner's own media collection (the root one for a partner not onboarded)."""
        return self.space.collection if self.space else Collection.get_first_root_node()

    @cached_property
    def partner_paths(self):
        return list(self.partner.get_translations(inclusive=True).values_list("path", flat=True))

    def __str__(self):
        return f"{self.partner.slug}/{self.collection.slug}"


def source_page(pages):
    """The page its translations were made from: wagtail-localize's source, else the oldest."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    source_locales = set(
        TranslationSource.objects.filter(object_id__in=keys).values_list("locale_id", flat=True)
    )
    pages.sort(key=lambda page: (page.locale_id not in source_locales, page.pk))
    return pages[0]


def resolve(partner_slug, collection_slug):
    """The ``Target`` for a partner slug and one of its collections' slugs."""
    partners = list(PartnerPage.objects.filter(slug=partner_slug).select_related("locale"))
    if not partners:
        raise TargetError(
            _("There is no partner with the slug “%(slug)s”.") % {"slug": partner_slug}
        )
    if len({page.translation_key for page in partners}) > 1:
        raise TargetError(
            _("Several partner pages have the slug “%(slug)s”: rename all but one.")
            % {"slug": partner_slug}
        )
    partner = source_page(partners)
    collections = list(
        descendants_of_translations(
            partner, CollectionPage.objects.filter(slug=collection_slug), children_only=True
        )
        .select_related("locale")
        .order_by("pk")
    )
    if not collections:
        known = ", ".join(
            sorted(
                set(
                    descendants_of_translations(partner, CollectionPage.objects.all()).values_list(
                        "slug", flat=True
                    )
                )
            )
        )
        raise TargetError(
            _("%(partner)s has no collection with the slug “%(slug)s”. Its collections: %(known)s.")
            % {"partner": partner.title, "slug": collection_slug, "known": known or "—"}
        )
    if len({page.translation_key for page in collections}) > 1:
        raise TargetError(
            _("%(partner)s has several collections with the slug “%(slug)s”: rename all but one.")
            % {"partner": partner.title, "slug": collection_slug}
        )
    return Target(partner=partner, collection=source_page(collections).specific)


def for_collection(collection):
    """The ``Target`` of a collection page (any of its translations)."""
    collection = source_page(
        CollectionPage.objects.filter(translation_key=collection.translation_key).select_related(
            "locale"
        )
    ).specific
    partner = PartnerPage.objects.ancestor_of(collection).first()
    if partner is None:
        raise TargetError(_("The collection “%(title)s” has no partner.") % {"title": collection})
    return Target(partner=partner, collection=collection)


def collection_choices(user):
    """(collection, partner) pairs ``user`` may add items to: each collection in its source
    language, in the order of the tree. A constant number of queries."""
    pages = CollectionPage.objects.select_related("locale").order_by("path")
    if not user.is_superuser:
        allowed = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
        pages = pages.filter(pk__in=allowed.values("pk"))
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    source_locales = {}
    for key, locale_id in TranslationSource.objects.filter(object_id__in=groups).values_list(
        "object_id", "locale_id"
    ):
        source_locales.setdefault(key, set()).add(locale_id)
    collections = [
        min(group, key=lambda p: (p.locale_id not in source_locales.get(key, ()), p.pk))
        for key, group in groups.items()
    ]
    partners = {
        page.path: page
        for page in PartnerPage.objects.filter(
            path__in={collection.path[: -Page.steplen] for collection in collections}
        )
    }
    return [
        (collection, partners[collection.path[: -Page.steplen]])
        for collection in sorted(collections, key=lambda c: c.path)
        if collection.path[: -Page.steplen] in partners
    ]
