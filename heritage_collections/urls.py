"""Public URLs of the collections app, under each language prefix (heritagehub/urls.py)."""

from django.urls import path

from . import views

app_name = "heritage_collections"

urlpatterns = [
    path("items.geojson", views.items_geojson, name="items_geojson"),
    path("items/<uuid:translation_key>/", views.item_permalink, name="item_permalink"),
    path(
        "items/<uuid:translation_key>/show-images/",
        views.show_covered_images,
        name="show_covered_images",
    ),
    path(
        "items/<uuid:translation_key>/cite.<str:citation_format>",
        views.item_citation,
        name="item_citation",
    ),
]
