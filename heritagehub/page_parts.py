"""The costly parts of a page (its main content, its JSON-LD), rendered once per cache
generation and then served from the cache to every visitor who would see them the same.

The page cache (heritagehub.cache, ``PageCacheMiddleware``) keeps whole pages, but only for
anonymous visitors without a session, and it can be turned off. Everyone else (an editor
signed in, a visitor with a session, a site with the page cache off) gets the page's parts
from here, and only the chrome around them is rendered for the request: menus, language
links, breadcrumbs, the user bar. The context the parts need is computed only when they are
not in the cache, so a page that is served from here runs none of its own queries.

Parts are kept by address (scheme, host, path, query string), language and the page's own
variant (an item's images covered or shown), so they are what a fresh rendering would give;
like every other cached value they go stale with the generation, at any publish. A part
that changes by the clock says so with ``changes_at`` while it renders, and is kept no
longer than that. Previews are never cached.
"""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .cache import (
    CHROME_SECONDS,
    admit_variant,
    changes_at,
    get_parts,
    noted_change,
    parts_key,
    set_parts,
)


def rendered_parts(request, name, templates, context, variant=()):
    """{part: HTML} of ``templates`` ({part: template name}), from the cache or rendered with
    ``context()``, which is called only when they are not there.

    ``name`` is the kind of page ("item"); ``variant``, what else its parts depend on.
    """
    key = parts_key(request, name, variant)
    stored = get_parts(key) if key is not None else None
    if stored is not None:
        parts, moment = stored
        changes_at(request, moment)
        return {part: mark_safe(html) for part, html in parts.items()}  # noqa: S308 - rendered here
    values = context()
    parts = {
        part: render_to_string(template, values, request) for part, template in templates.items()
    }
    # Query strings a page may be kept for are bounded, as for whole pages: random ones
    # cannot push out the parts everyone reads.
    if key is not None and admit_variant(request, "parts", CHROME_SECONDS):
        set_parts(key, {part: str(html) for part, html in parts.items()}, noted_change(request))
    return parts


class CachedPartsMixin:
    """A page whose costly parts are rendered by ``rendered_parts``: ``parts_templates``
    ({part: template name}) are rendered with Wagtail's context and ``parts_context()``, and
    the page's template shows ``{{ parts.<part> }}``. Whatever in them depends on the visitor
    must be in ``parts_variant``; what is theirs alone (a CSRF token, the signed-in user)
    belongs outside the parts."""

    parts_templates = {}

    def parts_context(self, request):
        """What the parts add to Wagtail's context: computed only when they are rendered."""
        return {}

    def parts_variant(self, request):
        """What else the parts depend on, besides the address and the language."""
        return ()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parts"] = rendered_parts(
            request,
            self._meta.label_lower,
            self.parts_templates,
            lambda: {**context, **self.parts_context(request)},
            self.parts_variant(request),
        )
        return context
