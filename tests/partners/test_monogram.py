"""Partners without a logo get a monogram: initials on a colour of their own, readable."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partners.monogram import contrast, initials, monogram


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Museo Civico di Genova", "MC"),
        ("Tate", "T"),
        ("The Library of Congress", "LC"),
        ("Polo del '900", "P"),
        ("Museo dell'Arte e l'Archivio", "MA"),
        ("La Casa de la Cultura", "CC"),
        ("Haus der Kunst", "HK"),
        ("Hub Cultura e Creatività – Regione Emilia-Romagna", "HC"),
        ("Ëcole des Beaux-Arts", "ËB"),
        ("", "?"),
    ],
)
def test_initials_skip_the_little_words(name, expected):
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("F O R", "F"),  # not "FO": the spaced capitals spell one word
        ("F. O. R.", "F"),
        ("E.S.K. Catalogue", "EC"),
        ("A B C Museum", "AM"),
        ("Arte e a Roma", "AR"),  # small letters alone are little words, not a spelling
    ],
)
def test_spaced_or_dotted_capitals_are_one_word(name, expected):
    assert initials(name) == expected


@given(st.text(max_size=80))
def test_initials_are_at_most_two_characters(name):
    assert 1 <= len(initials(name)) <= 2


@given(st.text(max_size=80))
def test_every_name_gets_white_initials_readable_on_its_colour(name):
    mark = monogram(name)
    background = tuple(int(mark.background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    assert contrast(background, (1, 1, 1)) >= 4.5
    assert mark.foreground == "#ffffff"


def test_colour_is_the_names_own_and_stable():
    assert monogram("Tabakalera") == monogram("Tabakalera")
    colours = {monogram(name).background for name in ("Tate", "Tabakalera", "Polo del '900")}
    assert len(colours) == 3


@pytest.mark.django_db
def test_cards_and_partner_page_show_the_monogram_without_a_logo(tree, client):
    html = client.get("/it/partners/").content.decode()
    assert re.search(r'<svg class="monogram monogram--card"[^>]*aria-hidden="true"', html)
    assert ">AN</text>" in html  # Archivio Nazionale
    assert "placeholder-icon" not in html
    page = client.get("/it/partners/archivio/").content.decode()
    assert 'class="monogram monogram--page"' in page
