"""The hub's own pages: home, the index pages, about, accessibility statement, contact, join
the hub; one record each in ``content/pages/``, written in Italian with its English, French,
German and Spanish texts, and translated into all four.

Slugs are the same in every language, so ``/it/about/`` and ``/fr/about/`` are the same page.
A page record names its ``type``; every other key is a field of the page (a list is rich
text), except ``body`` (a StreamField: ``heading``, ``paragraph`` or ``list`` entries) and a
form's ``form_fields``.
"""

import re

from django.conf import settings
from wagtail.models import Site

from authorities.models import AuthorityIndexPage
from calls.models import CallIndexPage
from events.models import WhatsOnPage
from heritage_collections.models import CollectionIndexPage
from home.models import FormField, FormPage, HomePage, StandardPage
from partners.models import JoinPage, PartnerIndexPage
from stories.models import StoryIndexPage

from .base import MORE_LANGUAGES, Bi, DemoDataError, Strings, block, ensure_child, locale, refresh
from .records import record
from .translate import translate_page

PAGE_TYPES = {
    model.__name__: model
    for model in (
        HomePage,
        CollectionIndexPage,
        StoryIndexPage,
        PartnerIndexPage,
        StandardPage,
        FormPage,
        JoinPage,
        CallIndexPage,
        WhatsOnPage,
        AuthorityIndexPage,
    )
}
# In the order they are created (the tree's order under the home page).
INDEX_PAGES = ["collections", "stories", "partners", "authorities"]
SITE_PAGES = ["about", "contact", "join", "accessibility"]  # the statement links to contact
# Keys of a page record that are not plain fields of the page.
NOT_FIELDS = {"type", "body", "form_fields", "hero_image"}


def field_value(strings, value):
    """A field's source text: rich text from a list of paragraphs, else the text."""
    return strings.rich(*value) if isinstance(value, list) else strings(value)


def _paragraph_with_link(strings, text, page):
    """A paragraph whose words marked ``<a id="a1">…</a>`` (wagtail-localize's own mark for a
    link in a translatable string) link to ``page``. Wagtail renders a rich text page link as
    the reader's translation of the page, so each language's paragraph leads to its own."""
    strings(Bi(re.sub(r"</?a[^>]*>", "", text.source), text.translation, text.more))
    html = text.source.replace('<a id="a1">', f'<a linktype="page" id="{page.pk}">')
    return block("paragraph", f"<p>{html}</p>")


def body_block(strings, entry, pages):
    if "heading" in entry:
        return block(
            "heading", {"text": strings(entry["heading"]), "level": entry.get("level", "h2")}
        )
    if "list" in entry:
        return block("paragraph", strings.rich(("ul", entry["list"])))
    if "link" in entry:
        return _paragraph_with_link(strings, entry["paragraph"], pages[entry["link"]])
    return block("paragraph", strings.rich(entry["paragraph"]))


def form_field(strings, order, entry):
    strings.keep(entry["clean_name"])
    return FormField(
        sort_order=order,
        clean_name=entry["clean_name"],
        label=strings(entry["label"]),
        field_type=entry["field_type"],
        required=entry["required"],
        choices=strings(entry.get("choices")),
        help_text=strings(entry.get("help_text")),
    )


def site_page(name, pages=None):
    """The unsaved page of ``content/pages/<name>.yaml`` and its strings; ``pages``: the
    Italian pages by slug, which a paragraph's ``link`` names."""
    fields = record(f"pages/{name}")
    strings = Strings()
    model = PAGE_TYPES[fields["type"]]
    page = model(
        **{
            key: field_value(strings, value)
            for key, value in fields.items()
            if key not in NOT_FIELDS
        }
    )
    if "body" in fields:
        page.body = [body_block(strings, entry, pages) for entry in fields["body"]]
    if "form_fields" in fields:
        page.form_fields = [
            form_field(strings, order, entry) for order, entry in enumerate(fields["form_fields"])
        ]
        strings.keep(settings.HUB_CONTACT_EMAIL)
    return page, strings


def add_site_page(pages, parent, name, stats, kind="standard and form pages"):
    """The page of ``content/pages/<name>.yaml`` under ``parent`` unless there already, in
    five languages; filed in ``pages`` under its slug."""
    page, strings = site_page(name, pages["it"])
    page, _created = ensure_child(parent, page, stats, kind)
    pages["it"][page.slug] = page
    _translate(pages, page.slug, page, strings, stats)
    return page


def home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoDataError("No default Wagtail site: run `manage.py migrate` first.")
    home = site.root_page.specific
    if not isinstance(home, HomePage) or home.locale.language_code != "it":
        raise DemoDataError("The default site's root page is not the Italian HomePage.")
    return home


def load_site_pages(images, stats):
    """Fill the home page, create its children, translate them all into the other languages.

    Returns ``{"it": {...}, "en": {...}, "fr": {...}, ...}`` with the home and index pages of
    each language, and the translation strings of the home page (its featured lists are set
    later).
    """
    home = home_page()
    fields = record("pages/home")
    home_strings = Strings()
    home_strings.keep(home.title)
    values = {
        key: field_value(home_strings, value)
        for key, value in fields.items()
        if key not in NOT_FIELDS
    }
    values["hero_image"] = images[fields["hero_image"]]
    # Fill the home page the migration created, once: never overwrite an editor's text.
    filled = not home.hero_heading
    if filled:
        for name, value in values.items():
            setattr(home, name, value)
        home.save_revision().publish()
        stats.created("home page filled")
        home = refresh(home)
    pages = {"it": {"home": home}}
    # The home page first: wagtail-localize would otherwise copy it untranslated into a
    # locale when it translates one of its children.
    _translate(pages, "home", home, home_strings, stats, update=filled)

    for name in INDEX_PAGES:
        add_site_page(pages, home, name, stats, kind="index pages")
    for name in SITE_PAGES:
        add_site_page(pages, home, name, stats)
    return pages, home_strings


def _translate(pages, key, page, strings, stats, update=False):
    """Translate ``page`` into English, then French, German and Spanish; file each under ``key``."""
    for language in ("en", *MORE_LANGUAGES):
        translated = translate_page(
            page, language, strings.into(language, page), stats, update=update
        )
        pages.setdefault(language, {})[key] = translated


def feature_on_home(home, home_strings, collections, stories, partners, stats):
    """Set the home page's featured lists (once, when all are empty) and update its translations."""
    wanted = {
        "featured_collections": collections,
        "featured_stories": stories,
        "featured_partners": partners,
    }
    if not any(len(getattr(home, name)) for name in wanted):
        for name, featured in wanted.items():
            setattr(home, name, [block("page", page.pk) for page in featured])
        home.save_revision().publish()
        stats.created("home page featured lists")
        home = refresh(home)
    for language in ("en", *MORE_LANGUAGES):
        translated = home.get_translation_or_none(locale(language))
        behind = translated is not None and any(
            len(getattr(translated.specific, name)) != len(getattr(home, name)) for name in wanted
        )
        if behind:
            translate_page(home, language, home_strings.into(language, home), stats, update=True)
    return home
