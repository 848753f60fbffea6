"""The Content-Security-Policy in a real browser: no page we serve trips it, and the pages
still work under it (heritagehub.csp, docs/security.md).

Chromium reports each blocked script, style, image or frame twice: a
``securitypolicyviolation`` event in the document (in every frame, previews included),
which an init script forwards to Python, and an error on the console. Both are collected
for every page a test opens; each test ends asserting that there were none.
"""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from tests.e2e.conftest import sign_in
from tests.factories import HeritageImageFactory, UserFactory

pytestmark = pytest.mark.e2e

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `in ${event.documentURI} (${event.sourceFile}:${event.lineNumber})`
  );
});
"""
VIDEO_URL = "https://www.youtube.com/watch?v=csp-test"
VIDEO_HTML = (
    '<iframe width="480" height="270" src="https://www.youtube-nocookie.com/embed/csp-test" '
    'title="A film about the river" allowfullscreen></iframe>'
)


@pytest.fixture
def violations():
    return []


@pytest.fixture
def browse(new_page, violations):
    """``browse(**context_options)``: a new page whose CSP violations land in ``violations``."""

    def _browse(**options):
        page = new_page(**options)
        page.context.expose_function("__cspViolation", lambda text: violations.append(text))
        page.context.add_init_script(REPORT_VIOLATIONS)
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text and violations.append(message.text)
            ),
        )
        return page

    return _browse


@pytest.fixture
def story(tree):
    """The hub story with a gallery and a YouTube film (its oEmbed answer cached beforehand:
    the browser then asks YouTube for the frame, which CSP must allow)."""
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        type="video",
        html=VIDEO_HTML,
        title="A film about the river",
        provider_name="YouTube",
    )
    images = [HeritageImageFactory(title=f"Veduta {n}") for n in (1, 2)]
    story = tree.story.specific
    story.body = [
        {"type": "paragraph", "value": "<p>Una storia del fiume.</p>"},
        {
            "type": "gallery",
            "value": {
                "title": "Vedute",
                "images": [{"image": image.pk, "caption": image.title} for image in images],
            },
        },
        {"type": "embed", "value": {"embed": VIDEO_URL, "caption": "Il film"}},
    ]
    story.save_revision().publish()
    return story


@pytest.fixture
def editor(db):
    return UserFactory(username="csp-admin", is_superuser=True, is_staff=True)


@pytest.fixture
def admin_page(browse, editor):
    """A browser signed in to the Wagtail admin through its login form, in English."""
    return sign_in(browse(locale="en-GB"), editor)


# --- the public site ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/it/",
        "/it/partners/archivio/fotografie/?type=photograph&century=19",
        "/it/search/?q=fotografia",
        "/it/stories/share/",
        "/it/contact/",
    ],
)
def test_public_pages_load_without_violations(browse, violations, tree, url):
    page = browse()
    response = page.goto(url)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_contact_form_posts_under_the_policy(browse, violations, tree):
    page = browse()
    page.goto("/it/contact/")
    page.get_by_label("Nome").fill("Ada Lovelace")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_role("button", name="Invia").click()
    expect(page.get_by_text("Grazie, ti risponderemo presto.")).to_be_visible()
    assert violations == []


def test_the_item_viewer_zooms_and_the_citation_copies_under_the_policy(browse, violations, tree):
    page = browse(permissions=["clipboard-read", "clipboard-write"])
    page.goto("/en/partners/archivio/fotografie/fotografia-1/")
    page.locator("button.viewer-open").first.click()
    viewer = page.locator("dialog.viewer")
    expect(viewer).to_be_visible()
    page.keyboard.press("+")
    expect(viewer).to_have_attribute("data-zoom", "150")
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Copy the citation").click()
    expect(page.get_by_role("status").filter(has_text="copied")).to_be_visible()
    assert violations == []


def test_a_story_with_a_gallery_and_an_embedded_film_loads_without_violations(
    browse, violations, story
):
    page = browse()
    page.goto("/it/stories/una-storia/")
    expect(page.locator(".block-embed iframe")).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/")
    )
    expect(page.locator("img").first).to_be_visible()
    page.wait_for_load_state("load")
    assert violations == []


def test_a_frame_from_a_provider_we_do_not_allow_is_blocked(browse, violations, tree):
    """The check works: a frame from elsewhere is reported."""
    page = browse()
    page.goto("/it/")
    page.evaluate(
        """() => { const frame = document.createElement("iframe");
        frame.src = "https://evil.example/"; document.body.append(frame); }"""
    )
    page.wait_for_timeout(300)
    assert any("frame-src" in violation for violation in violations)


def test_the_userbar_shows_on_public_pages_without_violations(admin_page, violations, tree):
    admin_page.goto("/it/")
    userbar = admin_page.locator("wagtail-userbar")
    expect(userbar).to_be_attached()
    userbar.locator("[data-wagtail-userbar-trigger]").click()
    expect(userbar.get_by_role("menuitem").first).to_be_visible()
    assert violations == []


# --- the admin --------------------------------------------------------------------------------


def test_login_dashboard_and_explorer_without_violations(admin_page, violations, tree):
    admin_page.goto(f"/admin/pages/{tree.home.pk}/")
    expect(admin_page.get_by_role("link", name="Storie", exact=True).first).to_be_visible()
    assert violations == []


def test_a_streamfield_page_is_edited_previewed_and_saved_without_violations(
    admin_page, violations, story
):
    admin_page.goto(f"/admin/pages/{story.pk}/edit/")
    title = admin_page.locator("#id_title")
    title.fill("Una storia del Po")
    admin_page.get_by_role("button", name="Toggle preview").click()
    preview = admin_page.frame_locator("iframe#w-preview-iframe")
    expect(preview.locator("h1")).to_contain_text("Una storia del Po")
    admin_page.get_by_role("button", name="Save draft").click()
    expect(admin_page.locator(".messages")).to_contain_text("has been updated")
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().title == "Una storia del Po"
    assert violations == []


def test_images_upload_without_violations(admin_page, violations):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "teal").save(buffer, format="PNG")
    admin_page.goto("/admin/images/multiple/add/")
    admin_page.locator("input[type=file]").set_input_files(
        {"name": "veduta.png", "mimeType": "image/png", "buffer": buffer.getvalue()}
    )
    expect(admin_page.locator(".upload-success, .status-msg.success").first).to_be_visible()
    assert violations == []


def test_the_translation_editor_works_without_violations(admin_page, violations, tree):
    translate_object(tree.standard.specific, [Locale.objects.get(language_code="en")])
    translation = tree.standard.specific.get_translation(Locale.objects.get(language_code="en"))
    admin_page.goto(f"/admin/pages/{translation.pk}/edit/")
    expect(admin_page.get_by_role("heading", name=re.compile("translation"))).to_be_visible()
    expect(admin_page.get_by_text("Il polo in breve.").first).to_be_visible()
    assert violations == []
