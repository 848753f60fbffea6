"""WCAG 2.1 AA in a real browser: axe-core on every public page type in the five languages.

The hub is a public-sector site in the EU, where the Web Accessibility Directive (EN 301 549,
i.e. WCAG 2.1 AA) applies. axe-core (the copy bundled in ``axe-playwright-python``, nothing is
fetched) checks each page with the WCAG 2.0/2.1 A and AA rules and its best practices, after
the page is in the state a visitor sees: the image viewer opened, a form's errors shown, the
thanks after a form is sent. Every locale gets its own translated content so each renders its
own chrome; some items are left untranslated, to check the "not yet translated" notice.

Reduced motion and reflow are tested at the end of this module; what axe cannot judge about
the keyboard (focus order, operation, visible focus) is in test_keyboard.py;
docs/accessibility.md lists the manual checks.
"""

import datetime
import re
from pathlib import Path

import axe_playwright_python
import factory
import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from calls.models import CallKind
from partners.models import Sector
from tests.conftest import LANGUAGES
from tests.events.factories import EventPageFactory, WhatsOnPageFactory
from tests.factories import (
    CallIndexPageFactory,
    CallPageFactory,
    HeritageImageFactory,
    JoinPageFactory,
    StandardPageFactory,
    add_item_image,
)

pytestmark = pytest.mark.e2e

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
EMBED_URL = "https://www.youtube.com/watch?v=a11y-test"

# The titles of the translated pages in each language. The second and third photographs and
# the partner's story stay Italian: the lists mix translated and untranslated entries, and
# the third photograph shows the "not yet translated" notice.
TITLES = {
    "collection_index": dict(en="Collections", fr="Collections", de="Sammlungen", es="Colecciones"),
    "story_index": dict(en="Stories", fr="Histoires", de="Geschichten", es="Historias"),
    "partner_index": dict(en="Partners", fr="Partenaires", de="Partner", es="Socios"),
    "partner": dict(
        en="National Archive", fr="Archives nationales", de="Nationalarchiv", es="Archivo Nacional"
    ),
    "collection": dict(en="Photographs", fr="Photographies", de="Fotografien", es="Fotografías"),
    "item": dict(en="Photograph 1", fr="Photographie 1", de="Fotografie 1", es="Fotografía 1"),
    "story": dict(en="A story", fr="Une histoire", de="Eine Geschichte", es="Una historia"),
    "standard": dict(en="About us", fr="À propos", de="Über uns", es="Quiénes somos"),
    "accessibility": dict(
        en="Accessibility statement",
        fr="Déclaration d'accessibilité",
        de="Erklärung zur Barrierefreiheit",
        es="Declaración de accesibilidad",
    ),
    "privacy": dict(en="Privacy notice", fr="Confidentialité", de="Datenschutz", es="Privacidad"),
    "form": dict(en="Contact", fr="Contact", de="Kontakt", es="Contacto"),
}
HERO_HEADINGS = dict(
    en="Heritage of many",
    fr="Un patrimoine partagé",
    de="Gemeinsames Erbe",
    es="Un patrimonio de todos",
)
FORM_LABELS = {
    "en": ["Name", "Email", "Message"],
    "fr": ["Nom", "E-mail", "Message"],
    "de": ["Name", "E-Mail", "Nachricht"],
    "es": ["Nombre", "Correo electrónico", "Mensaje"],
}


def story_body(items, images):
    """Every StreamField block a story can hold: paragraph, heading, quote, image, gallery,
    item card and a media embed (stored in Wagtail's embed cache, so nothing is fetched)."""
    return [
        {"type": "paragraph", "value": "<p>Una storia con <a href='/it/'>un collegamento</a>.</p>"},
        {"type": "heading", "value": {"text": "Il fiume", "level": "h2"}},
        {"type": "quote", "value": {"text": "Il Po era la strada.", "attribution": "Un testimone"}},
        {"type": "image", "value": {"image": images[0].pk, "caption": "Il ponte"}},
        {"type": "heading", "value": {"text": "Le fotografie", "level": "h3"}},
        {
            "type": "gallery",
            "value": {
                "title": "Galleria",
                "images": [
                    {"image": image.pk, "caption": f"Veduta {n}"}
                    for n, image in enumerate(images, start=1)
                ],
            },
        },
        {"type": "item_card", "value": {"item": items[0].pk, "note": "Da vedere"}},
        {"type": "embed", "value": {"embed": EMBED_URL, "caption": "Un'intervista"}},
    ]


def cache_the_embed():
    Embed.objects.create(
        hash=get_embed_hash(EMBED_URL),
        url=EMBED_URL,
        type="video",
        title="An interview",
        provider_name="YouTube",
        html='<iframe src="about:blank" width="480" height="270" title="An interview" '
        "allowfullscreen></iframe>",
        width=480,
        height=270,
        last_updated=datetime.datetime.now(datetime.UTC),
    )


def place_the_photographs(tree):
    """The first two photographs get a place with coordinates: their pages, and browse's map
    view, show maps (maps)."""
    places = [("Torino", "45.070300", "7.686900"), ("Genova", "44.405600", "8.946300")]
    for item, (place, latitude, longitude) in zip(tree.items, places, strict=False):
        item = item.specific.get_latest_revision_as_object()
        item.place_name, item.latitude, item.longitude = place, latitude, longitude
        item.save_revision().publish()


@pytest.fixture
def multilingual_hub(tree, translate):
    """The small hub of tests/conftest.py, with a story holding every block, an accessibility
    statement and a privacy page, translated into every language but for two photographs and
    the partner's story."""
    images = [
        HeritageImageFactory(file=factory.django.ImageField(width=800, height=600, color=colour))
        for colour in ("teal", "navy", "olive")
    ]
    cache_the_embed()
    story = tree.story.specific
    story.body = story_body(tree.items, images)
    story.save_revision().publish()
    add_item_image(tree.items[0], image=images[1])
    place_the_photographs(tree)
    home = tree.home.specific
    home.hero_heading = "Il patrimonio di tutti"
    home.hero_image = images[2]
    home.save_revision().publish()
    pages = {
        "collection_index": tree.collection_index,
        "story_index": tree.story_index,
        "partner_index": tree.partner_index,
        "partner": tree.partner,
        "collection": tree.collection,
        "item": tree.items[0],
        "story": tree.story,
        "standard": tree.standard,
        "accessibility": StandardPageFactory(
            parent=tree.home, title="Dichiarazione di accessibilità", slug="accessibility"
        ),
        "privacy": StandardPageFactory(parent=tree.home, title="Privacy", slug="privacy"),
        "form": tree.form,
    }
    add_programme(tree)
    add_calls(tree)
    for language in LANGUAGES[1:]:
        translate(tree.home, language, title="Heritage Hub", hero_heading=HERO_HEADINGS[language])
        for name, page in pages.items():  # parents first: the dict is in tree order
            translated = translate(page, language, title=TITLES[name][language])
            if name == "form":
                for field, label in zip(
                    translated.form_fields.order_by("sort_order"),
                    FORM_LABELS[language],
                    strict=True,
                ):
                    field.label = label
                    field.save()
    return tree


def add_programme(tree):
    """What's on with an event of the partner, an ongoing exhibition (with a place, for the
    map view) and a past talk (in Italian only: the other languages show them with the "not
    yet translated" notice)."""
    today = datetime.date.today()
    whats_on = WhatsOnPageFactory(parent=tree.home)
    EventPageFactory(
        parent=tree.partner,
        title="Laboratorio",
        slug="laboratorio",
        start_date=today + datetime.timedelta(days=3),
        is_free=True,
        accessibility="Accesso senza gradini.",
        booking_url="https://example.org/prenota",
    )
    EventPageFactory(
        parent=whats_on,
        title="Mostra",
        slug="mostra",
        start_date=today - datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=30),
        start_time=None,
        end_time=None,
        latitude="45.0703",
        longitude="7.6869",
    )
    EventPageFactory(
        parent=whats_on,
        title="Incontro passato",
        slug="passato",
        start_date=today - datetime.timedelta(days=20),
    )


def add_calls(tree):
    """The calls index with the partner's open residency (with an application link), an open
    job of the hub, one opening next week and one closed (in Italian only, like the
    programme): the listing, a filtered listing, the archive and a call page have content,
    and the home page its "closing soon" cards."""
    now = timezone.now()
    index = CallIndexPageFactory(parent=tree.home)
    residency = CallPageFactory(
        parent=tree.partner,
        title="Residenza d'artista",
        slug="residenza",
        application_url="https://example.org/candidature/residenza",
        contact_email="bandi@example.org",
        deadline=now + datetime.timedelta(days=2),
    )
    residency.sectors.set(Sector.objects.filter(slug="contemporary-art", locale=tree.home.locale))
    residency.save()
    job = CallKind.objects.get(slug="job-internship", locale=tree.home.locale)
    CallPageFactory(parent=index, title="Tirocinio in redazione", slug="tirocinio", kind=job)
    CallPageFactory(
        parent=index,
        title="Residenza estiva",
        slug="residenza-estiva",
        opens_at=now + datetime.timedelta(days=7),
        deadline=now + datetime.timedelta(days=40),
    )
    CallPageFactory(
        parent=index,
        title="Bando chiuso",
        slug="bando-chiuso",
        opens_at=now - datetime.timedelta(days=60),
        deadline=now - datetime.timedelta(days=5),
    )


def axe_violations(page):
    """axe-core's violations on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def describe(state, violations):
    lines = []
    for violation in violations:
        lines.append(f"{state}: {violation['id']} ({violation['impact']}) — {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
    return lines


def submit_without_browser_validation(page):
    """Send the page's main form with the browser's own validation off, as a browser
    without it would, so the server's error summary is what the visitor sees."""
    form = page.locator("main form.form")
    form.evaluate("form => form.noValidate = true")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()


def open_the_viewer(page):
    page.locator("button.viewer-open").first.click()
    expect(page.locator("dialog.viewer")).to_be_visible()
    expect(page.locator("dialog.viewer")).not_to_have_class("is-loading")


def send_the_contact_form(page):
    page.locator("main form.form input[type=text][required]").fill("Ada Lovelace")
    page.locator("main form.form input[type=email]").fill("ada@example.org")
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()


def expect_every_block(page):
    for block in ("heading", "quote", "image", "gallery", "item-card", "embed"):
        expect(page.locator(f".block-{block}").first).to_be_visible()
    expect(page.locator(".block-embed iframe")).to_have_count(1)


def expect_an_enhanced_map(page):
    """The Leaflet map has replaced the drawn one (the directory's test partners have no
    place, so it has no marker)."""
    expect(page.locator(".map-canvas")).to_have_class(re.compile("is-enhanced"))


def expect_a_map(page):
    """The Leaflet map (static/js/map.js) has replaced the drawn one, with its markers."""
    expect(page.locator(".map-canvas.is-enhanced .leaflet-marker-icon").first).to_be_visible()


def expect_the_language_notice(page):
    expect(page.locator(".notice--language")).to_be_visible()


def states(language):
    """(name, path, what to do there before checking) for every public page type."""
    item = f"/{language}/partners/archivio/fotografie/fotografia-1/"
    return [
        ("home", f"/{language}/", None),
        ("standard page", f"/{language}/about/", None),
        ("accessibility statement", f"/{language}/accessibility/", None),
        ("privacy", f"/{language}/privacy/", None),
        ("contact form", f"/{language}/contact/", None),
        ("contact form with errors", f"/{language}/contact/", submit_without_browser_validation),
        ("contact form sent", f"/{language}/contact/", send_the_contact_form),
        ("collection index", f"/{language}/collections/", None),
        (
            "collection index with facets and a query",
            f"/{language}/collections/?type=photograph&image=yes&q=Fotografia#items",
            None,
        ),
        ("collection index without results", f"/{language}/collections/?q=zzzz#items", None),
        ("collection index as a map", f"/{language}/collections/?view=map#items", expect_a_map),
        ("collection", f"/{language}/partners/archivio/fotografie/", None),
        ("item", item, None),
        ("item with its place on a map", item, expect_a_map),
        ("item with the viewer open", item, open_the_viewer),
        (
            "untranslated item",
            f"/{language}/partners/archivio/fotografie/fotografia-3/",
            None if language == "it" else expect_the_language_notice,
        ),
        ("story index", f"/{language}/stories/", None),
        ("story", f"/{language}/stories/una-storia/", expect_every_block),
        ("partner index", f"/{language}/partners/", None),
        ("partner", f"/{language}/partners/archivio/", None),
        ("partner items", f"/{language}/partners/archivio/items/", None),
        ("partner directory as a map", f"/{language}/partners/?view=map", expect_an_enhanced_map),
        ("find a service or space", f"/{language}/partners/services/", None),
        ("search results", f"/{language}/search/?q=Fotografia", None),
        ("search results of every kind", f"/{language}/search/?q=Fotografia+Archivio", None),
        ("search results: the items tab", f"/{language}/search/?q=Fotografia&kind=items", None),
        ("search without results", f"/{language}/search/?q=zzzz", None),
        ("share story", f"/{language}/stories/share/", None),
        (
            "share story with errors",
            f"/{language}/stories/share/",
            submit_without_browser_validation,
        ),
        ("what's on", f"/{language}/whats-on/", None),
        ("what's on filtered", f"/{language}/whats-on/?when=month&free=1#events", None),
        ("what's on with a bad parameter", f"/{language}/whats-on/?from=x#events", None),
        ("what's on as a map", f"/{language}/whats-on/?view=map#events", expect_a_map),
        ("what's on archive", f"/{language}/whats-on/archive/", None),
        ("event", f"/{language}/partners/archivio/laboratorio/", None),
        ("calls", f"/{language}/calls/", None),
        (
            "calls filtered",
            f"/{language}/calls/?kind=residency&sector=contemporary-art#calls",
            None,
        ),
        ("calls archive", f"/{language}/calls/archive/", None),
        ("call", f"/{language}/partners/archivio/residenza/", None),
        ("closed call", f"/{language}/calls/bando-chiuso/", None),
        ("call alerts", f"/{language}/call-alerts/?sector=contemporary-art", None),
        ("call alerts with errors", f"/{language}/call-alerts/", submit_without_browser_validation),
        ("page not found", f"/{language}/no-such-page/", None),
    ]


def test_every_public_page_type_in_every_language_has_no_axe_violations(
    page, multilingual_hub, settings
):
    # A contact message per language from one client: keep clear of the per-client limit.
    settings.ENQUIRY_RATE_LIMIT = 100
    problems = []
    for language in LANGUAGES:
        for name, path, action in states(language):
            response = page.goto(path)
            expected_status = 404 if name == "page not found" else 200
            assert response.status == expected_status, f"{path}: {response.status}"
            if action:
                action(page)
            problems += describe(f"[{language}] {name} {path}", axe_violations(page))
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


# --- Reduced motion (WCAG 2.3.3) ------------------------------------------------------------

ITEM_URL = "/it/partners/archivio/fotografie/fotografia-1/"
# Every element (and pseudo-element) with a transition or an animation that would take time.
MOVING_ELEMENTS = """() => {
  const moves = (style) =>
    style.transitionDuration.split(",").some((d) => parseFloat(d) > 0) ||
    style.animationName.split(",").some((n) => n.trim() !== "none");
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      if (moves(getComputedStyle(element, pseudo))) {
        found.push(element.tagName.toLowerCase() + "." + element.className + (pseudo || ""));
      }
    }
  }
  return found;
}"""


def zoom_in_by_keyboard(page):
    page.locator("button.viewer-open").first.focus()
    page.keyboard.press("Enter")
    viewer = page.locator("dialog.viewer")
    expect(viewer).to_be_visible()
    expect(viewer).not_to_have_class(re.compile(r"is-loading"))
    page.keyboard.press("+")
    expect(viewer).to_have_attribute("data-zoom", "150")


def running_animations(page):
    """The CSS transitions and animations running now (Web Animations API)."""
    return page.evaluate("document.getAnimations().map((a) => a.constructor.name)")


def test_with_reduced_motion_the_viewer_zooms_without_animation(page, tree):
    page.emulate_media(reduced_motion="reduce")
    page.goto(ITEM_URL)

    zoom_in_by_keyboard(page)

    assert running_animations(page) == []
    assert page.evaluate(MOVING_ELEMENTS) == []
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"


def test_without_a_motion_preference_the_viewer_animates_its_zoom(page, tree):
    """The counterpart of the test above: the same zoom does animate, so the test above
    would see an animation if reduced motion were ignored."""
    page.emulate_media(reduced_motion="no-preference")
    page.goto(ITEM_URL)

    zoom_in_by_keyboard(page)

    assert "CSSTransition" in running_animations(page)
    assert "img.viewer-image" in page.evaluate(MOVING_ELEMENTS)


# --- Reflow (WCAG 1.4.10) ----------------------------------------------------------------


def test_at_320_css_pixels_no_page_scrolls_sideways(new_page, tree):
    page = new_page(viewport={"width": 320, "height": 640})
    too_wide = {}
    for path in (
        "/it/",
        "/it/collections/?type=photograph#items",
        "/it/partners/archivio/fotografie/fotografia-1/",
        "/it/stories/una-storia/",
        "/it/stories/share/",
        "/it/contact/",
        "/it/search/?q=Fotografia",
    ):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
    assert too_wide == {}


# --- Join the hub (partners.joining) --------------------------------------------------------

JOIN_TITLES = dict(
    en="Join the hub", fr="Rejoindre le hub", de="Dem Hub beitreten", es="Únase al hub"
)


@pytest.fixture
def join_page(tree, translate):
    page = JoinPageFactory(parent=tree.home)
    for language in LANGUAGES[1:]:
        translate(tree.home, language, title="Heritage Hub", hero_heading=HERO_HEADINGS[language])
        translate(page, language, title=JOIN_TITLES[language])
    return page


def send_the_join_form(page):
    form = page.locator("main form.join-form")
    form.locator("[name=organisation]").fill("Museo della Ceramica")
    form.locator("[name=institution_type]").select_option("museum")
    form.locator("[name=sectors][value=design]").check()
    form.locator("[name=service_kinds][value=workshop]").check()
    form.locator("[name=city]").fill("Faenza")
    form.locator("[name=country]").fill("Italia")
    form.locator("[name=contact_name]").fill("Giulia Bassi")
    form.locator("[name=email]").fill("giulia@example.org")
    form.locator("[name=statement]").fill("Un museo civico con un laboratorio di restauro.")
    form.locator("[name=consent]").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator(".page-join-thanks")).to_be_visible()


def test_the_join_page_in_every_language_has_no_axe_violations(page, join_page, settings):
    settings.JOIN_APPLICATIONS_RATE_LIMIT = 100
    problems = []
    for language in LANGUAGES:
        for name, action in [
            ("join the hub", None),
            ("join the hub with errors", submit_without_browser_validation),
            ("join the hub sent", send_the_join_form),
        ]:
            path = f"/{language}/join/"
            response = page.goto(path)
            assert response.status == 200, f"{path}: {response.status}"
            if action:
                action(page)
            problems += describe(f"[{language}] {name} {path}", axe_violations(page))
    assert not problems, "axe-core violations:\n" + "\n".join(problems)
