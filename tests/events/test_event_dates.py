"""An event's dates in each language: on its card in What's on and on its page.

Time is frozen on Wednesday 10 March 2027 at 10:00 in Rome (conftest.NOW).
"""

import re

import pytest

from heritagehub.i18n import url_in_language

pytestmark = pytest.mark.django_db


WHEN = r'<p class="card-meta event-when"[^>]*>\s*<span>([^<]+)</span>'


def when_on_cards(html):
    return [re.sub(r"\s+", " ", text).strip() for text in re.findall(WHEN, html)]


@pytest.mark.parametrize(
    ("language", "sunday", "exhibition"),
    [
        ("it", "dom 14 mar., 16:00–18:00", "dal 15 febbraio 2027 al 30 aprile 2027"),
        ("en", "Sun 14 Mar, 4 p.m.–6 p.m.", "15 February 2027 to 30 April 2027"),
        ("fr", "dim. 14 mars, 16:00–18:00", "du 15 février 2027 au 30 avril 2027"),
        ("de", "So., 14. März, 16:00–18:00", "15. Februar 2027 bis 30. April 2027"),
        ("es", "dom. 14 mar., 16:00–18:00", "del 15 de febrero de 2027 al 30 de abril de 2027"),
    ],
)
def test_cards_write_dates_as_the_visitor_language_does(
    client, whats_on, programme, language, sunday, exhibition
):
    html = client.get(url_in_language(whats_on, language)).content.decode()
    shown = when_on_cards(html)
    assert sunday in shown
    assert exhibition in shown


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "mercoledì 10 marzo 2027, 18:00–20:00"),
        ("en", "Wednesday 10 March 2027, 6 p.m.–8 p.m."),
        ("fr", "mercredi 10 mars 2027, 18:00–20:00"),
        ("de", "Mittwoch, 10. März 2027, 18:00–20:00"),
        ("es", "miércoles, 10 de marzo de 2027, 18:00–20:00"),
    ],
)
def test_the_event_page_writes_the_day_of_the_week(client, programme, language, expected):
    html = client.get(url_in_language(programme.today, language)).content.decode()
    assert re.search(rf'<time datetime="2027-03-10T[^"]+">{re.escape(expected)}</time>', html)
