"""Who may do what with collections in the admin: every rule of this app, in one place.

Page rights (Wagtail's, granted by partners.roles and onboarding) decide what a user may
edit; these rules decide what the admin offers them. The hooks (heritage_collections.
wagtail_hooks) and views only call them. docs/permissions.md has the matrix.

| rule               | who                                                                |
|--------------------|--------------------------------------------------------------------|
| ``may_see_report`` | the Europeana readiness report: hub staff, partner editors and leads |
| ``may_see_partner``| one partner's report: the hub staff, and that partner's editors and leads |
| ``user_may_import``| importing items: superusers and users who may add pages to some collection |
"""

from wagtail.permission_policies.pages import PagePermissionPolicy

from partners.permissions import partner_spaces_of, sees_whole_tree

from .models import CollectionPage


def may_see_report(user):
    """Whether ``user`` may see the report of some partner (cheap: the menu asks it)."""
    if not user.is_authenticated:
        return False
    return sees_whole_tree(user) or partner_spaces_of(user).exists()


def may_see_partner(user, partner):
    """Whether ``user`` may see the report of ``partner`` (a PartnerPage)."""
    if not user.is_authenticated:
        return False
    if sees_whole_tree(user):
        return True
    return partner_spaces_of(user).filter(translation_key=partner.translation_key).exists()


def user_may_import(user):
    """Whether ``user`` may add pages to some collection (the menu item; one query)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    allowed = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return CollectionPage.objects.filter(pk__in=allowed.values("pk")).exists()
