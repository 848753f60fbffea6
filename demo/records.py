"""The demo's content files, and the one way a record becomes a page.

Demo content is data: one YAML file per record under ``demo/content/<kind>/`` (a partner, a
collection, an image, a story, a call, an event, an application), and one per hub page under
``demo/content/pages/``. Each names its source and its licence. Files load in name order,
which is the order their pages are created in (and listed, where the tree's order shows).

A text is a mapping of language codes to texts, the first key the language it was written
in: ``{it: …, en: …}`` (the hub's own pages and the programme add fr, de and es). A plain
string is a text with no translation. In a rich text (a list), ``{h3: …}`` is a heading and
``{ul: [...]}`` a list.
"""

from datetime import time
from pathlib import Path

import yaml

from .base import LANGUAGES, Bi, DemoDataError, ensure_child
from .translate import translate_page

CONTENT = Path(__file__).resolve().parent / "content"
# Each record says where its facts come from and under which licence; no page shows them.
META = ("source", "licence")


def text(value):
    """A record's value with every mapping of language codes made a ``Bi``, and every
    ``{h2|h3|ul|ol: …}`` of a rich text made the tuple ``Strings.rich`` takes."""
    if isinstance(value, list):
        return [text(entry) for entry in value]
    if isinstance(value, dict):
        if value and set(value) <= set(LANGUAGES):
            source, *others = value.values()
            return Bi(source, others[0] if others else None, dict(list(value.items())[2:]))
        if len(value) == 1 and next(iter(value)) in {"h2", "h3", "h4", "ul", "ol"}:
            ((tag, inner),) = value.items()
            return (tag, text(inner))
        return {name: text(entry) for name, entry in value.items()}
    return value


def read_record(path):
    """One record file: its fields (without source and licence), texts made ``Bi``.

    Refuses a record that does not say where it comes from and under which licence."""
    record = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    missing = [name for name in META if not record.get(name)]
    if missing:
        raise DemoDataError(f"{path}: no {' and no '.join(missing)}")
    return {name: text(value) for name, value in record.items() if name not in META}


def records(kind, build=dict):
    """Every record of ``content/<kind>/``, in file name order (the order pages are created
    in), each passed to ``build`` (a dataclass, or a function of the fields)."""
    return [build(**read_record(path)) for path in sorted((CONTENT / kind).glob("*.yaml"))]


def record(name):
    """The one record of ``content/<name>.yaml``."""
    return read_record(CONTENT / f"{name}.yaml")


def clock(value):
    """A time of day written "HH:MM" (None stays None)."""
    return None if value is None else time.fromisoformat(value)


def add_pages(texts, parent_of, build, languages_of, stats, kind):
    """The one way every kind of demo record becomes pages: for each text, its page (built
    by ``build(text)`` as ``(page, strings)``) under ``parent_of(text)`` unless there already,
    translated into each of ``languages_of(text, parent, page)``. Source pages by slug."""
    pages = {}
    for entry in texts:
        parent = parent_of(entry)
        page, strings = build(entry)
        page, _created = ensure_child(parent, page, stats, kind)
        for language in languages_of(entry, parent, page):
            translate_page(page, language, strings.into(language, page), stats)
        pages[entry.slug] = page
    return pages
