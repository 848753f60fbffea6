"""The site search's results page."""

from urllib.parse import urlencode

from django.shortcuts import redirect, render

from heritagehub.i18n import active_language
from heritagehub.pagination import paginate
from heritagehub.search import MAX_QUERY_LENGTH, clean_query

from .kinds import (
    known_kind,
    prefetch_cards,
    refinement,
    result_kinds,
    result_types,
    specific_pages,
    tabs,
)
from .pages import identified_page_url, search_pages, suggested_query

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
        types = result_types(ranked)
        kinds = result_kinds(types)
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
        results.object_list = specific_pages(results.object_list, types)
        prefetch_cards(results.object_list)
        context["results"] = results
        if not context["total"]:
            suggestion = suggested_query(query, active_language())
            context["suggestion"] = suggestion
            context["suggestion_url"] = "?" + urlencode({"q": suggestion})
    return render(request, "search/search.html", context)
