"""Helpers that data migrations of several apps share (kept stable: migrations import them)."""

import uuid

LANGUAGE_CODES = ["it", "en", "fr", "de", "es"]


def create_vocabulary_terms(apps, app_label, model_name, terms, first_sort_order=0):
    """Create each term once per locale, all languages sharing one translation key.

    ``terms`` maps a slug to its names in the order of ``LANGUAGE_CODES``.
    """
    Locale = apps.get_model("wagtailcore", "Locale")
    model = apps.get_model(app_label, model_name)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for order, (slug, names) in enumerate(terms.items(), start=first_sort_order):
        existing = model.objects.filter(slug=slug).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, name in zip(LANGUAGE_CODES, names, strict=True):
            if code in locales:
                model.objects.get_or_create(
                    slug=slug,
                    locale=locales[code],
                    defaults={"name": name, "sort_order": order, "translation_key": key},
                )


def set_vocabulary_uris(apps, app_label, model_name, uris):
    """Give each term (every language of it) its Linked Open Data URI: ``uris`` maps a slug
    to the canonical URI (heritagehub.authority_uris)."""
    model = apps.get_model(app_label, model_name)
    for slug, uri in uris.items():
        model.objects.filter(slug=slug).update(uri=uri)
