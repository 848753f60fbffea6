"""Content-Security-Policy: strict on the public site, Wagtail's needs in the admin.

The public templates load scripts and styles from our own origin only, with no inline
script or style attribute (JSON-LD is data, not script, and needs no allowance), so
``CONTENT_SECURITY_POLICY`` forbids everything else. The Wagtail and Django admins
cannot live with that: Wagtail 8 renders inline ``<script>`` elements (inline panels,
date pickers, wagtail-localize's editor), style attributes, ``blob:`` image previews and
page previews in an iframe. Requests below ``ADMIN_CSP_PATH_PREFIXES`` get
``ADMIN_CONTENT_SECURITY_POLICY`` instead; previews of public pages are admin responses
and get it too, so editors see what visitors see.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings


def media_sources(media_url, custom_domain="", bucket="", endpoint_url="", region=""):
    """Origins that serve uploaded media besides our own, from the media settings
    (``heritagehub/settings/production.py``): the S3/CDN custom domain, the S3 endpoint or
    Amazon's bucket host when there is a bucket, an absolute MEDIA_URL's origin. ``[]``
    when this site serves its media."""
    sources = []
    if custom_domain:
        sources.append(f"https://{custom_domain.strip('/')}")
    elif bucket and endpoint_url:
        sources.append(_origin(endpoint_url))
    elif bucket:
        host = f"s3.{region}.amazonaws.com" if region else "s3.amazonaws.com"
        sources.append(f"https://{bucket}.{host}")
    sources.append(_origin(media_url))
    return list(dict.fromkeys(source for source in sources if source))


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""


def is_admin_path(path):
    return path.startswith(tuple(settings.ADMIN_CSP_PATH_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the admin policy by path.

    A view's own ``@csp_override`` still wins (it sets the response's config).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts
