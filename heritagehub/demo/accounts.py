"""Demo accounts for the local demo site (password ``heritagehub-demo``).

``admin`` (superuser), ``moderator`` (Wagtail's "Moderators" group), ``translator`` (a
"Translators" group that may use the admin and edit pages) and one ``<partner-slug>-editor``
per partner, in a "<Partner name> editors" group that may add, change and lock pages in its
partner's subtree (in every language) and add, change and choose images in the partner's own
media collection. No partner group may publish: that is the moderators' job.

Existing users and groups are left as they are; missing permissions are added.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

PASSWORD = "heritagehub-demo"
EMAIL_DOMAIN = "example.org"

PARTNER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
PARTNER_IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class Accounts:
    def __init__(self, stats):
        self.stats = stats
        self.user_model = get_user_model()
        self._password = None

    @property
    def password(self):
        # Hashing is slow on purpose: hash once for all demo users.
        if self._password is None:
            self._password = make_password(PASSWORD)
        return self._password

    def user(self, username, groups=(), superuser=False):
        user = self.user_model.objects.filter(username=username).first()
        if user is None:
            user = self.user_model(
                username=username,
                email=f"{username}@{EMAIL_DOMAIN}",
                is_staff=superuser,
                is_superuser=superuser,
                password=self.password,
            )
            user.save()
            self.stats.created("users")
        for group in groups:
            if not user.groups.filter(pk=group.pk).exists():
                user.groups.add(group)
        return user

    def group(self, name, model_permissions=()):
        group, created = Group.objects.get_or_create(name=name)
        if created:
            self.stats.created("groups")
        for app_label, codename in model_permissions:
            permission = _permission(app_label, codename)
            if not group.permissions.filter(pk=permission.pk).exists():
                group.permissions.add(permission)
        return group

    @staticmethod
    def page_permissions(group, page, codenames):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
            )

    @staticmethod
    def collection_permissions(group, collection, codenames):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=_permission("wagtailimages", codename),
            )


def load_accounts(partners, partner_pages, image_collections, stats):
    """``partners``: the PartnerText records; ``partner_pages``: source pages by slug."""
    accounts = Accounts(stats)
    accounts.user("admin", superuser=True)

    moderators = Group.objects.filter(name="Moderators").first() or accounts.group(
        "Moderators", [("wagtailadmin", "access_admin")]
    )
    accounts.user("moderator", groups=[moderators])

    translators = accounts.group(
        "Translators",
        [("wagtailadmin", "access_admin"), ("wagtail_localize", "submit_translation")],
    )
    accounts.page_permissions(translators, Page.get_first_root_node(), ["change_page"])
    accounts.collection_permissions(translators, Collection.get_first_root_node(), ["choose_image"])
    accounts.user("translator", groups=[translators])

    for text in partners:
        group = accounts.group(f"{text.name} editors", [("wagtailadmin", "access_admin")])
        for page in partner_pages[text.slug].get_translations(inclusive=True):
            accounts.page_permissions(group, page, PARTNER_PAGE_PERMISSIONS)
        accounts.collection_permissions(
            group, image_collections[text.slug], PARTNER_IMAGE_PERMISSIONS
        )
        accounts.user(f"{text.slug}-editor", groups=[group])
