"""Translate demo pages with wagtail-localize, using the text written for each string.

The path is the one an editor's translation takes: a ``TranslationSource`` of the page, a
``Translation`` into the target locale, one ``StringTranslation`` per extracted string
segment, then ``save_target(publish=True)``. No machine translation and no copy of the
source text: a string with no translation written for it is an error, unless the page
marked it as one that stays the same (a name, an address, an e-mail address).

Each page is translated in its own transaction (a savepoint when the caller has one open).
``save_target(publish=True)`` would publish in ``transaction.on_commit``, which never runs
inside an outer transaction (a test, a caller's ``atomic``) and, with a parent and its
children translated in one transaction, leaves the parent's ``numchild`` at 0
(wagtail-localize#773). So the translation is saved as a draft revision and that revision is
published at once: every translation is live when ``translate_page`` returns.
"""

import re

from django.db import transaction
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from .base import DemoDataError, locale, refresh


def _key(text):
    return " ".join(text.split())


# How wagtail-localize marks a link inside a translatable string: <a id="a1">…</a>.
_LINK_MARK = re.compile(r'<a id="a\d+">')


def _string_value(text):
    """A written translation as wagtail-localize stores it: HTML when it marks its links
    (their targets come from the source), plain text otherwise."""
    return StringValue(text) if _LINK_MARK.search(text) else StringValue.from_plaintext(text)


def _fill_strings(source, target_locale, strings):
    """Store a StringTranslation for every string segment of ``source``."""
    lookup = {_key(source_text): text for source_text, text in strings.pairs.items()}
    same = {_key(text) for text in strings.same}
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        source_text = StringValue(segment.string.data).render_text()
        key = _key(source_text)
        if not key:
            continue
        if key in lookup:
            text = lookup[key]
        elif key in same:
            text = source_text
        else:
            missing.append(f"{segment.context.path}: {source_text[:70]!r}")
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target_locale,
            context=segment.context,
            defaults={"data": _string_value(text).data},
        )
    if missing:
        raise DemoDataError(
            f"No {target_locale.language_code} text written for these strings of "
            f"{source.object_repr!r}:\n  " + "\n  ".join(missing)
        )


def translate_page(page, language_code, strings, stats=None, update=False):
    """The page's translation into ``language_code``, created (and published) if missing.

    With ``update`` an existing translation is brought up to date with the source page (a new
    revision, published); otherwise an existing translation is left alone.
    """
    target_locale = locale(language_code)
    existing = page.get_translation_or_none(target_locale)
    if existing is not None and existing.live and not update:
        return existing.specific

    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=target_locale
        )
        _fill_strings(source, target_locale, strings)
        translation.save_target(publish=False)
        translated = page.get_translation(target_locale)
        translated.get_latest_revision().publish()

    translated = refresh(translated)
    if not translated.live:
        raise DemoDataError(f"The {language_code} translation of {page.title!r} is not live.")
    if stats is not None and existing is None:
        stats.created(f"translations ({language_code})")
    return translated
