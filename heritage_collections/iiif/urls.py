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
    # As Wagtail's own serve URL: signature, image id, filter spec, file name.
    re_path(r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$", views.image, name="image"),
]
