"""Dates are written as each language writes them (heritagehub/formats, FORMAT_MODULE_PATH)."""

from datetime import date

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format, get_format_modules

SUNDAY = date(2026, 12, 6)
ADDED_FORMATS = ["WEEKDAY_DATE_FORMAT", "SHORT_WEEKDAY_DATE_FORMAT"]


def written(language, format_name, day=SUNDAY):
    with translation.override(language):
        return date_format(day, format_name)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("format_name", ADDED_FORMATS)
def test_every_language_defines_the_formats_the_templates_name(language, format_name):
    # A name missing from the module would be written out letter by letter as a format.
    own = get_format_modules(language)[0]
    assert own.__name__ == f"heritagehub.formats.{language}.formats"
    assert getattr(own, format_name, None)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "6 dicembre 2026"),
        ("en", "6 December 2026"),
        ("fr", "6 décembre 2026"),
        ("de", "6. Dezember 2026"),
        ("es", "6 de diciembre de 2026"),
    ],
)
def test_a_date(language, expected):
    assert written(language, "DATE_FORMAT") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "domenica 6 dicembre 2026"),
        ("en", "Sunday 6 December 2026"),
        ("fr", "dimanche 6 décembre 2026"),
        ("de", "Sonntag, 6. Dezember 2026"),
        ("es", "domingo, 6 de diciembre de 2026"),
    ],
)
def test_a_date_with_its_day_of_the_week(language, expected):
    assert written(language, "WEEKDAY_DATE_FORMAT") == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("it", "dom 6 dic."),
        ("en", "Sun 6 Dec"),
        ("fr", "dim. 6 déc."),
        ("de", "So., 6. Dez."),
        ("es", "dom. 6 dic."),
    ],
)
def test_a_short_day_without_the_year(language, expected):
    assert written(language, "SHORT_WEEKDAY_DATE_FORMAT") == expected


@pytest.mark.parametrize("month", range(1, 13))
def test_italian_months_are_lowercase_in_every_format(month):
    day = date(2027, month, 1)
    for format_name in ["DATE_FORMAT", "WEEKDAY_DATE_FORMAT", "SHORT_WEEKDAY_DATE_FORMAT"]:
        text = written("it", format_name, day)
        assert text == text.lower(), text


@pytest.mark.parametrize("month", [1, 2])
def test_spanish_abbreviated_months_are_lowercase(month):
    text = written("es", "SHORT_WEEKDAY_DATE_FORMAT", date(2027, month, 4))
    assert text == text.lower(), text
