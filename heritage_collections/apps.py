from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class HeritageCollectionsConfig(AppConfig):
    name = "heritage_collections"
    verbose_name = pgettext_lazy("heritage", "Collections")

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from authorities import linked_items
        from heritagehub.cache import register_query_parameters
        from partners import space
        from search.kinds import register_result_kind
        from search.pages import register_search

        from . import authority_links, browse, catalogue, partner_space, search_index
        from .models import CollectionPage, ItemPage, ObjectType
        from .oai import index as oai_index

        # Every page type: a renamed partner or collection changes its items' entries.
        page_published.connect(catalogue.page_changed, dispatch_uid="catalogue-published")
        page_unpublished.connect(catalogue.page_changed, dispatch_uid="catalogue-unpublished")
        post_page_move.connect(catalogue.page_changed, dispatch_uid="catalogue-moved")
        post_delete.connect(catalogue.item_deleted, sender=ItemPage, dispatch_uid="catalogue-del")
        post_save.connect(
            catalogue.object_type_saved, sender=ObjectType, dispatch_uid="catalogue-type"
        )
        post_migrate.connect(
            catalogue.build_if_missing, sender=self, dispatch_uid="catalogue-build"
        )
        post_migrate.connect(oai_index.build_if_missing, sender=self, dispatch_uid="oai-build")

        space.register_listing("collections", partner_space.collections_of)
        # A record's page lists the items linked to it (authorities.linked_items).
        linked_items.register_items(authority_links.linked_items)
        space.register_view("items", partner_space.items)

        # Browse pages are cached by their filters (and only those: heritagehub.cache).
        register_query_parameters(**browse.cache_query_parameters())
        # The site search finds items through their catalogue entries' full-text index.
        register_search(ItemPage, search_index.ItemSearch)
        # The site search's tabs: items (with the catalogue's facets) and collections.
        register_result_kind(
            "items",
            ItemPage,
            1,
            refine=browse.search_refinement,
            card_lookups=["object_type", "images__image__renditions"],
        )
        register_result_kind(
            "collections", CollectionPage, 3, card_lookups=["cover_image__renditions"]
        )
