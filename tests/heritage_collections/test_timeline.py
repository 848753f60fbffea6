"""Browse's timeline: items by century, or by decade within a range of two centuries or less,
each period a link that filters the results, and the same as a table."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from heritage_collections.browse import Browse
from heritage_collections.models import ObjectType
from tests.factories import CollectionPageFactory, ItemPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db

BROWSE = "/it/collections/"


@pytest.fixture
def dated(tree):
    """Beside the tree's three photographs of 1885: paintings and prints from 1450 to 1950,
    none of the 16th century."""
    museum = PartnerPageFactory(parent=tree.partner_index, title="Museo Civico", slug="museo")
    works = CollectionPageFactory(parent=museum, title="Opere", slug="opere")
    painting = ObjectType.objects.get(slug="painting", locale__language_code="it")
    for title, start, end in [
        ("Pala d'altare", 1450, 1460),
        ("Ritratto di dama", 1620, 1625),
        ("Veduta di Venezia", 1750, 1755),
        ("Mappa di Torino", 1790, 1790),
        ("Paesaggio alpino", 1860, 1862),
        ("Vista del Po", 1845, 1860),
        ("Manifesto del cinema", 1950, 1950),
    ]:
        ItemPageFactory(
            parent=works, title=title, date_start=start, date_end=end, object_type=painting
        )
    return tree


def timeline_table(content):
    """[(period, count, link or None)] of the timeline's table."""
    table = re.search(r'<details class="timeline-table">(.*?)</details>', content, re.S).group(1)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(\d+)</td></tr>", table)
    result = []
    for header, count in rows:
        link = re.search(r'href="([^"]*)"', header)
        label = re.sub(r"<[^>]+>", "", header)
        result.append((label, int(count), html.unescape(link.group(1)) if link else None))
    return result


def page(client, query=""):
    response = client.get(BROWSE + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_timeline_counts_items_by_century_with_the_empty_ones(client, dated):
    rows = timeline_table(page(client))
    assert [(label, count) for label, count, _link in rows] == [
        ("XV secolo", 1),
        ("XVI secolo", 0),
        ("XVII secolo", 1),
        ("XVIII secolo", 2),
        ("XIX secolo", 5),
        ("XX secolo", 1),
    ]


def test_a_century_filters_the_results_to_its_years(client, dated):
    rows = dict((label, link) for label, _count, link in timeline_table(page(client)))
    assert rows["XVIII secolo"] == "?from=1701&to=1800#items"
    assert rows["XVI secolo"] is None  # nothing to find there
    assert "2 oggetti" in page(client, "?from=1701&to=1800")


def test_a_period_keeps_the_other_filters(client, dated):
    rows = timeline_table(page(client, "?type=painting"))
    links = {label: link for label, _count, link in rows}
    assert links["XIX secolo"] == "?type=painting&from=1801&to=1900#items"


def test_within_two_centuries_the_timeline_counts_decades(client, dated):
    rows = timeline_table(page(client, "?from=1850&to=1900"))
    # Every decade of the range; Vista del Po (1845–1860) began before it and is not drawn.
    assert [(label, count) for label, count, _link in rows] == [
        ("1850–1859", 0),
        ("1860–1869", 1),
        ("1870–1879", 0),
        ("1880–1889", 3),
        ("1890–1899", 0),
        ("1900–1909", 0),
    ]
    assert rows[1][2] == "?from=1860&to=1869#items"


def test_a_wide_range_keeps_centuries(client, dated):
    rows = timeline_table(page(client, "?from=1400&to=1900"))
    assert rows[0][0] == "XV secolo"


def test_one_period_is_not_worth_a_timeline(client, tree):
    assert "timeline" not in page(client)


def test_centuries_before_the_common_era_skip_the_year_zero(client, tree):
    museum = PartnerPageFactory(parent=tree.partner_index, title="Museo", slug="museo")
    works = CollectionPageFactory(parent=museum, title="Reperti", slug="reperti")
    ItemPageFactory(parent=works, title="Anfora", date_start=-250, date_end=-200)
    ItemPageFactory(parent=works, title="Lucerna", date_start=50, date_end=60)
    labels = [label for label, _count, _link in timeline_table(page(client, "?partner=museo"))]
    assert labels == ["III secolo a.C.", "II secolo a.C.", "I secolo a.C.", "I secolo"]


def test_the_chart_draws_a_linked_bar_for_each_period_with_items(client, dated):
    chart = re.search(r'<svg class="timeline-chart".*?</svg>', page(client), re.S).group(0)
    assert chart.count("<rect ") == 5
    assert 'aria-hidden="true"' in chart and 'tabindex="-1"' in chart
    # Drawing units stay numbers a browser reads, whatever the language's decimal comma.
    heights = [float(h) for h in re.findall(r'height="([0-9.]+)"/>', chart)]
    assert max(heights) == 60 and min(heights) >= 2


def test_the_table_is_in_the_visitor_s_language(client, dated):
    assert "Oggetti per secolo" in page(client)
    english = client.get("/en/collections/").content.decode()
    assert "Items by century" in english and "19th century" in english


def queries_of(rf, query, before=None):
    """(bars, queries) of a fresh browse's timeline, after ``before(browse)`` if given."""
    browse = Browse(rf.get(BROWSE + query))
    with translation.override("it"):
        if before:
            before(browse)
        with CaptureQueriesContext(connection) as queries:
            bars = browse.timeline.bars
    return bars, len(queries.captured_queries)


def test_the_centuries_add_no_query_to_the_page_s_facets(rf, dated):
    bars, count = queries_of(rf, "", before=lambda browse: browse.facets)
    assert (len(bars), count) == (6, 0)


def test_the_decades_cost_one_query_and_none_once_counted(rf, dated):
    first, first_count = queries_of(rf, "?from=1850&to=1900")
    again, again_count = queries_of(rf, "?from=1850&to=1900")
    assert (first_count, again_count) == (1, 0)
    assert again == first
