"""The hub's read-only JSON API: Wagtail's API v2 at ``/api/v2/`` (pages and images).

Pages: live pages only, without those behind a view restriction (Wagtail's own rule),
filtered by ``?type=``, ``?locale=``, ``?search=`` and the tree filters, ``WAGTAILAPI_LIMIT_MAX``
per request. Each page model says what its fields need fetched with it (``api_queryset``),
so a listing costs the same number of queries for 5 pages as for 20.

Images: only those a visitor can already see, the images of live public pages (found through
Wagtail's reference index), never media a partner uploaded for a draft or a community
story waiting for review.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField
from django.db.models.functions import Cast
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from heritagehub.serializers import TagNamesField

# Read-only: the viewsets route GET (and HEAD, OPTIONS) only; anything else is a 405.
READ_ONLY_METHODS = ["get", "head", "options"]


class HubPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, with each model's related objects fetched per listing."""

    http_method_names = READ_ONLY_METHODS

    def get_queryset(self):
        queryset = super().get_queryset()
        prefetch = getattr(queryset.model, "api_queryset", None)
        if prefetch is not None:
            return prefetch(queryset)
        return queryset.select_related("locale")


def public_image_ids(request):
    """Ids of the images that live public pages show (a subquery)."""
    pages = PagesAPIViewSet(request=request).get_base_queryset()
    page_ids = pages.annotate(
        id_text=Cast("pk", output_field=ReferenceIndex._meta.get_field("object_id"))
    ).values("id_text")
    return (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(get_image_model()),
            object_id__in=page_ids,
        )
        .annotate(image_id=Cast("to_object_id", output_field=IntegerField()))
        .values("image_id")
    )


class HubImagesAPIViewSet(ImagesAPIViewSet):
    """Wagtail's images endpoint, narrowed to public images, with what reuse requires:
    alt text, credit, rights statement and source."""

    http_method_names = READ_ONLY_METHODS
    body_fields = ImagesAPIViewSet.body_fields + ["alt", "credit", "rights", "source_url"]
    meta_fields = BaseAPIViewSet.meta_fields + [
        APIField("tags", serializer=TagNamesField()),
        "download_url",
    ]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["alt", "credit", "rights"]
    nested_default_fields = ImagesAPIViewSet.nested_default_fields + ["alt", "credit", "rights"]

    def get_queryset(self):
        public = super().get_queryset().filter(pk__in=public_image_ids(self.request))
        return public.prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HubPagesAPIViewSet)
api_router.register_endpoint("images", HubImagesAPIViewSet)
