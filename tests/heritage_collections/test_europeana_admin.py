"""Europeana readiness in the admin: the item editor's panel and the per-partner report."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritage_collections.europeana.report import EuropeanaReadinessView
from heritage_collections.models import ItemPage
from partners.onboarding import onboard_partner
from partners.roles import HUB_EDITORS
from tests.factories import (
    CollectionPageFactory,
    HeritageImageFactory,
    ItemPageFactory,
    UserFactory,
    add_item_image,
)
from tests.partners.admin_client import PAGE_EDIT, login

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/europeana-readiness/"


@pytest.fixture
def archivio(tree):
    """The tree's partner, onboarded: its editor may see its report only."""
    space = onboard_partner("Archivio Nazionale", "archivio", "archive").space
    space.editor = UserFactory(username="archivio-editor", groups=[space.editors])
    return space


@pytest.fixture
def museo(tree):
    result = onboard_partner("Museo Civico", "museo-civico", "museum")
    result.page.save_revision().publish()
    collection = CollectionPageFactory(parent=result.page, title="Dipinti", slug="dipinti")
    ItemPageFactory(parent=collection, title="Ritratto del museo")
    return result.space


@pytest.fixture
def hub_editor(db):
    return UserFactory(username="hub-editor", groups=[Group.objects.get(name=HUB_EDITORS)])


def without_rights(*items):
    # The editor's form requires a rights statement; imported or old items may lack one.
    ItemPage.objects.filter(pk__in=[item.pk for item in items]).update(rights="")


def test_the_item_editor_shows_the_tiers_and_what_is_missing(client, tree, hub_editor):
    item = tree.items[1]
    without_rights(item)
    login(client, hub_editor)
    html = client.get(PAGE_EDIT.format(item.pk)).content.decode()
    assert "Europeana readiness" in html
    assert 'data-content-tier="0"' in html
    # Two contextual classes: the linked type and the years' time span.
    assert 'data-metadata-tier="C"' in html
    assert "<code>edm:rights</code>: Choose a rights statement." in html
    assert "To reach content tier 1" in html


def test_the_panel_judges_the_items_images(client, tree, hub_editor):
    item = tree.items[1]
    add_item_image(item, HeritageImageFactory(file__width=1200, file__height=800))
    login(client, hub_editor)
    html = client.get(PAGE_EDIT.format(item.pk)).content.decode()
    assert 'data-content-tier="4"' in html


def test_the_panel_links_to_the_partners_report(client, tree, archivio):
    login(client, archivio.editor)
    html = client.get(PAGE_EDIT.format(tree.item.pk)).content.decode()
    assert f'href="{REPORT}?partner=archivio"' in html


def test_the_report_lists_the_partners_items_with_their_tiers(client, tree, hub_editor, museo):
    add_item_image(tree.items[1], HeritageImageFactory(file__width=1200, file__height=800))
    login(client, hub_editor)
    response = client.get(REPORT, {"partner": "archivio"})
    assert response.status_code == 200
    html = response.content.decode()
    for item in tree.items:
        assert f'href="{PAGE_EDIT.format(item.pk)}"' in html
    assert "Ritratto del museo" not in html
    assert '<td data-tier="0">2</td>' in html  # no image, or one of 40×30 pixels
    assert '<td data-tier="4">1</td>' in html
    assert '<td data-tier="C">3</td>' in html  # the linked type and the years' time span


def test_the_summary_counts_the_items_missing_each_property(client, tree, hub_editor):
    without_rights(*tree.items[:2])
    login(client, hub_editor)
    html = client.get(REPORT, {"partner": "archivio"}).content.decode()
    assert '<td data-property="edm:rights">2</td>' in html


def test_a_translated_item_is_one_row(client, tree, hub_editor, translate):
    translate(tree.collection.get_parent(), "en")
    translate(tree.collection, "en")
    translate(tree.item, "en", title="Photograph 1")
    login(client, hub_editor)
    response = client.get(REPORT, {"partner": "archivio"})
    assert response.context["summary"].total == 3
    assert "Photograph 1" not in response.content.decode()


def test_hub_staff_choose_among_all_partners(client, tree, hub_editor, museo):
    login(client, hub_editor)
    response = client.get(REPORT, {"partner": "museo-civico"})
    assert "Ritratto del museo" in response.content.decode()
    choices = dict(response.context["partner_form"].fields["partner"].choices)
    assert set(choices) == {"archivio", "museo-civico"}


def test_a_partner_editor_sees_their_own_partner(client, tree, archivio, museo):
    login(client, archivio.editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    assert response.context["partner"].slug == "archivio"
    assert list(dict(response.context["partner_form"].fields["partner"].choices)) == ["archivio"]


def test_a_partner_editor_cannot_see_another_partners_report(client, tree, archivio, museo):
    login(client, archivio.editor)
    response = client.get(REPORT, {"partner": "museo-civico"})
    assert (response.status_code, response.url) == (302, "/admin/")


def test_an_unknown_partner_is_named_in_an_error(client, tree, hub_editor):
    login(client, hub_editor)
    response = client.get(REPORT, {"partner": "nessuno"}, follow=True)
    assert response.redirect_chain == [(REPORT, 302)]
    assert "There is no partner “nessuno”." in response.content.decode()


def test_users_without_a_partner_are_refused(client, tree, archivio):
    group = Group.objects.create(name="Admin only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, UserFactory(username="visitor", groups=[group]))
    response = client.get(REPORT)
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_report_is_in_the_reports_menu_of_partner_editors(client, tree, archivio):
    login(client, archivio.editor)
    assert "Europeana readiness" in client.get("/admin/").content.decode()


def test_the_report_exports_csv(client, tree, hub_editor):
    login(client, hub_editor)
    response = client.get(REPORT, {"partner": "archivio", "export": "csv"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0] == "Identifier,Title,Language,Content tier,Metadata tier,Missing for Europeana"
    assert len(lines) == 4


def report_queries(client, partner, page_size, monkeypatch):
    monkeypatch.setattr(EuropeanaReadinessView, "paginate_by", page_size)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REPORT, {"partner": partner})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == min(page_size, response.context["summary"].total)
    return len(queries)


def test_the_report_queries_do_not_grow_with_the_page_or_the_items(
    client, tree, hub_editor, monkeypatch
):
    login(client, hub_editor)
    report_queries(client, "archivio", 5, monkeypatch)  # warm the caches (locales, menus)
    few_items = report_queries(client, "archivio", 5, monkeypatch)
    for number in range(12):
        item = ItemPageFactory(parent=tree.collection, title=f"Altro oggetto {number}")
        add_item_image(item)
    assert report_queries(client, "archivio", 5, monkeypatch) == few_items
    assert report_queries(client, "archivio", 20, monkeypatch) == few_items
