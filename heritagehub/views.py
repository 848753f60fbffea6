"""Views that are not pages: site search and the error pages."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from heritagehub.pagination import paginate
from heritagehub.search import search_pages

RESULTS_PER_PAGE = 20


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = paginate(request, search_pages(query), RESULTS_PER_PAGE) if query else None
    return render(request, "search/search.html", {"query": query, "results": results})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: the error may be theirs.
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request}))
