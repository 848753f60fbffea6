"""Stories shared by the public: from the form to a draft in the moderators' queue, and on.

A visitor's story becomes a draft StoryPage below the story index they sent it from, with a
revision, submitted to the page's workflow (moderators see it in "Awaiting your review").
Its images go into the private "Community submissions" media collection, and move to the
public "Community stories" collection when the story is published; the visitor is e-mailed
then, in the language they wrote in. Their e-mail address stays in CommunitySubmission.
"""

import logging
import os
import re
import uuid

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.models import Collection, Page, Workflow

from heritagehub.i18n import url_in_language
from heritagehub.models import HeritageImage
from heritagehub.ratelimit import RateLimit
from stories.models.story import CommunitySubmission, StoryPage

logger = logging.getLogger(__name__)

# Created by the stories data migration; found by name (and re-created if renamed away).
PRIVATE_COLLECTION = "Community submissions"
PUBLIC_COLLECTION = "Community stories"
# The workflow a community story goes through when its page has none (Wagtail's default).
FALLBACK_WORKFLOW = "Moderators approval"

SUMMARY_MAX_LENGTH = StoryPage._meta.get_field("summary").max_length
SUMMARY_TARGET_LENGTH = 200
SLUG_MAX_LENGTH = 80
# Paths of StoryIndexPage's own routes: a story there would be hidden behind the form.
RESERVED_SLUGS = {"share"}

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def rate_limit():
    return RateLimit(
        "community-stories",
        limit=settings.COMMUNITY_STORIES_RATE_LIMIT,
        window=settings.COMMUNITY_STORIES_RATE_WINDOW,
    )


# Text ----------------------------------------------------------------------------------------


def paragraphs(text):
    """The visitor's plain text as paragraphs: split on empty lines, whitespace tidied."""
    return [part.strip() for part in _PARAGRAPH_BREAK.split(text) if part.strip()]


def paragraph_html(paragraph):
    """One plain-text paragraph as rich text: escaped, its line breaks kept."""
    lines = [escape(line.strip()) for line in paragraph.split("\n")]
    return "<p>" + "<br/>".join(line for line in lines if line) + "</p>"


def summary_from_text(text):
    """The first sentence(s) of the story, up to about SUMMARY_TARGET_LENGTH characters."""
    first = " ".join(paragraphs(text)[0].split()) if text.strip() else ""
    summary = ""
    for sentence in _SENTENCE_END.split(first):
        candidate = f"{summary} {sentence}".strip()
        if summary and len(candidate) > SUMMARY_TARGET_LENGTH:
            break
        summary = candidate
    return Truncator(summary).chars(SUMMARY_MAX_LENGTH)


def author_display_name(name, anonymous, language):
    if anonymous or not name.strip():
        with translation.override(language):
            return gettext("Anonymous")
    return name.strip()


# Tree ----------------------------------------------------------------------------------------


def unique_slug(index, title):
    """A slug for a new story, free below the index in every language (slugs are shared)."""
    base = slugify(title)[:SLUG_MAX_LENGTH].strip("-") or "story"
    parents = index.get_translations(inclusive=True)
    taken = set()
    for parent in parents:
        taken.update(Page.objects.child_of(parent).values_list("slug", flat=True))
    taken |= RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        suffix = f"-{number}"
        slug = base[: SLUG_MAX_LENGTH - len(suffix)] + suffix
    return slug


def community_collection(name):
    """The named top-level media collection, created if an admin removed or renamed it."""
    root = Collection.get_first_root_node()
    collection = Collection.objects.child_of(root).filter(name=name).first()
    return collection or root.add_child(name=name)


def workflow_for(page):
    """The workflow the page is submitted to: its own, else the hub moderators' default."""
    workflow = page.get_workflow()
    if workflow is None:
        workflow = Workflow.objects.filter(active=True, name=FALLBACK_WORKFLOW).first()
    return workflow


# Submission ----------------------------------------------------------------------------------


def _store_image(upload, alt_text, number, title, credit, licence, collection):
    extension = os.path.splitext(upload.name)[1].lower()
    # A random name: the original one may say who sent it, and file URLs are public.
    upload.name = f"community-{uuid.uuid4().hex}{extension}"
    image = HeritageImage(
        title=Truncator(f"{title} ({number})").chars(255),
        file=upload,
        collection=collection,
        alt_text=alt_text,
        credit=credit,
        rights=licence,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def submit_story(*, index, form, language, site_url):
    """Create the draft story of a valid ShareStoryForm and submit it for moderation.

    All or nothing: the page, its revision, the images, the private record and the workflow
    state are written in one transaction, and image files stored before a failure are
    deleted again. Returns the CommunitySubmission.
    """
    data = form.cleaned_data
    author = author_display_name(data.get("name", ""), data.get("anonymous"), language)
    stored_files = []
    try:
        with transaction.atomic():
            private = community_collection(PRIVATE_COLLECTION)
            images = []
            for number, (upload, alt_text) in enumerate(form.images(), start=1):
                image = _store_image(
                    upload, alt_text, number, data["title"], author, data["licence"], private
                )
                stored_files.append((image.file.storage, image.file.name))
                images.append(image)

            body = [
                {"type": "paragraph", "value": paragraph_html(p)} for p in paragraphs(data["text"])
            ]
            body += [
                {"type": "image", "value": {"image": image.pk, "caption": ""}} for image in images
            ]
            story = StoryPage(
                title=data["title"],
                slug=unique_slug(index, data["title"]),
                locale_id=index.locale_id,
                summary=summary_from_text(data["text"]),
                date=timezone.localdate(),
                author_name=author,
                author_role=StoryPage.AuthorRole.COMMUNITY,
                body=body,
                live=False,
            )
            index.add_child(instance=story)
            story.save_revision(user=None, log_action=True)

            submission = CommunitySubmission.objects.create(
                page=story,
                email=data["email"],
                language=language,
                licence=data["licence"],
                site_url=site_url,
            )
            submission.images.set(images)

            workflow = workflow_for(story)
            if workflow is None:
                logger.error("No workflow for community story %s: it waits as a draft", story.pk)
            else:
                # Moderators without a preferred language are notified in the hub's
                # language, not in the visitor's (Wagtail falls back to the active one).
                with translation.override(settings.LANGUAGE_CODE):
                    workflow.start(story, user=None)
    except BaseException:
        for storage, name in stored_files:
            try:
                storage.delete(name)
            except Exception:
                logger.exception("Could not delete %s after a failed story submission", name)
        raise
    return submission


# E-mails -------------------------------------------------------------------------------------


def story_url(submission, page=None):
    """The absolute URL of the story in the language it was written in."""
    page = page or submission.page
    base = (submission.site_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    return base + url_in_language(page, submission.language)


def _send(submission, template, **context):
    with translation.override(submission.language):
        context = {"submission": submission, "story": submission.page, **context}
        context["site_name"] = settings.WAGTAIL_SITE_NAME
        subject = render_to_string(f"stories/emails/{template}_subject.txt", context)
        body = render_to_string(f"stories/emails/{template}.txt", context)
    send_mail(" ".join(subject.split()), body, None, [submission.email])


def send_received_email(submission):
    """Tell the visitor that their story arrived and what happens next (errors are logged)."""
    try:
        _send(submission, "story_received")
    except Exception:
        logger.exception("Could not send the confirmation of community story %s", submission.pk)


def _send_published_email(submission_pk):
    claimed = CommunitySubmission.objects.filter(
        pk=submission_pk, publication_notice_sent_at__isnull=True
    ).update(publication_notice_sent_at=timezone.now())
    if not claimed:
        return  # told already
    submission = CommunitySubmission.objects.select_related("page").get(pk=submission_pk)
    try:
        _send(submission, "story_published", url=story_url(submission))
    except Exception:
        logger.exception("Could not tell the author of community story %s", submission.pk)
        CommunitySubmission.objects.filter(pk=submission_pk).update(publication_notice_sent_at=None)


# Publication and deletion --------------------------------------------------------------------


def image_ids_in(page):
    """Ids of the images a story shows: hero image and every image in its body."""
    ids = {page.hero_image_id} if page.hero_image_id else set()

    def walk(value):
        if isinstance(value, HeritageImage):
            ids.add(value.pk)
        elif isinstance(value, StructValue):
            for child in value.values():
                walk(child)
        elif isinstance(value, StreamValue):
            for child in value:
                walk(child.value)
        elif isinstance(value, ListValue | list):
            for child in value:
                walk(child)

    walk(page.body)
    return ids


def on_story_published(sender, instance, **kwargs):
    """page_published: the story's community images go public; its author hears of it once.

    Only the images the published story shows move to the public collection (a moderator
    may have removed one). Any language version of the story moves them.
    """
    page = instance
    if not isinstance(page, StoryPage):
        return
    submissions = list(
        CommunitySubmission.objects.filter(page__translation_key=page.translation_key)
    )
    if not submissions:
        return
    shown = image_ids_in(page)
    public = None
    for submission in submissions:
        for image in submission.images.filter(pk__in=shown, collection__name=PRIVATE_COLLECTION):
            public = public or community_collection(PUBLIC_COLLECTION)
            image.collection = public
            image.save(update_fields=["collection"])
        if submission.page_id == page.pk and submission.publication_notice_sent_at is None:
            transaction.on_commit(lambda pk=submission.pk: _send_published_email(pk))


def on_submission_deleted(sender, instance, **kwargs):
    """pre_delete: a story deleted before publication takes its never-published images along."""
    for image in instance.images.filter(collection__name=PRIVATE_COLLECTION):
        image.delete()
