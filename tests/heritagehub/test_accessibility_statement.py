"""The accessibility statement: linked from every page's footer in every language, and the
demo's statement written in the EU model statement's sections, its feedback paragraph
linking the contact form of the reader's language."""

import pytest

from heritagehub.demo.more_languages import translate_into_more_languages
from heritagehub.demo.pages import accessibility_page
from heritagehub.demo.translate import translate_page
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
# The sections of the EU model statement (Implementing Decision (EU) 2018/1523), as the demo
# names them in each language.
SECTIONS = {
    "it": [
        "Stato di conformità",
        "Contenuti non accessibili",
        "Redazione della presente dichiarazione",
        "Feedback e recapiti",
        "Procedura di attuazione",
    ],
    "en": [
        "Compliance status",
        "Non-accessible content",
        "Preparation of this accessibility statement",
        "Feedback and contact information",
        "Enforcement procedure",
    ],
    "fr": [
        "État de conformité",
        "Contenus non accessibles",
        "Établissement de la présente déclaration",
        "Retour d'information et coordonnées",
        "Procédure de mise en œuvre",
    ],
    "de": [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Erstellung dieser Erklärung zur Barrierefreiheit",
        "Feedback und Kontaktangaben",
        "Durchsetzungsverfahren",
    ],
    "es": [
        "Situación de cumplimiento",
        "Contenido no accesible",
        "Preparación de la presente declaración",
        "Observaciones y datos de contacto",
        "Procedimiento de aplicación",
    ],
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


def test_the_demo_statement_has_the_eu_model_sections_and_links_the_contact_form(
    client, translated_home, translate
):
    contact = translated_home.form
    for language in LANGUAGES[1:]:
        translate(contact, language)
    page, strings = accessibility_page(contact)
    translated_home.home.add_child(instance=page)
    translate_page(page, "en", strings)
    translate_into_more_languages(page, strings, stats=None)

    for language in LANGUAGES:
        response = client.get(f"/{language}/accessibility/")
        html = response.content.decode()
        assert response.status_code == 200
        for section in SECTIONS[language]:
            assert f'<h2 class="block-heading">{section}</h2>' in html.replace("&#x27;", "'")
        main = html[html.index("<main") : html.index("</main>")]
        links = [e.attrs["href"] for e in elements(main) if e.tag == "a"]
        assert f"/{language}/contact/" in links, f"{language}: {links}"
