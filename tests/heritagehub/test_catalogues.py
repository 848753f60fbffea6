"""The translation catalogues: every one the site ships passes the check `make translations`
runs before compiling, and a catalogue that would show the wrong language is refused."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from heritagehub.management.commands.compile_translations import problems

CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("*/LC_MESSAGES/django.po"))

SPANISH_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=3; plural=n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;\\n"\n\n'
)


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_the_sites_catalogues_have_no_problem(path):
    assert problems(polib.pofile(str(path))) == []


def test_a_plural_with_a_missing_form_is_refused(tmp_path, settings):
    po = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        SPANISH_HEADER + 'msgid "%(n)s item"\nmsgid_plural "%(n)s items"\n'
        'msgstr[0] "%(n)s objeto"\nmsgstr[1] "%(n)s objetos"\n'
    )
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match="has 2 plural forms, the header says 3"):
        call_command("compile_translations")
    assert not po.with_suffix(".mo").exists()


def test_a_message_twice_is_refused(tmp_path, settings):
    po = tmp_path / "es" / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True)
    po.write_text(SPANISH_HEADER + 'msgid "Map"\nmsgstr "Mapa"\n\nmsgid "Map"\nmsgstr "Plano"\n')
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match="'Map' is there twice"):
        call_command("compile_translations")
