"""What the partner directory and a partner's profile show a visitor."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_partner_profile_lists_its_collections_and_stories(tree, client):
    html = client.get("/it/partners/archivio/").content.decode()
    assert 'href="/it/partners/archivio/fotografie/"' in html
    assert 'href="/it/partners/archivio/storia-partner/"' in html


def test_partner_directory_links_each_partner(tree, client):
    html = client.get("/es/partners/").content.decode()
    assert 'href="/es/partners/archivio/"' in html
    assert "Archivio Nazionale" in html


def test_partner_profile_shows_its_institution_type_in_the_visitor_language(tree, client):
    from partners.models import InstitutionType

    partner = tree.partner.specific
    partner.institution_type = InstitutionType.objects.get(slug="archive", locale=partner.locale)
    partner.save_revision().publish()
    html = client.get("/de/partners/archivio/").content.decode()
    assert re.search(r">\s*Archiv\s*<", html)  # the German term, not the Italian "Archivio"
