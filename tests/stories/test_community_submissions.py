"""Stories shared by the public: the form, the draft in the moderators' queue, publication."""

import io
import os
import re
from html import unescape

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.models import (
    Collection,
    Page,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
)

from heritagehub.models import HeritageImage
from heritagehub.rights import RightsStatement
from stories import community
from stories.models import CommunitySubmission, StoryPage
from tests.conftest import LANGUAGES, elements, hreflang_alternates, html_lang

pytestmark = pytest.mark.django_db

SUBMITTER = "ada.submitter@example.org"
TEXT = (
    "Mia nonna lavorava nella filanda di Torino. Ogni mattina attraversava il ponte.\n"
    "Portava il pranzo in un cestino.\n\n"
    "Il <b>rumore</b> delle macchine non l'ha mai dimenticato."
)


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def png(name="photo.png", size=(40, 30), color="teal", image_format="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, image_format)
    content_type = "image/png" if image_format == "PNG" else f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def valid_data(**changes):
    data = {
        "title": "La filanda di mia nonna",
        "text": TEXT,
        "name": "Ada Rossi",
        "email": SUBMITTER,
        "licence": RightsStatement.CC_BY.value,
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def share_url(language="it"):
    return f"/{language}/stories/share/"


def stored_files():
    """Every file under MEDIA_ROOT (the tests' temporary media directory)."""
    found = set()
    for directory, _dirs, files in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(directory, name) for name in files)
    return found


def snapshot():
    return (
        set(Page.objects.values_list("pk", flat=True)),
        HeritageImage.objects.count(),
        CommunitySubmission.objects.count(),
        WorkflowState.objects.count(),
        stored_files(),
    )


def submitter_mail(mailoutbox):
    return [message for message in mailoutbox if message.to == [SUBMITTER]]


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user(
        "community-moderator", "moderator@example.org", "pw"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def submit(client):
    def _submit(language="it", images=(), **changes):
        data = valid_data(**changes)
        for number, (upload, alt) in enumerate(images, start=1):
            data[f"image_{number}"] = upload
            data[f"alt_{number}"] = alt
        return client.post(share_url(language), data)

    return _submit


@pytest.fixture
def submitted(tree, submit):
    """A valid Italian submission with two images; returns the CommunitySubmission."""
    response = submit(
        images=[(png("a.png"), "La filanda"), (png("b.jpg", image_format="JPEG"), "Il ponte")]
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return CommunitySubmission.objects.select_related("page").get()


def approve(submission, moderator, django_capture_on_commit_callbacks):
    state = WorkflowState.objects.get(
        object_id=str(submission.page_id), status=WorkflowState.STATUS_IN_PROGRESS
    )
    task_state = state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, moderator, "approve")
    return StoryPage.objects.get(pk=submission.page_id)


# The form -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_answers_in_every_language(tree, client, language):
    response = client.get(share_url(language))
    assert response.status_code == 200
    assert html_lang(response) == language
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert f'action="{share_url(language)}"' in html
    assert "no-cache" in response.get("Cache-Control", "") or "max-age=0" in response.get(
        "Cache-Control", ""
    )
    alternates = hreflang_alternates(response)
    assert set(alternates) == set(LANGUAGES) | {"x-default"}
    assert alternates["fr"].endswith("/fr/stories/share/")


def test_the_form_is_accessible_markup(tree, client):
    tags = elements(client.get(share_url("en")))
    labels = {e.attrs.get("for") for e in tags if e.tag == "label"}
    inputs = [
        e
        for e in tags
        if e.tag in ("input", "textarea")
        and e.attrs.get("type") not in ("hidden", "radio", "submit")
    ]
    for field in inputs:
        assert field.attrs["id"] in labels, field.attrs
    files = [e for e in tags if e.tag == "input" and e.attrs.get("type") == "file"]
    assert len(files) == 3
    assert all("image/" in f.attrs.get("accept", "") for f in files)
    # The honeypot: hidden from screen readers and out of the tab order, but labelled.
    trap = next(e for e in tags if e.tag == "div" and "form-trap" in e.attrs.get("class", ""))
    assert trap.attrs["aria-hidden"] == "true"
    honeypot = next(e for e in tags if e.tag == "input" and e.attrs.get("name") == "website")
    assert honeypot.attrs["tabindex"] == "-1"
    assert "id_website" in labels


def test_the_form_works_for_a_logged_in_moderator_too(tree, client, moderator):
    client.force_login(moderator)
    assert client.get(share_url("it")).status_code == 200
    assert client.post(share_url("it"), valid_data()).status_code == 302
    # Sent from the public form, the story is nobody's: not the moderator's own submission.
    state = WorkflowState.objects.get(object_id=str(CommunitySubmission.objects.get().page_id))
    assert state.requested_by is None


def test_the_story_index_links_to_the_form(tree, client):
    for language in ("it", "de"):
        response = client.get(f"/{language}/stories/")
        hrefs = {e.attrs.get("href") for e in elements(response) if e.tag == "a"}
        assert share_url(language) in hrefs


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_thank_you_page_answers_in_every_language(tree, client, language):
    response = client.get(f"/{language}/stories/share/thanks/")
    assert response.status_code == 200
    assert html_lang(response) == language
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_no_form_without_a_live_story_index(tree, client):
    tree.story_index.unpublish()
    assert client.get(share_url("it")).status_code == 404


# A valid submission -------------------------------------------------------------------------


def test_a_valid_submission_becomes_a_draft_story(tree, submitted, client):
    story = submitted.page.specific
    assert not story.live
    assert story.has_unpublished_changes
    assert story.get_parent().pk == tree.story_index.pk
    assert story.locale.language_code == "it"
    assert story.title == "La filanda di mia nonna"
    assert story.slug == "la-filanda-di-mia-nonna"
    assert story.author_role == StoryPage.AuthorRole.COMMUNITY
    assert story.author_name == "Ada Rossi"
    assert story.summary == (
        "Mia nonna lavorava nella filanda di Torino. Ogni mattina attraversava il ponte. "
        "Portava il pranzo in un cestino."
    )
    assert story.latest_revision is not None
    kinds = [block.block_type for block in story.body]
    assert kinds == ["paragraph", "paragraph", "image", "image"]
    # Plain text: line breaks kept, markup escaped.
    assert "<br/>" in story.body[0].value.source
    assert "&lt;b&gt;rumore&lt;/b&gt;" in story.body[1].value.source
    # Never public, in no language.
    for language in LANGUAGES:
        assert client.get(f"/{language}/stories/{story.slug}/").status_code == 404
    assert story.pk not in {s.pk for s in tree.story_index.specific.stories()}


def test_the_images_go_to_the_private_collection(submitted):
    images = list(submitted.images.order_by("pk"))
    assert [image.alt_text for image in images] == ["La filanda", "Il ponte"]
    private = Collection.objects.get(name=community.PRIVATE_COLLECTION)
    for image in images:
        assert image.collection_id == private.pk
        assert image.credit == "Ada Rossi"
        assert image.rights == RightsStatement.CC_BY
        # A random file name: the visitor's own file name is not published.
        assert "community-" in image.file.name
        assert image.width == 40
        assert image.file_hash
    body_images = [
        block.value["image"].pk
        for block in submitted.page.specific.body
        if block.block_type == "image"
    ]
    assert body_images == [image.pk for image in images]


def test_the_private_collection_is_the_staff_s(db):
    private = Collection.objects.get(name=community.PRIVATE_COLLECTION)
    groups = set(private.group_permissions.values_list("group__name", flat=True))
    assert "Moderators" in groups
    assert not {name for name in groups if name.endswith(" editors") and name != "Hub editors"}


def test_the_submitter_s_details_are_kept_privately(submitted):
    assert submitted.email == SUBMITTER
    assert submitted.language == "it"
    assert submitted.licence == RightsStatement.CC_BY
    assert submitted.site_url == "http://testserver/"
    api_names = {field.name for field in StoryPage.api_fields}
    assert not api_names & {"community_submission", "email"}


def test_the_story_waits_in_the_moderators_queue(submitted, moderator, client):
    state = WorkflowState.objects.get(object_id=str(submitted.page_id))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by is None
    assert state.workflow == Workflow.objects.get(name="Moderators approval")
    reviewable = TaskState.objects.reviewable_by(moderator)
    assert reviewable.filter(workflow_state=state).exists()
    # "Awaiting your review" on the moderator's dashboard.
    client.force_login(moderator)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "La filanda di mia nonna" in response.content.decode()


def test_moderators_are_notified_in_the_hub_s_language(tree, submit, moderator, mailoutbox):
    assert submit("de", title="Die Mühle", text="Es war einmal eine Mühle. " * 3).status_code == 302
    [notice] = [message for message in mailoutbox if message.to == [moderator.email]]
    assert "Die Mühle" in notice.subject
    assert "eingereicht" not in notice.subject  # not in the visitor's German


def test_without_a_workflow_on_the_tree_the_moderators_one_is_used(tree, submit):
    WorkflowPage.objects.all().delete()
    assert submit().status_code == 302
    submission = CommunitySubmission.objects.get()
    state = WorkflowState.objects.get(object_id=str(submission.page_id))
    assert state.workflow.name == community.FALLBACK_WORKFLOW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_visitor_is_thanked_and_e_mailed(tree, submit, client, mailoutbox):
    response = submit(images=[(png(), "Una foto")])
    assert response.status_code == 302
    assert response["Location"] == "/it/stories/share/thanks/"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    [message] = submitter_mail(mailoutbox)
    assert "Heritage Hub" in message.subject
    assert "moderator" in message.body.lower()
    # The confirmation carries nothing the visitor typed: it cannot relay anyone's text.
    assert "filanda" not in message.subject + message.body


def test_an_anonymous_story_is_signed_anonymous(tree, submit, translate):
    translate(tree.home, "en")
    translate(tree.story_index, "en", title="Stories")
    response = submit("en", name="", anonymous="on", images=[(png(), "A photo")])
    assert response.status_code == 302
    submission = CommunitySubmission.objects.get()
    assert submission.page.specific.author_name == "Anonymous"
    assert submission.images.get().credit == "Anonymous"


def test_a_story_goes_to_the_story_index_of_its_language(tree, submit, translate):
    translate(tree.home, "en")
    index_en = translate(tree.story_index, "en", title="Stories")
    response = submit("en", title="My grandmother's mill", text="It was a long time ago. " * 3)
    assert response.status_code == 302
    submission = CommunitySubmission.objects.get()
    story = submission.page
    assert story.get_parent().pk == index_en.pk
    assert story.locale.language_code == "en"
    assert submission.language == "en"


def test_without_an_index_in_its_language_a_story_goes_to_the_nearest(tree, submit):
    response = submit("fr", title="Le moulin", text="C'était il y a longtemps. " * 3)
    assert response.status_code == 302
    submission = CommunitySubmission.objects.get()
    story = submission.page
    # No French story index: the Italian one (first in the language order), and its locale.
    assert story.get_parent().pk == tree.story_index.pk
    assert story.locale_id == tree.story_index.locale_id
    assert submission.language == "fr"
    assert response["Location"] == "/fr/stories/share/thanks/"


def test_slugs_stay_unique_and_clear_of_the_form(tree, submit):
    assert submit(title="Share").status_code == 302
    assert submit(title="Una storia").status_code == 302
    slugs = set(CommunitySubmission.objects.values_list("page__slug", flat=True))
    assert slugs == {"share-2", "una-storia-2"}


# Invalid submissions ------------------------------------------------------------------------


def assert_nothing_created(before, mailoutbox):
    assert snapshot() == before
    assert submitter_mail(mailoutbox) == []


def test_a_file_that_is_not_an_image_is_refused(tree, submit, mailoutbox):
    before = snapshot()
    fake = SimpleUploadedFile("photo.png", b"not an image at all", content_type="image/png")
    response = submit(images=[(png(), "Una foto"), (fake, "Un'altra")])
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    html = response.content.decode()
    assert 'href="#id_image_2"' in html
    field = next(
        e for e in elements(response) if e.tag == "input" and e.attrs.get("name") == "image_2"
    )
    assert field.attrs["aria-invalid"] == "true"
    assert "id_image_2_error" in field.attrs["aria-describedby"]
    assert 'id="id_image_2_error"' in html
    with translation.override("it"):
        choose_again = gettext(
            "Your browser does not keep the images you chose: please choose them again."
        )
    assert choose_again in unescape(html)


def test_a_truncated_image_is_refused(tree, submit, mailoutbox):
    before = snapshot()
    whole = png(size=(200, 200)).read()
    broken = SimpleUploadedFile("photo.png", whole[: len(whole) // 2], content_type="image/png")
    response = submit(images=[(broken, "Una foto")])
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    assert 'href="#id_image_1"' in response.content.decode()


def test_an_image_whose_extension_lies_is_refused(tree, submit, mailoutbox):
    before = snapshot()
    response = submit(images=[(png("photo.gif"), "Una foto")])
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    assert "id_image_1_error" in response.content.decode()


def test_an_unsupported_format_is_refused(tree, submit, mailoutbox):
    before = snapshot()
    response = submit(images=[(png("photo.bmp", image_format="BMP"), "Una foto")])
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    assert "id_image_1_error" in response.content.decode()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=200)
def test_an_image_over_the_upload_size_is_refused(tree, submit, mailoutbox):
    before = snapshot()
    response = submit(images=[(png(size=(300, 300), color=None), "Una foto")])
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    assert "id_image_1_error" in response.content.decode()


def test_an_image_without_alt_text_is_refused(tree, submit, mailoutbox):
    before = snapshot()
    response = submit(images=[(png(), "Una foto"), (png("b.png"), "  ")])
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    html = response.content.decode()
    assert 'href="#id_alt_2"' in html
    field = next(
        e for e in elements(response) if e.tag == "input" and e.attrs.get("name") == "alt_2"
    )
    assert "id_alt_2_error" in field.attrs["aria-describedby"]


def test_no_more_than_three_images(tree, client, mailoutbox):
    before = snapshot()
    data = valid_data()
    for number in range(1, 5):
        data[f"image_{number}"] = png(f"{number}.png")
        data[f"alt_{number}"] = f"Foto {number}"
    assert client.post(share_url(), data).status_code == 302
    assert HeritageImage.objects.count() == before[1] + 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "not-an-address"}, "email"),
        ({"consent": None}, "consent"),
        ({"licence": "http://example.org/my-licence"}, "licence"),
        ({"title": "   "}, "title"),
        ({"text": "Troppo corto"}, "text"),
    ],
)
def test_a_missing_or_wrong_field_is_named(tree, submit, mailoutbox, changes, field):
    before = snapshot()
    response = submit(**changes)
    assert response.status_code == 200
    assert_nothing_created(before, mailoutbox)
    assert f'href="#id_{field}"' in response.content.decode()


def test_a_failure_half_way_leaves_nothing_behind(tree, submit, mailoutbox, monkeypatch):
    def broken_start(self, obj, user):
        raise RuntimeError("the workflow is down")

    monkeypatch.setattr(Workflow, "start", broken_start)
    before = snapshot()
    with pytest.raises(RuntimeError):
        submit(images=[(png(), "Una foto"), (png("b.png"), "Un'altra")])
    assert_nothing_created(before, mailoutbox)


# Spam ---------------------------------------------------------------------------------------


def test_the_honeypot_discards_silently(tree, submit, mailoutbox):
    before = snapshot()
    response = submit(website="http://spam.example", images=[(png(), "Una foto")])
    assert response.status_code == 302
    assert response["Location"] == "/it/stories/share/thanks/"
    assert_nothing_created(before, mailoutbox)


@override_settings(COMMUNITY_STORIES_RATE_LIMIT=3)
def test_the_rate_limit_answers_429_after_three_stories(tree, client, mailoutbox):
    for number in range(3):
        response = client.post(share_url("en"), valid_data(title=f"Story {number}"))
        assert response.status_code == 302
    before = snapshot()
    response = client.post(share_url("en"), valid_data(title="One too many"))
    assert response.status_code == 429
    assert html_lang(response) == "en"
    html = response.content.decode()
    assert "Too many stories" in html
    assert "One too many" in html  # what the visitor wrote is given back
    assert snapshot() == before
    # Another address may still send.
    other = client.post(share_url(), valid_data(title="Altra"), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


@override_settings(COMMUNITY_STORIES_RATE_LIMIT=1)
def test_invalid_submissions_do_not_count(tree, client):
    assert client.post(share_url(), valid_data(email="wrong")).status_code == 200
    assert client.post(share_url(), valid_data()).status_code == 302
    assert client.post(share_url(), valid_data()).status_code == 429


@override_settings(COMMUNITY_STORIES_RATE_LIMIT=1)
def test_a_broken_cache_does_not_take_the_form_down(tree, client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "add", "incr", "set"):
        monkeypatch.setattr(cache, name, down)
    assert client.post(share_url(), valid_data()).status_code == 302
    assert client.post(share_url(), valid_data(title="Ancora")).status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1, COMMUNITY_STORIES_RATE_LIMIT=1)
def test_behind_a_proxy_the_client_address_counts(tree, client):
    def post(forwarded):
        return client.post(
            share_url(), valid_data(), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        )

    assert post("198.51.100.1").status_code == 302
    assert post("198.51.100.2").status_code == 302
    assert post("1.2.3.4, 198.51.100.1").status_code == 429  # a forged first entry is ignored


# Publication --------------------------------------------------------------------------------


def test_publication_makes_images_public_and_tells_the_author(
    submitted, moderator, client, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    story = approve(submitted, moderator, django_capture_on_commit_callbacks)
    assert story.live
    public = Collection.objects.get(name=community.PUBLIC_COLLECTION)
    assert {image.collection_id for image in submitted.images.all()} == {public.pk}
    [message] = submitter_mail(mailoutbox)
    url = f"http://testserver/it/stories/{story.slug}/"
    assert url in message.body
    assert story.title in message.body
    assert client.get(f"/it/stories/{story.slug}/").status_code == 200
    submitted.refresh_from_db()
    assert submitted.publication_notice_sent_at is not None


def test_the_author_is_told_once(
    submitted, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    story = approve(submitted, moderator, django_capture_on_commit_callbacks)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision(user=moderator).publish(user=moderator)
    assert submitter_mail(mailoutbox) == []


def test_the_author_is_told_in_their_language(
    tree, submit, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    assert submit("de", title="Die Mühle", text="Es war einmal eine Mühle. " * 3).status_code == 302
    submission = CommunitySubmission.objects.get()
    mailoutbox.clear()
    story = approve(submission, moderator, django_capture_on_commit_callbacks)
    [message] = submitter_mail(mailoutbox)
    assert f"http://testserver/de/stories/{story.slug}/" in message.body


def test_an_image_removed_by_the_moderator_stays_private(
    submitted, moderator, django_capture_on_commit_callbacks
):
    story = submitted.page.specific
    first, second = submitted.images.order_by("pk")
    story.body = [
        (block.block_type, block.value)
        for block in story.body
        if block.block_type != "image" or block.value["image"].pk == first.pk
    ]
    story.save_revision(user=moderator)
    approve(submitted, moderator, django_capture_on_commit_callbacks)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.collection.name == community.PUBLIC_COLLECTION
    assert second.collection.name == community.PRIVATE_COLLECTION


def test_the_e_mail_never_appears_in_public_pages(
    submitted, moderator, client, django_capture_on_commit_callbacks
):
    story = approve(submitted, moderator, django_capture_on_commit_callbacks)
    for language in LANGUAGES:
        for url in (
            f"/{language}/stories/{story.slug}/",
            f"/{language}/stories/",
            share_url(language),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert SUBMITTER not in response.content.decode()
    assert SUBMITTER not in client.get("/it/search/?q=filanda").content.decode()


def test_deleting_an_unpublished_story_deletes_its_private_images(submitted):
    image_ids = list(submitted.images.values_list("pk", flat=True))
    files = stored_files()
    assert len(image_ids) == 2
    submitted.page.delete()
    assert not HeritageImage.objects.filter(pk__in=image_ids).exists()
    assert not CommunitySubmission.objects.exists()
    assert len(files) > 0


# Text helpers -------------------------------------------------------------------------------


def test_the_summary_is_the_first_sentences():
    assert community.summary_from_text("Uno. Due! Tre?\n\nQuattro.") == "Uno. Due! Tre?"
    long_first = "Parola " * 80 + "fine. Seconda frase."
    summary = community.summary_from_text(long_first)
    assert len(summary) <= 300
    assert summary.endswith("…")
    two = "A" * 150 + ". " + "B" * 100 + ". Terza."
    assert community.summary_from_text(two) == "A" * 150 + "."


def test_paragraphs_are_split_on_empty_lines():
    assert community.paragraphs("uno\ndue\n\n\n  tre  \n \n") == ["uno\ndue", "tre"]
    assert community.paragraph_html("a < b\nc") == "<p>a &lt; b<br/>c</p>"


def test_slugs_of_titles_without_latin_letters(tree):
    assert community.unique_slug(tree.story_index, "Ελληνικά") == "story"
    assert re.fullmatch(r"[a-z0-9-]+", community.unique_slug(tree.story_index, "Città è bella"))
