"""The accessibility statement: linked from every page's footer in every language (the
demo's statement: tests/demo/test_accessibility_statement.py)."""

import pytest

from tests.conftest import LANGUAGES, elements
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

STATEMENT_TITLES = {
    "it": "Dichiarazione di accessibilità",
    "en": "Accessibility statement",
    "fr": "Déclaration d'accessibilité",
    "de": "Erklärung zur Barrierefreiheit",
    "es": "Declaración de accesibilidad",
}


def footer_links(response):
    html = response.content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    return {e.attrs["href"]: e for e in elements(footer) if e.tag == "a"}


@pytest.fixture
def translated_home(tree, translate):
    for language in LANGUAGES[1:]:
        translate(tree.home, language, title="Heritage Hub")
    return tree


def test_the_footer_links_the_statement_in_every_language(client, translated_home, translate):
    statement = StandardPageFactory(
        parent=translated_home.home, title=STATEMENT_TITLES["it"], slug="accessibility"
    )
    for language in LANGUAGES[1:]:
        translate(statement, language, title=STATEMENT_TITLES[language])

    for language in LANGUAGES:
        links = footer_links(client.get(f"/{language}/collections/"))
        link = links.get(f"/{language}/accessibility/")
        assert link is not None, f"no statement link in the {language} footer: {list(links)}"
        assert link.text.strip() == STATEMENT_TITLES[language]
        assert "lang" not in link.attrs


def test_the_footer_links_an_untranslated_statement_in_its_own_language(client, translated_home):
    StandardPageFactory(
        parent=translated_home.home, title=STATEMENT_TITLES["it"], slug="accessibility"
    )

    link = footer_links(client.get("/de/"))["/de/accessibility/"]

    assert link.text.strip() == STATEMENT_TITLES["it"]
    assert link.attrs["lang"] == "it"
