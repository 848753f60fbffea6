"""IIIF URLs (heritagehub/urls.py, under /iiif/): language-neutral, so outside the
language prefixes."""

from django.urls import path, re_path

from . import views

app_name = "iiif"

urlpatterns = [
    path("items/<uuid:translation_key>/manifest.json", views.manifest, name="manifest"),
    path("collections.json", views.collections, name="collections"),
    path("collections/<uuid:translation_key>.json", views.collection, name="collection"),
    path(
        "collections/<uuid:translation_key>/<int:part>.json",
        views.collection,
        name="collection_part",
    ),
    path("image/<int:image_id>", views.image_service_base, name="image_service"),
    path("image/<int:image_id>/info.json", views.image_info, name="image_info"),
    path(
        "image/<int:image_id>/<str:region>/<str:size>/<str:rotation>/<str:quality_format>",
        views.image_request,
        name="image_request",
    ),
    # As Wagtail's own serve URL: signature, image id, filter spec, file name.
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", views.image, name="image"),
]
