"""The "share your story" form and its thank-you page (routes of StoryIndexPage)."""

import logging

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from heritagehub.i18n import LanguageLink, active_language, url_in_language

from .community import rate_limit, send_received_email, submit_story
from .forms import ShareStoryForm

logger = logging.getLogger(__name__)

# Fields a rate-limited visitor gets back as they typed them (files cannot be kept).
KEPT_WHEN_LIMITED = ("title", "text", "name", "anonymous", "email", "licence")


def _context(index, route):
    """What base.html needs for a view that is not a page: links to it in every language."""
    current = active_language()
    links = [
        LanguageLink(
            code=code,
            name=name,
            url=index.share_url(code, route),
            translated=True,
            current=code == current,
        )
        for code, name in settings.LANGUAGES
    ]
    return {
        "index": index,
        "index_url": url_in_language(index),
        "index_lang": index.locale.language_code,
        "language_links": links,
        "canonical_url": index.share_url(current, route),
        "share_url": index.share_url(current),
    }


def _render(request, template, context, status=200):
    response = render(request, template, context, status=status)
    # The form carries a CSRF token and the thank-you page a visitor's moment: never cached.
    add_never_cache_headers(response)
    return response


def share_story(request, index):
    """GET: the form. POST: a story in the moderators' queue, then the thank-you page."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context = _context(index, "share")
    thanks_url = index.share_url(route="share_thanks")
    limit = rate_limit()

    if request.method != "POST":
        context["form"] = ShareStoryForm()
        return _render(request, "stories/share_story.html", context)

    if limit.exceeded(request):
        kept = {name: request.POST.get(name) for name in KEPT_WHEN_LIMITED if name in request.POST}
        context.update(form=ShareStoryForm(initial=kept), rate_limited=True)
        return _render(request, "stories/share_story.html", context, status=429)

    form = ShareStoryForm(request.POST, request.FILES)
    if form.is_spam():
        # Discarded without a word: to the sender it looks like any other submission.
        limit.hit(request)
        logger.info("Community story discarded: honeypot filled in")
        return HttpResponseRedirect(thanks_url)

    if form.is_valid():
        submission = submit_story(
            index=index,
            form=form,
            language=active_language(),
            site_url=request.build_absolute_uri("/"),
        )
        limit.hit(request)
        send_received_email(submission)
        return HttpResponseRedirect(thanks_url)

    context.update(form=form, files_to_choose_again=bool(request.FILES))
    return _render(request, "stories/share_story.html", context)


def share_story_thanks(request, index):
    """What happens to the story now: moderation, then an e-mail when it is published."""
    return _render(request, "stories/share_story_thanks.html", _context(index, "share_thanks"))
