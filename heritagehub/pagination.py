from django.core.paginator import Paginator


def paginate(request, queryset, per_page, param="page"):
    """A page of results; an out-of-range or malformed page number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get(param))
