"""The hub's editorial roles, as Django groups with Wagtail page and collection permissions.

- **Hub editors** use the admin; add, change, publish, delete, lock and unlock any page;
  manage every image and document; translate; onboard partners (``partners.onboard_partner``).
- **Moderators** (Wagtail's own group) use the admin; add, change, publish, lock and unlock
  any page; approve the "Hub moderator approval" step of every partner's review; manage
  images and documents.
- **Translators** use the admin, translate pages and snippets with wagtail-localize and
  change pages (translations), choose images and documents. No publish right: their
  translations go through review.
- ``<Partner> editors`` and ``<Partner> leads``: one pair per partner, made by
  ``partners.onboarding``.

The partners data migration ``0005_roles`` creates them with ``ensure_roles``; data
migrations of other apps add their own models' permissions with ``grant``. Everything here
takes a migration's ``apps`` registry (or ``django.apps.apps``) and only adds: existing
groups keep the permissions they have, and running it twice changes nothing.
"""

from dataclasses import dataclass, field

from django.contrib.auth.management import create_permissions

HUB_EDITORS = "Hub editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"

ALL_PAGE_ACTIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
IMAGE_ACTIONS = ["add_image", "change_image", "delete_image", "choose_image"]
DOCUMENT_ACTIONS = ["add_document", "change_document", "delete_document", "choose_document"]


@dataclass(frozen=True)
class Role:
    # (app_label, codename) of model-level permissions
    permissions: list = field(default_factory=list)
    # wagtailcore page permission codenames, granted on the root page (the whole tree)
    page_permissions: list = field(default_factory=list)
    # (app_label, codename) of image/document permissions on the root collection
    collection_permissions: list = field(default_factory=list)


def _collection_permissions(image_actions, document_actions):
    return [("wagtailimages", codename) for codename in image_actions] + [
        ("wagtaildocs", codename) for codename in document_actions
    ]


ROLES = {
    HUB_EDITORS: Role(
        permissions=[
            ("wagtailadmin", "access_admin"),
            ("partners", "onboard_partner"),
            ("wagtail_localize", "submit_translation"),
            ("partners", "add_institutiontype"),
            ("partners", "change_institutiontype"),
            ("partners", "add_sector"),
            ("partners", "change_sector"),
        ],
        page_permissions=ALL_PAGE_ACTIONS,
        collection_permissions=_collection_permissions(IMAGE_ACTIONS, DOCUMENT_ACTIONS),
    ),
    MODERATORS: Role(
        permissions=[("wagtailadmin", "access_admin")],
        page_permissions=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        collection_permissions=_collection_permissions(
            ["add_image", "change_image", "choose_image"],
            ["add_document", "change_document", "choose_document"],
        ),
    ),
    TRANSLATORS: Role(
        permissions=[
            ("wagtailadmin", "access_admin"),
            ("wagtail_localize", "submit_translation"),
            ("partners", "change_institutiontype"),
            ("partners", "change_sector"),
        ],
        page_permissions=["change_page"],
        collection_permissions=_collection_permissions(["choose_image"], ["choose_document"]),
    ),
}


def create_missing_permissions(apps):
    """Permission rows are made after migrations (post_migrate): make them now."""
    for app_config in apps.get_app_configs():
        # A migration's app registry has no models modules, and create_permissions skips
        # apps without one: pretend for the call (the real registry is left as it is).
        models_module = getattr(app_config, "models_module", None)
        if models_module is None:
            app_config.models_module = True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grant(apps, group_name, permissions):
    """Add model-level permissions ``[(app_label, codename)]`` to the group (created if
    missing)."""
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=group_name)
    for app_label, codename in permissions:
        group.permissions.add(permission(apps, app_label, codename))
    return group


def ensure_role(apps, name, role):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")

    group = grant(apps, name, role.permissions)
    root_page = Page.objects.filter(depth=1).order_by("path").first()
    if root_page is not None:
        for codename in role.page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission(apps, "wagtailcore", codename)
            )
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for app_label, codename in role.collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(apps, app_label, codename),
            )
    return group


def ensure_roles(apps):
    create_missing_permissions(apps)
    return {name: ensure_role(apps, name, role) for name, role in ROLES.items()}
