"""Page-tree lookups as ranges of paths.

treebeard's ``path__startswith`` (``descendant_of``, ``child_of``) is a LIKE, which SQLite
cannot answer from the path index (its LIKE optimisation needs a case-insensitive index or
``case_sensitive_like``): at 100,000 items a partner page's "collections below it" scanned
every page (0.3–1.3 s). A path is a string of ``Page.alphabet`` (ASCII digits and capitals,
in byte order, as both SQLite and PostgreSQL's C collation compare them), so the same pages
are a range, which the path index serves on both databases.
"""

from django.db.models import Q
from wagtail.models import Page

PATH_LENGTH = Page._meta.get_field("path").max_length


def below(path, inclusive=False):
    """The pages below ``path`` (and the one at ``path`` if ``inclusive``): every longer
    path that starts with it lies between it and it followed by the alphabet's last letter."""
    last = path + Page.alphabet[-1] * (PATH_LENGTH - len(path))
    return Q(path__gte=path, path__lte=last) if inclusive else Q(path__gt=path, path__lte=last)


def child_range(path):
    """(first, last) possible path of a child of ``path`` (the range also holds deeper
    pages: bound the depth too)."""
    return path + Page.alphabet[0] * Page.steplen, path + Page.alphabet[-1] * Page.steplen


def children(path):
    """The pages one level below ``path``."""
    return Q(path__range=child_range(path), depth=len(path) // Page.steplen + 1)
