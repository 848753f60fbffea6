"""The demo's accessibility statement (demo/content/pages/accessibility.yaml): written in the
EU model statement's sections, its feedback paragraph linking the contact form of the
reader's language."""

import pytest

from demo.pages import site_page
from demo.translate import translate_page
from tests.conftest import LANGUAGES, elements

pytestmark = pytest.mark.django_db

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


@pytest.fixture
def translated_home(tree, translate):
    for language in LANGUAGES[1:]:
        translate(tree.home, language, title="Heritage Hub")
    return tree


def test_the_demo_statement_has_the_eu_model_sections_and_links_the_contact_form(
    client, translated_home, translate
):
    contact = translated_home.form
    for language in LANGUAGES[1:]:
        translate(contact, language)
    page, strings = site_page("accessibility", {"contact": contact})
    translated_home.home.add_child(instance=page)
    for language in LANGUAGES[1:]:
        translate_page(page, language, strings.into(language, page))

    for language in LANGUAGES:
        response = client.get(f"/{language}/accessibility/")
        html = response.content.decode()
        assert response.status_code == 200
        for section in SECTIONS[language]:
            assert f'<h2 class="block-heading">{section}</h2>' in html.replace("&#x27;", "'")
        main = html[html.index("<main") : html.index("</main>")]
        links = [e.attrs["href"] for e in elements(main) if e.tag == "a"]
        assert f"/{language}/contact/" in links, f"{language}: {links}"
