"""Page-tree lookups as ranges of paths.

treebeard's ``path__startswith`` (``descendant_of``, ``child_of``) is a LIKE, which SQLite
cannot answer from the path index (its LIKE optimisation needs a case-insensitive index or
``case_sensitive_like``): at 100,000 items a partner page's "collections below it" scanned
every page (0.3–1.3 s). A path is a string of ``Page.alphabet`` (ASCII digits and capitals,
in byte order, as both SQLite and PostgreSQL's C collation compare them), so the same pages
are a range, which the path index serves on both databases.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

PATH_LENGTH = Page._meta.get_field("path").max_length


def below(path, inclusive=False, field="path"):
    """The pages below ``path`` (and the one at ``path`` if ``inclusive``): every longer
    path that starts with it lies between it and it followed by the alphabet's last letter.
    ``field`` names the path of a related page ("agent__path")."""
    last = path + Page.alphabet[-1] * (PATH_LENGTH - len(path))
    start = f"{field}__gte" if inclusive else f"{field}__gt"
    return Q(**{start: path, f"{field}__lte": last})


def child_range(path):
    """(first, last) possible path of a child of ``path`` (the range also holds deeper
    pages: bound the depth too)."""
    return path + Page.alphabet[0] * Page.steplen, path + Page.alphabet[-1] * Page.steplen


def children(path):
    """The pages one level below ``path``."""
    return Q(path__range=child_range(path), depth=len(path) // Page.steplen + 1)


def restricted(path_field):
    """A condition on the rows of a queryset: the page whose path is ``path_field`` ("path",
    "agent__path") has a view restriction, or sits below one. An EXISTS subquery, for a query
    that must stay one query (``heritagehub.cache.without_private`` reads the restricted
    paths first, from the cache or in a query of their own)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef(path_field), 1, Length("page__path"))
        )
    )
