"""Views that are not pages: the error pages and media files."""

import sys

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.static import serve

from heritagehub.resilience import database_unavailable, is_database_unavailable, render_standalone


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
