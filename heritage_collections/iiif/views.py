"""The IIIF endpoints: manifests, collections and the images they show, for viewers on any
origin (Mirador, Universal Viewer …).

Only live, public pages appear; anything else is a plain 404. Each document costs a fixed
number of queries whatever the number of images or items, and is kept in the cache until
the next publish or image change (heritagehub.cache). Responses carry
``Access-Control-Allow-Origin: *`` and preflight requests are answered, as Presentation 3
asks; the content type is JSON-LD with the Presentation 3 profile, or plain JSON for a client
that asks only for ``application/json``.
"""

from functools import wraps

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    JsonResponse,
)
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods
from wagtail.images.views.serve import ServeView
from wagtail.models import Page

from heritagehub.cache import cached, without_private
from heritagehub.i18n import descendants_in_language
from partners.models import PartnerPage

from ..models import CollectionPage, ItemImage, ItemPage, ObjectType
from . import documents, image_api

# What a link to a page in a document needs of it.
LINK_FIELDS = (
    "id",
    "title",
    "url_path",
    "locale_id",
    "translation_key",
    "path",
    "depth",
    "alias_of_id",
)


def public(model):
    """Live pages of ``model`` outside every restricted subtree."""
    return without_private(model.objects.live())


def translations(queryset):
    """The pages of ``queryset`` that are translations, not aliases: an alias in another
    language's tree holds the source's words. Left out here, not in SQL, where the filter
    would have SQLite walk the alias index over every page."""
    return [page for page in queryset.order_by() if page.alias_of_id is None]


def ancestor_translations(page, levels_up, queryset):
    """The live public translations, in ``queryset``, of the page ``levels_up`` above
    ``page``. Its key is looked up first: as a subquery SQLite would scan every page."""
    ancestor_path = page.path[: -levels_up * Page.steplen]
    key = Page.objects.filter(path=ancestor_path).values_list("translation_key", flat=True)
    return translations(without_private(queryset.live()).filter(translation_key=key.first()))


def with_cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def cross_origin(view):
    """GET, HEAD and preflight from any origin; a missing resource is a plain 404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = request.headers.get(
                "Access-Control-Request-Headers", "Accept"
            )
            response["Access-Control-Max-Age"] = "86400"
            return with_cors(response)
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = HttpResponseNotFound(
                gettext("There is no public IIIF resource at this address."),
                content_type="text/plain; charset=utf-8",
            )
        return with_cors(response)

    return require_http_methods(["GET", "HEAD", "OPTIONS"])(wrapped)


def document_response(request, name, build, content_type=documents.CONTENT_TYPE):
    """The document ``build(absolute)`` returns, from the cache for this scheme and host."""
    key = f"iiif:{request.scheme}://{request.get_host()}:{name}"
    document = cached(key, lambda: build(request.build_absolute_uri), request)
    accept = request.headers.get("Accept", "")
    # JSON-LD unless the client asks for plain JSON and not for JSON-LD.
    plain = "application/json" in accept and "application/ld+json" not in accept
    response = JsonResponse(
        document,
        content_type="application/json" if plain else content_type,
        json_dumps_params={"ensure_ascii": False},
    )
    patch_vary_headers(response, ["Accept"])
    return response


# Manifests ---------------------------------------------------------------------------------


def item_record(translation_key):
    """An item's translations, images, object type, collection and partner: seven queries,
    each an indexed lookup."""
    pages = translations(public(ItemPage).filter(translation_key=translation_key))
    if not pages:
        raise Http404
    item = pages[0]
    type_ids = {page.object_type_id for page in pages} - {None}
    object_types = []
    if type_ids:
        type_keys = ObjectType.objects.filter(pk__in=type_ids).values("translation_key")
        object_types = list(ObjectType.objects.filter(translation_key__in=type_keys))
    images = ItemImage.objects.filter(page__in=[page.pk for page in pages])
    record = documents.ItemRecord(
        translations=pages,
        images=list(images.select_related("image").order_by("sort_order", "pk")),
        object_types=object_types,
        collections=ancestor_translations(item, 1, CollectionPage.objects.only(*LINK_FIELDS)),
        partners=ancestor_translations(item, 2, PartnerPage.objects.select_related("logo")),
    )
    # Presentation 3 wants at least one canvas: an item without an image has no manifest
    # (its page does not link one, and collections leave it out).
    if not record.canvas_images():
        raise Http404
    return record


@cross_origin
def manifest(request, translation_key):
    """``/iiif/items/<translation key>/manifest.json``: the item's manifest."""
    return document_response(
        request,
        f"manifest:{translation_key}",
        lambda absolute: documents.item_manifest(item_record(translation_key), absolute),
    )


# Collections -------------------------------------------------------------------------------


def with_images(items):
    """The items of ``items`` that have an image, so a manifest."""
    return items.filter(Exists(ItemImage.objects.filter(page=OuterRef("pk"))))


def group_translations(pages, keys):
    """``pages`` grouped by translation key, in the order of ``keys``."""
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    return [groups[key] for key in keys if key in groups]


def collection_record(translation_key, part):
    """A collection's translations and partner, and one part of its items: six
    queries whatever its size."""
    pages = translations(
        public(CollectionPage).filter(translation_key=translation_key).select_related("cover_image")
    )
    if not pages:
        raise Http404
    collection = pages[0]
    # One item per translation key, in the order of their titles in the hub's language.
    listed = with_images(descendants_in_language(collection, ItemPage, settings.LANGUAGE_CODE))
    keys = listed.order_by("title", "pk").values_list("translation_key", flat=True)
    if part is not None and part < 1:
        raise Http404
    first = (part - 1) * documents.ITEMS_PER_PART if part else 0
    # One more than a part holds tells whether the collection is split, without a COUNT.
    window = list(keys[first : first + documents.ITEMS_PER_PART + 1])
    total = first + len(window)
    if part is not None and not window:
        raise Http404  # past the last part
    if part is None and len(window) > documents.ITEMS_PER_PART:
        total, window = listed.count(), []  # listed by parts, not by items
    window = window[: documents.ITEMS_PER_PART]
    items = translations(public(ItemPage).filter(translation_key__in=window).only(*LINK_FIELDS))
    return documents.CollectionRecord(
        translations=pages,
        partners=ancestor_translations(collection, 1, PartnerPage.objects.select_related("logo")),
        items=group_translations(items, window) if window else [],
        total=total,
    )


@cross_origin
def collection(request, translation_key, part=None):
    """``/iiif/collections/<translation key>.json`` (and ``/<part>.json`` for the parts of a
    large one): the collection's items as manifests."""
    return document_response(
        request,
        f"collection:{translation_key}:{part}",
        lambda absolute: documents.collection_document(
            collection_record(translation_key, part), absolute, part
        ),
    )


@cross_origin
def collections(request):
    """``/iiif/collections.json``: every public collection of the hub (one query)."""

    def build(absolute):
        pages = translations(public(CollectionPage).only(*LINK_FIELDS))
        keys = dict.fromkeys(page.translation_key for page in pages)
        groups = [documents.sorted_by_language(group) for group in group_translations(pages, keys)]
        # By title, each collection in the first of its languages in the hub's order.
        groups.sort(key=lambda group: (group[0].title, group[0].pk))
        return documents.collections_document(groups, absolute)

    return document_response(request, "collections", build)


# Images ------------------------------------------------------------------------------------


class ImageServeView(ServeView):
    """Wagtail's dynamic image view (signed URLs; the rendition is made on the first
    request), readable by viewers on other origins."""

    def get(self, request, *args, **kwargs):
        return with_cors(super().get(request, *args, **kwargs))


image = ImageServeView.as_view()


# Image services (Image API 3, level 0) -----------------------------------------------------

# The largest id a database key can hold: a longer number in the URL names no image, and
# SQLite could not even be asked about it.
LARGEST_ID = 2**63 - 1


def image_service(image_id, request):
    """The service of an image shown on a live public item (one query, then cached until the
    next publish); an image nowhere public has none."""
    if image_id > LARGEST_ID:
        raise Http404

    def find():
        shown = ItemImage.objects.filter(image_id=image_id, page__in=public(ItemPage).values("pk"))
        item_image = shown.select_related("image").first()
        return item_image.image if item_image else None

    image = cached(f"iiif-image:{image_id}", find, request)
    if image is None:
        raise Http404
    return image, image_api.ImageService.of(image)


@cross_origin
def image_service_base(request, image_id):
    """``/iiif/image/<id>``: the base URI of a service sends the client to its description."""
    image_service(image_id, request)
    response = HttpResponse(status=303)
    response["Location"] = reverse("iiif:image_info", args=[image_id])
    return response


@cross_origin
def image_info(request, image_id):
    """``/iiif/image/<id>/info.json``: what the service offers."""
    _image, service = image_service(image_id, request)
    return document_response(
        request, f"info:{image_id}", service.info, content_type=image_api.CONTENT_TYPE
    )


@cross_origin
def image_request(request, image_id, region, size, rotation, quality_format):
    """``/iiif/image/<id>/<region>/<size>/<rotation>/<quality>.<format>``: one of the
    sizes or tiles ``info.json`` lists, made on its first request; any other is a 400
    naming the parameter."""
    image, service = image_service(image_id, request)
    try:
        spec = service.filter_for(region, size, rotation, quality_format)
    except image_api.ImageRequestError as error:
        return HttpResponseBadRequest(
            f"{error.parameter}: {error.message}", content_type="text/plain; charset=utf-8"
        )
    rendition = image.get_rendition(spec)
    response = FileResponse(rendition.file.open("rb"), content_type="image/jpeg")
    # A tile changes only if the image's file is replaced, which is rare: a day is safe.
    patch_cache_control(response, public=True, max_age=86400)
    return response
