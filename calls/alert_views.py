"""The public pages of call alerts: subscribe, confirm (the e-mailed link), unsubscribe.

Django views under the language prefix (calls.urls), not page routes: the one-click
unsubscribe of RFC 8058 is a POST from a mail client, without a CSRF token, which a
page route served by Wagtail could not accept.
"""

import logging

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt

from heritagehub.i18n import LanguageLink, active_language, url_in_language
from partners.models import Sector

from . import alerts
from .forms import AlertSubscriptionForm
from .models import CallAlertSubscription, CallIndexPage, CallKind

logger = logging.getLogger(__name__)


def _index():
    return CallIndexPage.objects.live().order_by("depth", "pk").first()


def _context(request, name, args=()):
    current = active_language()
    links = []
    for code, language_name in settings.LANGUAGES:
        with translation.override(code):
            url = reverse(name, args=args)
        links.append(LanguageLink(code, language_name, url, True, code == current))
    index = _index()
    return {
        "language_links": links,
        "canonical_url": reverse(name, args=args),
        "calls_url": url_in_language(index) if index else None,
    }


def _render(request, template, context, status=200):
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)  # forms, tokens and a visitor's moment: never cached
    return response


def _choices(language_code):
    sectors = Sector.objects.filter(locale__language_code=language_code)
    kinds = CallKind.objects.filter(locale__language_code=language_code)
    return {
        "sector_choices": [(term.slug, term.name) for term in sectors],
        "kind_choices": [(term.slug, term.name) for term in kinds],
    }


def subscribe(request):
    """GET: the form (sectors and kinds may be preset from the listing's filters).
    POST: the confirmation e-mail, then the "check your inbox" page."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    language = active_language()
    context = _context(request, "calls:alerts_subscribe")
    sent_url = reverse("calls:alerts_sent")
    limit = alerts.rate_limit()
    if request.method != "POST":
        initial = {
            "sectors": request.GET.getlist("sector"),
            "kinds": request.GET.getlist("kind"),
        }
        context["form"] = AlertSubscriptionForm(initial=initial, **_choices(language))
        return _render(request, "calls/alerts_subscribe.html", context)

    form = AlertSubscriptionForm(request.POST, **_choices(language))
    if limit.exceeded(request):
        context.update(form=form, rate_limited=True)
        return _render(request, "calls/alerts_subscribe.html", context, status=429)
    if form.is_spam():
        limit.hit(request)
        logger.info("Call alert subscription discarded: honeypot filled in")
        return HttpResponseRedirect(sent_url)
    if not form.is_valid():
        context["form"] = form
        return _render(request, "calls/alerts_subscribe.html", context)
    limit.hit(request)
    alerts.send_confirmation(
        email=form.cleaned_data["email"],
        language=language,
        sectors=form.cleaned_data["sectors"],
        kinds=form.cleaned_data["kinds"],
        base_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return HttpResponseRedirect(sent_url)


def sent(request):
    return _render(request, "calls/alerts_sent.html", _context(request, "calls:alerts_sent"))


def confirm(request, token):
    """The e-mailed link: the subscription is created now, never before."""
    context = _context(request, "calls:alerts_confirm", args=[token])
    data = alerts.read_confirmation_token(token)
    if data is None:
        return _render(request, "calls/alerts_confirm.html", {**context, "invalid": True}, 400)
    subscription, _created = alerts.confirm(data)
    context["unsubscribe_url"] = reverse("calls:alerts_unsubscribe", args=[subscription.token])
    return _render(request, "calls/alerts_confirm.html", context)


@csrf_exempt  # RFC 8058: mail clients POST without a token; the secret is in the URL
def unsubscribe(request, token):
    """GET: a button to confirm (link scanners must not unsubscribe anyone). POST: gone."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    subscription = CallAlertSubscription.objects.filter(token=token).first()
    context = _context(request, "calls:alerts_unsubscribe", args=[token])
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        return _render(request, "calls/alerts_unsubscribe.html", {**context, "done": True})
    if subscription is None:
        raise Http404
    context["email"] = subscription.email
    return _render(request, "calls/alerts_unsubscribe.html", context)
