"""A description cell as the rich text Wagtail stores.

Plain text becomes paragraphs (a blank line between them, line breaks kept). HTML is cleaned
the way the editor cleans what it saves (Draftail's converter keeps only the features the
field allows, drops scripts and attributes), so a file cannot put markup on a page that an
editor could not. Simple markup — paragraphs, bold, italic, line breaks, headings, lists
without attributes — is already in the stored form and is kept as it is, which spares the
converter's cost (about half a millisecond a cell) on most catalogue descriptions.
"""

import re
from functools import cache
from html import escape

from wagtail.admin.rich_text import get_rich_text_editor_widget

from heritage_collections.models import ItemPage

BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')
SIMPLE_HTML = re.compile(
    r"(?:[^<>&]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|</?(?:p|b|i|h2|h3|h4|ul|ol|li)>|<br/?>)*"
)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@cache
def _converter():
    features = ItemPage._meta.get_field("description").features
    return get_rich_text_editor_widget(features=features).converter


def to_rich_text(text):
    text = text.strip().replace("\r\n", "\n")
    if not text:
        return ""
    if not text.startswith("<"):
        paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip()]
        return "".join(
            "<p>" + escape(paragraph, quote=False).replace("\n", "<br/>") + "</p>"
            for paragraph in paragraphs
        )
    if SIMPLE_HTML.fullmatch(text):
        return text
    converter = _converter()
    html = converter.to_database_format(converter.from_database_format(text))
    return without_block_keys(html)


def without_block_keys(html):
    """Rich text without the editor's random paragraph keys, which carry no content."""
    return BLOCK_KEY.sub("", html or "")
