"""The partner editor's dashboard: 'Start here' (partners.dashboard) with the main actions
and what waits, and 'Items to complete' (heritage_collections.dashboard), both limited to
the editor's own partner and costing a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from heritagehub.rights import RightsStatement
from tests.factories import CollectionPageFactory, ItemPageFactory
from tests.partners.admin_client import login, submit_for_review

pytestmark = pytest.mark.django_db


def panel(html, panel_id):
    start = html.index(f'id="{panel_id}-section"')
    end = html.find('id="', html.index("</section>", start))
    return html[start:end]


def edit_url(page):
    return f'href="/admin/pages/{page.pk}/edit/"'


def test_start_here_offers_the_main_actions_below_the_partners_page(client, hub):
    login(client, hub.museo.editor)
    html = panel(client.get("/admin/").content.decode(), "partner-start")
    partner = hub.museo.page.pk
    assert f'href="/admin/pages/add/stories/storypage/{partner}/"' in html
    assert f'href="/admin/pages/add/events/eventpage/{partner}/"' in html
    assert 'href="/admin/import-items/"' in html
    assert 'href="/admin/images/multiple/add/"' in html


def test_start_here_counts_drafts_and_pages_in_review(client, hub):
    login(client, hub.museo.editor)
    before = panel(client.get("/admin/").content.decode(), "partner-start")
    submit_for_review(client, hub.museo.draft_page)
    after = panel(client.get("/admin/").content.decode(), "partner-start")

    assert re.search(r"1 (draft|bozza)", before)
    assert not re.search(r"1 (page waiting|pagina in attesa)", before)
    assert re.search(r"1 (page waiting|pagina in attesa)", after)


def test_start_here_counts_pages_not_in_every_language(client, hub, translate):
    login(client, hub.museo.editor)
    html = panel(client.get("/admin/").content.decode(), "partner-start")
    # The partner page, its collection and its draft: only in Italian.
    assert re.search(r"3 (pages not yet in every language|pagine non ancora)", html)


def test_items_to_complete_lists_the_partners_items_without_image_or_rights(client, hub):
    items = hub.tree.items  # the archive's: the first has an image
    items[2].rights = RightsStatement.NOT_EVALUATED
    items[2].save()
    login(client, hub.archivio.editor)
    html = panel(client.get("/admin/").content.decode(), "partner-items")

    without_image, without_rights = re.split(r"<h3", html)[1:3]
    assert edit_url(items[1]) in without_image and edit_url(items[2]) in without_image
    assert edit_url(items[0]) not in without_image
    assert edit_url(items[2]) in without_rights and edit_url(items[1]) not in without_rights


def test_another_partners_items_stay_out_of_the_panel(client, hub):
    login(client, hub.museo.editor)
    html = client.get("/admin/").content.decode()
    for item in hub.tree.items:
        assert edit_url(item) not in html


def test_the_dashboard_costs_the_same_queries_with_many_more_pages(client, hub):
    hub.tree.items[2].rights = RightsStatement.NOT_EVALUATED  # both item lists are shown
    hub.tree.items[2].save()
    login(client, hub.archivio.editor)

    def dashboard_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/admin/").status_code == 200
        return len(queries)

    dashboard_queries()  # warm caches (content types, site root paths)
    few = dashboard_queries()
    collection = CollectionPageFactory(parent=hub.archivio.page, title="Altre foto")
    for number in range(30):
        ItemPageFactory(
            parent=collection, title=f"Foto {number}", rights=RightsStatement.NOT_EVALUATED
        )
    assert dashboard_queries() == few
