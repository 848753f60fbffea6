"""Compile the project's .po files to .mo with polib: no system gettext needed.

A catalogue is checked first, and refused with the entries named: the same message twice
(gettext keeps one, unpredictably), or a plural message with another number of forms than
its language's Plural-Forms header says (a missing form falls back to the source language
for the counts that need it: "5 oggetti" on a Spanish page).
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def plural_count(catalogue):
    header = catalogue.metadata.get("Plural-Forms", "nplurals=2;")
    return int(header.split("nplurals=", 1)[1].split(";", 1)[0])


def problems(catalogue):
    """What is wrong with a catalogue, one message an entry."""
    found, seen, forms = [], set(), plural_count(catalogue)
    for entry in catalogue:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            found.append(f"line {entry.linenum}: {entry.msgid[:60]!r} is there twice")
        seen.add(key)
        if entry.msgid_plural and len(entry.msgstr_plural) != forms:
            found.append(
                f"line {entry.linenum}: {entry.msgid[:60]!r} has {len(entry.msgstr_plural)} "
                f"plural forms, the header says {forms}"
            )
    return found


class Command(BaseCommand):
    help = "Check and compile locale/*/LC_MESSAGES/*.po to .mo (pure Python; run on every setup)."

    def handle(self, *args, **options):
        compiled = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                wrong = problems(catalogue)
                if wrong:
                    raise CommandError(f"{po_path}:\n  " + "\n  ".join(wrong))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                if options["verbosity"] > 1:
                    self.stdout.write(f"compiled {po_path}")
        self.stdout.write(f"Translations: {compiled} catalogue(s) compiled.")
