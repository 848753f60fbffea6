"""Issue 3 item 7: a partner's story through review and translation, clicked in the admin.

A partner editor signs in, writes a story in Italian under their partner's page with an
image uploaded in the chooser and an embedded item card, and submits it; the hub moderator
asks for a change with a comment; the editor fixes it and resubmits; the moderator approves
and the story is public at its Italian URL. The translator translates it into English with
wagtail-localize's editor and submits the translation for review; it is not public until
the moderator approves it; then the two pages link to each other in the language switcher.

The partner is onboarded with ``partners.onboarding`` (its group, media collection and the
"Partner contribution review" workflow), as on the demo site; the hub's pages and the
partner's page exist in Italian and English. The admin is shown in English to every user
(their preferred language), so the admin's own labels are the ones used here.
"""

import io
import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from partners.onboarding import onboard_partner
from partners.roles import MODERATORS, TRANSLATORS
from stories.models import StoryPage
from tests.e2e.conftest import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e

STORY_URL = "/{}/partners/archivio/il-porto-di-genova/"
IN_MODERATION = re.compile("in moderation", re.IGNORECASE)


@pytest.fixture
def people(tree, translate):
    """The onboarded partner with its editor, the moderator and the translator."""
    translate(tree.home, "en", title="Heritage Hub")
    translate(tree.partner_index, "en", title="Partners")
    space = onboard_partner("Archivio Nazionale", "archivio", "archive").space
    tree.partner.save_revision().publish()  # the factory's page has no live revision
    translate(tree.partner, "en", title="National Archive")  # joins the partner's space

    users = {
        "editor": UserFactory(username="archivio-editor", groups=[space.editors]),
        "moderator": UserFactory(username="moderator", groups=[Group.objects.get(name=MODERATORS)]),
        "translator": UserFactory(
            username="translator", groups=[Group.objects.get(name=TRANSLATORS)]
        ),
    }
    for user in users.values():
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save(update_fields=["preferred_language"])
    return users


@pytest.fixture
def log_in(new_page):
    """``log_in(user)``: a new browser, signed in to the admin with the login form."""

    def _log_in(user):
        return sign_in(new_page(locale="en-GB"), user)

    return _log_in


def png(colour="teal"):
    buffer = io.BytesIO()
    Image.new("RGB", (160, 90), colour).save(buffer, format="PNG")
    return {"name": "porto.png", "mimeType": "image/png", "buffer": buffer.getvalue()}


def review_action(moderator, title, action):
    """A workflow action of the moderator's "Awaiting your review" panel on the dashboard."""
    moderator.goto("/admin/")
    row = moderator.locator("tr", has_text=title)
    expect(row).to_be_visible()
    row.get_by_role("button").last.click()  # the row's "…" menu
    row.get_by_role("button", name=action, exact=True).click()


def my_submissions(editor):
    """The rows of the partner editor's "Your partner space" dashboard panel."""
    editor.goto("/admin/")
    return editor.get_by_role("region", name="Your partner space").locator("tbody tr")


def more_actions(page, action):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=action).click()


def translate_segment(editor, source, translation):
    """Type a translation for one source string in wagtail-localize's translation editor."""
    segment = editor.locator(f"li:has(> p:text-is({source!r}))")
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="Save").click()
    expect(segment.locator("textarea")).to_have_count(0)
    expect(segment).to_contain_text(translation)


def test_a_partner_story_is_reviewed_translated_and_published(tree, people, log_in, new_page):
    # --- the partner editor writes the story in Italian and submits it --------------------
    editor = log_in(people["editor"])
    expect(editor.get_by_text("Your partner space")).to_be_visible()
    editor.locator("li", has_text="Italiano").get_by_role("link", name="Archivio Nazionale").click()
    editor.get_by_role("link", name="Add child page").click()
    editor.get_by_role("link", name="Story", exact=True).click()

    editor.locator("#id_title").fill("Il porto di Genova")
    editor.locator("#id_summary").fill("Una fotografia del porto.")

    editor.locator("#id_hero_image-chooser").get_by_role("button", name="Choose an image").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.locator("#id_image-chooser-upload-file").set_input_files(png())
    chooser.get_by_label("Title").fill("Veduta del porto")
    chooser.get_by_label("Alt text").fill("Il porto di Genova all'alba")
    chooser.get_by_label("Credit").fill("Archivio Nazionale")
    chooser.get_by_label("Rights").select_option(label="CC0 1.0 Universal")
    chooser.get_by_role("button", name="Upload").click()
    expect(editor.locator("#id_hero_image-chooser")).to_contain_text("Veduta del porto")

    body = editor.locator("#panel-child-content-body-content")
    body.get_by_title("Insert a block").click()
    editor.get_by_text("Item card", exact=True).click()
    body.get_by_role("button", name="Choose a page (Item)").click()
    chooser = editor.get_by_role("dialog")
    chooser.get_by_role("textbox").first.fill("Fotografia 1")
    chooser.get_by_role("link", name="Fotografia 1", exact=True).click()
    expect(body).to_contain_text("Fotografia 1")
    body.get_by_label("note").fill("Da vedere")

    editor.get_by_role("tab", name="Metadata").click()
    editor.locator("#id_date").fill("2025-05-01")
    editor.keyboard.press("Escape")  # the date picker
    more_actions(editor, "Submit to Partner contribution review")
    expect(editor.locator("tr", has_text="Il porto di Genova")).to_contain_text(IN_MODERATION)

    story = StoryPage.objects.get(slug="il-porto-di-genova")
    assert (story.locale.language_code, story.get_parent().pk) == ("it", tree.partner.pk)
    assert not story.live
    assert story.hero_image.collection.name == "Archivio Nazionale"
    visitor = new_page()
    assert visitor.goto(STORY_URL.format("it")).status == 404  # nothing public yet

    # --- the moderator asks for a change ---------------------------------------------------
    moderator = log_in(people["moderator"])
    review_action(moderator, "Il porto di Genova", "Request changes")
    dialog = moderator.get_by_role("dialog")
    dialog.locator("textarea[name=comment]").fill("Manca l'autore, per favore.")
    dialog.get_by_role("button", name="Request changes").click()
    expect(moderator.locator("tr", has_text="Il porto di Genova")).to_have_count(0)

    # --- the editor sees the comment, fixes the story and resubmits ------------------------
    row = my_submissions(editor).filter(has_text="Il porto di Genova")
    expect(row).to_contain_text("Changes requested")
    expect(row).to_contain_text("Manca l'autore, per favore.")
    row.get_by_role("link", name="Il porto di Genova").click()
    editor.get_by_role("tab", name="Metadata").click()
    editor.get_by_role("textbox", name="Author").fill("Redazione dell'archivio")
    more_actions(editor, "Resubmit to Hub moderator approval")
    expect(editor.locator("tr", has_text="Il porto di Genova")).to_contain_text(IN_MODERATION)

    # --- the moderator approves: the Italian story is public -------------------------------
    review_action(moderator, "Il porto di Genova", "Approve")
    expect(moderator.locator("tr", has_text="Il porto di Genova")).to_have_count(0)

    visitor.goto(STORY_URL.format("it"))
    expect(visitor.locator("h1")).to_have_text("Il porto di Genova")
    expect(visitor.locator("html")).to_have_attribute("lang", "it")
    expect(visitor.locator(".story-meta")).to_contain_text("Redazione dell'archivio")
    expect(visitor.locator(".story-hero img")).to_have_attribute(
        "alt", "Il porto di Genova all'alba"
    )
    expect(visitor.get_by_role("link", name=re.compile("Fotografia 1"))).to_be_visible()

    # --- the translator translates it into English and submits the translation -------------
    translator = log_in(people["translator"])
    translator.goto(f"/admin/pages/{story.pk}/edit/")
    translator.locator("header").get_by_role("button", name="Actions").click()
    translator.get_by_role("link", name="Translate this page").click()
    translator.get_by_label("English").check()
    translator.get_by_role("button", name="Submit").click()
    expect(
        translator.get_by_role("heading", name="Italiano to English translation")
    ).to_be_visible()

    translate_segment(translator, "Il porto di Genova", "The port of Genoa")
    translate_segment(translator, "Una fotografia del porto.", "A photograph of the port.")
    translate_segment(translator, "Da vedere", "Worth seeing")
    translator.get_by_role("button", name="Submit the translation for review").click()
    expect(translator.get_by_text("submitted for review")).to_be_visible()

    # Not public before the moderator approves: /en/ still serves the Italian story.
    visitor.goto(STORY_URL.format("en"))
    expect(visitor.locator("h1")).to_have_text("Il porto di Genova")
    expect(visitor.locator(".notice--language")).to_be_visible()

    # --- the moderator approves the translation: the English story is public ---------------
    review_action(moderator, "The port of Genoa", "Approve")
    expect(moderator.locator("tr", has_text="The port of Genoa")).to_have_count(0)

    visitor.goto(STORY_URL.format("it"))
    visitor.locator('.language-switcher a[hreflang="en"]').click()
    expect(visitor).to_have_url(re.compile(re.escape(STORY_URL.format("en")) + "$"))
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.locator("h1")).to_have_text("The port of Genoa")
    expect(visitor.locator(".lede")).to_have_text("A photograph of the port.")
    expect(visitor.locator(".notice--language")).to_have_count(0)
    expect(visitor.get_by_text("Worth seeing")).to_be_visible()

    visitor.locator('.language-switcher a[hreflang="it"]').click()
    expect(visitor).to_have_url(re.compile(re.escape(STORY_URL.format("it")) + "$"))
    expect(visitor.locator("h1")).to_have_text("Il porto di Genova")
