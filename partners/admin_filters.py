"""The admin's user filters, narrowed for partner editors.

Wagtail's page listings (the explorer, "Forms", page-type listings) offer "Owner" and
"Edited by" filters, and history views a "User" filter, each listing every user who owns
or edited any page anywhere: other partners' editors by username. For users whose rights
do not cover the whole tree, these filters list only the people they work with: themselves
and the members of their own groups (their partner's editors and leads).
"""

from django.db.models import Q
from wagtail.admin.filters import MultipleUserFilter

from partners.permissions import sees_whole_tree

_upstream_get_queryset = MultipleUserFilter.get_queryset


def colleagues_only(self, request):
    users = _upstream_get_queryset(self, request)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return users.none()
    if sees_whole_tree(user):
        return users
    return users.filter(Q(pk=user.pk) | Q(groups__in=user.groups.all())).distinct()


def install():
    """Called once from ``PartnersConfig.ready``."""
    MultipleUserFilter.get_queryset = colleagues_only
