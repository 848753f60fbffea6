"""Who may do what with partner spaces in the admin: every rule of this app, in one place.

Wagtail's page and collection permissions (granted by partners.roles and onboarding) decide
what a user may edit; the rules here narrow what a user may *see*, and are read by the hooks
(partners.wagtail_hooks), the middleware (partners.middleware), the admin API and filters,
and the apps above (heritage_collections.permissions). docs/permissions.md has the matrix.

| rule                   | who                                                        |
|------------------------|------------------------------------------------------------|
| ``sees_whole_tree``    | superusers; groups with a right on the root page (hub staff) |
| ``explorable_pages``   | a user's pages and the way down to them; none without a page right |
| ``may_see_reports``    | those who see the whole tree (Wagtail's reports list every user's work) |
| ``may_translate``      | holders of wagtail-localize's ``submit_translation``        |
| ``partner_spaces_of``  | the spaces whose editors or leads the user is in           |
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import policy_registry

from partners.models import PartnerSpace

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


def sees_whole_tree(user):
    """Superusers and the hub's own roles have rights on the root: they see every page."""
    if user.is_superuser:
        return True
    cache_name = "_partners_sees_whole_tree"
    if not hasattr(user, cache_name):
        setattr(
            user,
            cache_name,
            GroupPagePermission.objects.filter(group__user=user, page__depth=1).exists(),
        )
    return getattr(user, cache_name)


def explorable_pages(user):
    """The pages ``user`` may explore in the admin: their pages and the way down to them."""
    if not user.is_superuser and not GroupPagePermission.objects.filter(group__user=user).exists():
        return Page.objects.none()
    return policy_registry.get_by_type(Page).explorable_instances(user)


def may_see_reports(user):
    """Wagtail's reports are the hub staff's: their filters list every user's work."""
    return sees_whole_tree(user)


def may_translate(user):
    return user.has_perm(TRANSLATE_PERMISSION)


def partner_spaces_of(user):
    """The partner spaces ``user`` edits or leads."""
    if not user.is_authenticated:
        return PartnerSpace.objects.none()
    return PartnerSpace.objects.filter(Q(editors__user=user) | Q(leads__user=user)).distinct()
