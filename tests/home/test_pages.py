"""Home, standard and form pages as a visitor sees them."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_links_the_index_pages_in_the_visitor_language(tree, client):
    html = client.get("/fr/").content.decode()
    for path in ("/fr/collections/", "/fr/stories/", "/fr/partners/"):
        assert f'href="{path}"' in html


def test_home_shows_featured_pages_in_the_visitor_language(tree, client, translate):
    home = tree.home.specific
    home.featured_collections = [("page", tree.collection)]
    home.save_revision().publish()
    for page in (tree.partner_index, tree.partner):
        translate(page, "en")
    translate(tree.home, "en")
    translate(tree.collection, "en", title="Photographs")
    html = client.get("/en/").content.decode()
    assert "Photographs" in html
    assert 'href="/en/partners/archivio/fotografie/"' in html


def test_standard_page_renders_its_body(tree, client):
    html = client.get("/it/about/").content.decode()
    assert "Un polo di istituzioni culturali." in html


def test_form_page_shows_its_fields(tree, client):
    html = client.get("/it/contact/").content.decode()
    assert 'name="nome"' in html
    assert 'name="email"' in html
    assert 'type="email"' in html
    assert "csrfmiddlewaretoken" in html


def test_form_labels_are_tied_to_their_inputs(tree, client):
    html = client.get("/it/contact/").content.decode()
    assert 'for="id_nome"' in html and 'id="id_nome"' in html
