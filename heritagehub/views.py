"""Views that are not pages: site search and the error pages."""

import sys
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.static import serve
from wagtail.models import Page

from heritagehub.i18n import active_language
from heritagehub.pagination import paginate
from heritagehub.resilience import database_unavailable, is_database_unavailable, render_standalone
from heritagehub.search import (
    MAX_QUERY_LENGTH,
    clean_query,
    identified_page_url,
    search_pages,
    suggested_query,
)
from heritagehub.search_kinds import known_kind, prefetch_cards, refinement, result_kinds, tabs

RESULTS_PER_PAGE = 20


def search(request):
    """`/<lang>/search/?q=…`: results of every page type, paginated, keeping the query; an
    item's exact inventory number goes to the item; no results offer a corrected query."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {"query": query, "results": None, "suggestion": ""}
    if clean_query(query):
        url = identified_page_url(query, active_language())
        if url:
            return redirect(url)
        ranked = search_pages(query)
        # Tabs by kind of page, with counts; the chosen tab's results only.
        kinds = result_kinds(ranked)
        kind = known_kind(request.GET.get("kind", ""), kinds)
        context["tabs"] = tabs(query, kinds, kind)
        context["total"] = len(ranked)
        if kind:
            ranked = [pk for pk in ranked if kinds.get(pk) == kind]
        refined = refinement(kind, request)
        if refined is not None:
            context.update(refined)
        results = paginate(request, ranked, RESULTS_PER_PAGE)
        # Only the pages of this results page are fetched, as their own types, in rank order.
        pages = Page.objects.filter(pk__in=results.object_list).specific().in_bulk()
        results.object_list = [pages[pk] for pk in results.object_list if pk in pages]
        prefetch_cards(results.object_list)
        context["results"] = results
        if not context["total"]:
            suggestion = suggested_query(query, active_language())
            context["suggestion"] = suggestion
            context["suggestion_url"] = "?" + urlencode({"q": suggestion})
    return render(request, "search/search.html", context)


def bad_request(request, exception=None):
    """handler400: a request this site cannot answer (a form sent without the fields the
    browser always sends, a malformed address), in the visitor's language."""
    return render(request, "400.html", status=400)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its security token (expired, cookies off,
    or forged) is refused in the visitor's language, with the way back to the form."""
    form_url = request.path if url_has_allowed_host_and_scheme(request.path, None) else "/"
    return render(request, "403_csrf.html", {"form_url": form_url}, status=403)


def page_not_found(request, exception=None):
    # Rendered with the request: the language prefix has set the visitor's language.
    return render(request, "404.html", status=404)


def server_error(request):
    """Any exception a request raised (handler500): the 503 page while the database is
    unreachable (heritagehub.resilience), else the 500 page. Both are rendered without
    context processors or the database, whose failure may be the cause."""
    if is_database_unavailable(sys.exc_info()[1]):
        return database_unavailable(request)
    return render_standalone(request, "500.html", status=500)


def media_file(request, path):
    """An uploaded file, where the app serves them itself (HERITAGEHUB_SERVE_MEDIA: the demo
    of `make run` and the tests' live server); MEDIA_ROOT is read at each request."""
    # A path the file system refuses (too long, say) is a file that is not there.
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        raise Http404(path) from error
