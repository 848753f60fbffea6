"""IIIF URLs (heritagehub/urls.py, under /iiif/): language-neutral, so outside the
language prefixes."""

from django.urls import path, re_path

from . import iiif_views

app_name = "iiif"

urlpatterns = [
    path("items/<uuid:translation_key>/manifest.json", iiif_views.manifest, name="manifest"),
    path("collections.json", iiif_views.collections, name="collections"),
    path("collections/<uuid:translation_key>.json", iiif_views.collection, name="collection"),
    path(
        "collections/<uuid:translation_key>/<int:part>.json",
        iiif_views.collection,
        name="collection_part",
    ),
    # As Wagtail's own serve URL: signature, image id, filter spec, file name.
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", iiif_views.image, name="image"),
]
