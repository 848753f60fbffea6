"""The public "Join the hub" form and its thank-you page (routes of ``JoinPage``)."""

import logging
from dataclasses import replace

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from heritagehub.i18n import active_language, url_in_language

from .applications import rate_limit, receive_application
from .forms import JoinForm

logger = logging.getLogger(__name__)

FORM_TEMPLATE = "partners/joining/join_page.html"
THANKS_TEMPLATE = "partners/joining/join_thanks.html"


def _render(request, page, template, context, status=200, page_context=None):
    context = {**(page_context or page.get_context(request)), **context}
    response = TemplateResponse(request, template, context, status=status)
    # The form carries a CSRF token, the thank-you page one visitor's moment: never cached.
    add_never_cache_headers(response)
    return response


def join(request, page):
    """GET: the form. POST: an application waiting for review, then the thank-you page."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    language = active_language()
    if request.method != "POST":
        return _render(request, page, FORM_TEMPLATE, {"form": JoinForm(language_code=language)})

    limit = rate_limit()
    if limit.exceeded(request):
        form = JoinForm(initial=request.POST.dict(), language_code=language)
        for name in ("sectors", "service_kinds"):
            form.initial[name] = request.POST.getlist(name)
        context = {"form": form, "rate_limited": True}
        return _render(request, page, FORM_TEMPLATE, context, status=429)

    form = JoinForm(request.POST, language_code=language)
    thanks_url = page.thanks_url()
    if form.is_spam():
        # Dropped without a word: to the sender it looks like any other application.
        limit.hit(request)
        logger.info("Application to join discarded: honeypot filled in")
        return HttpResponseRedirect(thanks_url)
    if not form.is_valid():
        return _render(request, page, FORM_TEMPLATE, {"form": form})
    receive_application(form, language)
    limit.hit(request)
    return HttpResponseRedirect(thanks_url)


def thanks(request, page):
    """What happens to the application now."""
    suffix = page.reverse_subpage("thanks")
    context = page.get_context(request)
    links = [replace(link, url=link.url + suffix) for link in context["language_links"]]
    return _render(
        request,
        page,
        THANKS_TEMPLATE,
        {"language_links": links, "canonical_url": url_in_language(page) + suffix},
        page_context=context,
    )
