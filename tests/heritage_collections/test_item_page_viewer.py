"""The item's images on its page: a zoomable viewer, and links to large images without it."""

import factory
import pytest

from tests.conftest import elements
from tests.factories import HeritageImageFactory, add_item_image

pytestmark = pytest.mark.django_db

URL = "/it/partners/archivio/fotografie/{slug}/"


def by_class(response, tag, css_class):
    return [
        e
        for e in elements(response)
        if e.tag == tag and css_class in e.attrs.get("class", "").split()
    ]


def test_each_image_links_to_its_large_rendition(tree, client):
    response = client.get(URL.format(slug="fotografia-1"))
    (link,) = by_class(response, "a", "viewer-open")
    assert ".max-2400x2400." in link.attrs["href"]
    assert link.attrs["data-viewer-index"] == "0"


def test_an_image_larger_than_the_large_rendition_is_deep_zoomed_through_its_service(tree, client):
    image = HeritageImageFactory(file=factory.django.ImageField(width=2401, height=1000))
    tree.item.specific.images.all().delete()
    add_item_image(tree.item.specific, image=image)
    response = client.get(URL.format(slug="fotografia-1"))
    (link,) = by_class(response, "a", "viewer-open")
    assert link.attrs["data-viewer-info"] == f"/iiif/image/{image.pk}/info.json"


def test_an_image_no_larger_than_the_large_rendition_is_zoomed_whole(tree, client):
    image = HeritageImageFactory(file=factory.django.ImageField(width=2400, height=2400))
    tree.item.specific.images.all().delete()
    add_item_image(tree.item.specific, image=image)
    response = client.get(URL.format(slug="fotografia-1"))
    (link,) = by_class(response, "a", "viewer-open")
    assert "data-viewer-info" not in link.attrs


def test_the_page_shows_a_medium_rendition_with_its_alt_text(tree, client):
    image = tree.item.specific.images.first().image
    response = client.get(URL.format(slug="fotografia-1"))
    (img,) = [e for e in elements(response) if e.tag == "img" and "srcset" in e.attrs]
    assert img.attrs["alt"] == image.alt_text
    assert ".max-640x800." in img.attrs["srcset"]
    assert "2400" not in img.attrs["srcset"]


def test_the_viewer_is_a_dialog_with_labelled_buttons(tree, client):
    response = client.get(URL.format(slug="fotografia-1"))
    (dialog,) = [e for e in elements(response) if e.tag == "dialog"]
    assert "open" not in dialog.attrs
    assert dialog.attrs["aria-labelledby"] == "viewer-title"
    buttons = by_class(response, "button", "viewer-button")
    actions = {b.attrs["data-viewer-action"] for b in buttons}
    assert actions == {"zoom-in", "zoom-out", "reset", "fullscreen", "close"}
    assert all(b.attrs["aria-label"] and b.attrs["type"] == "button" for b in buttons)
    (stage,) = [e for e in elements(response) if "data-viewer-stage" in e.attrs]
    assert stage.attrs["tabindex"] == "0"
    assert stage.attrs["aria-describedby"] == "viewer-help"


def test_one_image_has_no_thumbnails(tree, client):
    response = client.get(URL.format(slug="fotografia-1"))
    assert by_class(response, "button", "viewer-thumb") == []


def test_several_images_have_thumbnails_to_switch(tree, client):
    add_item_image(tree.item, caption="Retro")
    add_item_image(tree.item, caption="Dettaglio")
    response = client.get(URL.format(slug="fotografia-1"))
    thumbs = by_class(response, "button", "viewer-thumb")
    assert [t.attrs["data-viewer-goto"] for t in thumbs] == ["0", "1", "2"]
    assert [link.attrs["data-viewer-index"] for link in by_class(response, "a", "viewer-open")] == [
        "0",
        "1",
        "2",
    ]


def test_an_item_without_images_has_no_viewer(tree, client):
    response = client.get(URL.format(slug="fotografia-2"))
    assert [e for e in elements(response) if e.tag == "dialog"] == []
    assert "placeholder--large" not in response.content.decode()


def test_an_item_without_images_leads_with_its_record_and_the_partner_s_catalogue(tree, client):
    item = tree.items[1]
    item.source_url = "https://archivio.example.org/fotografia-2"
    item.save_revision().publish()
    response = client.get(URL.format(slug="fotografia-2"))
    (notice,) = [e for e in elements(response) if e.attrs.get("class") == "item-no-image"]
    buttons = [e for e in elements(response) if e.tag == "a" and e.attrs.get("class") == "button"]
    assert [b.attrs["href"] for b in buttons] == ["https://archivio.example.org/fotografia-2"]
    assert 'class="item-layout item-layout--text"' in response.content.decode()


def test_the_viewer_is_served_from_our_own_static_files(tree, client):
    response = client.get(URL.format(slug="fotografia-1"))
    scripts = [e.attrs["src"] for e in elements(response) if e.tag == "script" and "src" in e.attrs]
    styles = [
        e.attrs["href"]
        for e in elements(response)
        if e.tag == "link" and e.attrs.get("rel") == "stylesheet"
    ]
    assert "/static/js/viewer.js" in scripts
    assert "/static/js/cite.js" in scripts
    assert "/static/css/item.css" in styles
    assert all(src.startswith("/static/") for src in scripts)


def test_a_preview_shows_the_draft_images_without_the_other_sections(tree, rf):
    from heritage_collections.item_context import item_page_context
    from heritage_collections.models import ItemImage, ItemPage

    item = ItemPage.objects.get(pk=tree.item.pk)
    image = item.images.first().image
    item.images = [ItemImage(image=image, caption="Fronte, nella bozza", locale=item.locale)]
    draft = item.save_revision().as_object()  # the live page keeps its "Fronte"
    request = rf.get("/")
    request.is_preview = True
    context = item_page_context(draft, request)
    assert [item_image.caption for item_image in context["item_images"]] == ["Fronte, nella bozza"]
    assert context["related_items"] == [] and context["featuring_stories"] == []
    assert "neighbours" not in context
