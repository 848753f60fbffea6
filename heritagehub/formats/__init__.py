"""How dates are written in each language of the site (``FORMAT_MODULE_PATH``).

Django's own format modules are the base; these change what does not read as each language
writes a date ("06 Dicembre 2026", "Dec. 6, 2026") and add two named formats the
templates use, so no template writes a format of its own and no language gets another's
("6 Dezember" without its full stop):

- ``DATE_FORMAT``: 6 dicembre 2026 · 6 December 2026 · 6 décembre 2026 · 6. Dezember 2026 ·
  6 de diciembre de 2026
- ``WEEKDAY_DATE_FORMAT``: the same with the day of the week
  (``{{ day|date:"WEEKDAY_DATE_FORMAT" }}``)
- ``SHORT_WEEKDAY_DATE_FORMAT``: day of the week, day and month, abbreviated, without the year
  (an event card's time: "dom 6 dic.", "Sun 6 Dec", "So., 6. Dez.")

Django looks a named format up in these modules first, so every language of ``LANGUAGES``
must define both added names (``tests/heritagehub/test_date_formats.py``): a name missing
from a module would be written out letter by letter as a format. Italian month and day
names are lowercase as Italian writes them: Django's Italian catalogue capitalises them, and
``locale/it/LC_MESSAGES/django.po`` overrides those entries (and Spanish "Ene.", "Feb.").
"""
