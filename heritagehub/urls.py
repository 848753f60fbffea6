from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from heritagehub import health, views
from heritagehub.api import api_router
from heritagehub.sitemaps import views as sitemap_views

urlpatterns = [
    # Outside the language prefixes, probed by load balancers (heritagehub.health).
    path("health/", health.health, name="health"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", api_router.urls),
    path("robots.txt", sitemap_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.sitemap_index, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemap_views.sitemap_section, name="sitemap_section"),
    path("oai/", include("heritage_collections.oai.urls")),
    path("iiif/", include("heritage_collections.iiif.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "HERITAGEHUB_SERVE_MEDIA", False):
    # The demo (settings/demo.py) and the tests' live server, both with DEBUG off, where
    # Django's static() adds nothing.
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", views.media_file)
    )

# Every public page lives under its language prefix; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("calls.urls")),
    path("", include("heritage_collections.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler400 = "heritagehub.views.bad_request"
handler404 = "heritagehub.views.page_not_found"
handler500 = "heritagehub.views.server_error"
