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
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from heritagehub.serializers import TagNamesField

# Read-only: the viewsets route GET (and HEAD, OPTIONS) only; anything else is a 405.
READ_ONLY_METHODS = ["get", "head", "options"]
# Beyond this the database cannot even be asked (an OFFSET past 2**63 overflows SQLite's
# integers, PostgreSQL's bigint): no listing of the hub comes near it.
MAX_OFFSET = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")


class HubPagination(WagtailPagination):
    """Wagtail's offset pagination, with an offset the database can take (a 400 otherwise)."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0").strip()
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class CheckedQueryMixin:
    """What Wagtail's API passes on unchecked and the database or search backend would
    fail on with a 500: a huge offset, an empty search, an unknown ``search_operator``, a
    NUL byte (SQLite's full-text search cannot take one), a ``find`` id that is no number."""

    pagination_class = HubPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any("\x00" in value for value in [name, *values]):
                raise BadRequestError(f"null characters are not allowed in {name!r}")

    def find_object(self, queryset, request):
        pk = request.GET.get("id")
        if pk is not None and not pk.isdigit():
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        search = self.request.GET.get("search")
        if search is not None and not search.strip():
            # The images' search backend fails on a blank query (a 500 otherwise).
            raise BadRequestError("search must not be empty")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")


class HubPagesAPIViewSet(CheckedQueryMixin, PagesAPIViewSet):
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


class HubImagesAPIViewSet(CheckedQueryMixin, ImagesAPIViewSet):
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
