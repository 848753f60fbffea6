"""An item's permanent link, its citation files, and the choice to see images that need care."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from heritagehub.cache import without_private
from heritagehub.i18n import in_language, url_in_language
from maps import MapParameterError
from maps.geojson import GeoJSONResponse, error_response, map_parameters

from .browse import Browse
from .care_choice import remember_choice
from .item_context import ancestors, citation
from .item_map import geojson, located_items
from .models import ItemPage

# format in the URL → (Citation method, content type, file extension)
CITATION_FORMATS = {
    "ris": ("ris", "application/x-research-info-systems", "ris"),
    "bib": ("bibtex", "application/x-bibtex", "bib"),
}


def _live_item(translation_key, queryset=None):
    """The item with this translation key, in the visitor's language where translated."""
    queryset = ItemPage.objects.live() if queryset is None else queryset
    item = (
        in_language(queryset.filter(translation_key=translation_key))
        .select_related("locale")
        .first()
    )
    if item is None:
        raise Http404
    return item


def item_permalink(request, translation_key):
    """``/<lang>/items/<translation key>/`` → the item's current URL in that language (302).

    The translation key is the one thing about an item that no rename, move or translation
    changes, so citations and catalogues can keep this link for good. Private items redirect
    too: their page asks for the password or login.
    """
    return redirect(url_in_language(_live_item(translation_key)))


def item_citation(request, translation_key, citation_format):
    """The citation of a public item as a RIS or BibTeX file for reference managers."""
    if citation_format not in CITATION_FORMATS:
        raise Http404
    method, content_type, extension = CITATION_FORMATS[citation_format]
    item = _live_item(translation_key, without_private(ItemPage.objects.live()))
    cited = citation(item, request, ancestors(item).partner)
    response = HttpResponse(getattr(cited, method)(), content_type=f"{content_type}; charset=utf-8")
    filename = f"{item.slug}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def items_geojson(request):
    """``/<lang>/items.geojson?…``: the items a browse URL finds (the same parameters: every
    facet, years, the text query, ``collection`` for a collection's items), as GeoJSON
    (RFC 7946) for maps, in the visitor's language. ``bbox`` (west,south,east,north) and
    ``zoom`` (0–20) choose the area and, beyond 2,000 items, the grid of clusters; a bad
    value of any parameter is a 400 naming it."""
    try:
        bbox, zoom = map_parameters(request.GET)
    except MapParameterError as error:
        return error_response(error)
    browse = Browse(request)
    if browse.state.problems:
        return error_response(
            MapParameterError(browse.state.invalid[0], str(browse.state.problems[0]))
        )
    # Kept until the next publish, like browse's counts: the world map of a whole collection
    # is the same for every visitor.
    area = f"{bbox.as_param() if bbox else ''}:{zoom}"
    data = browse.cached(
        f"geojson:{area}", lambda: geojson(located_items(browse.entries, bbox, zoom), bbox)
    )
    response = GeoJSONResponse(data)
    response["Access-Control-Allow-Origin"] = "*"
    return response


# No CSRF token: a forged request could only uncover images the visitor's own browser then
# shows them behind the notice they already read, and a token in the item page's form would
# keep every page with a care label out of the page cache.
@csrf_exempt
@require_POST
def show_covered_images(request, translation_key):
    """POST ``/<lang>/items/<translation key>/show-images/``: the visitor chose to see the
    covered images of an item that needs care. Remembered for the visit (the session), then
    back to the page (``next``, on this site), or a 204 for the page's script."""
    # Private items too: their visitors (a password, a login) see the same covered images.
    item = _live_item(translation_key)
    remember_choice(request, translation_key)
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = url_in_language(item)
    return redirect(f"{back.split('#')[0]}#item-images")
