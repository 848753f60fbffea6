"""The admin API's images and documents, narrowed for partner editors.

Wagtail's admin API (``/admin/api/main/images/``, ``…/documents/``) lists every image and
document of the hub to any admin user, titles included, whatever their collections. For
users whose rights do not cover the whole tree it lists what they have a right on: their
partner's media collection. Registered in place of Wagtail's endpoints (imported by
``PartnersConfig.ready``).
"""

from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from partners.permissions import sees_whole_tree

MEDIA_ACTIONS = ("add", "change", "delete", "choose")


def visible_media(request, queryset):
    if sees_whole_tree(request.user):
        return queryset
    policy = policy_registry.get_by_type(queryset.model)
    allowed = policy.instances_user_has_any_permission_for(request.user, MEDIA_ACTIONS)
    return queryset.filter(pk__in=allowed.values("pk"))


class PartnerImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return visible_media(self.request, super().get_queryset())


class PartnerDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return visible_media(self.request, super().get_queryset())


@hooks.register("construct_admin_api", order=100)
def narrow_admin_api_media(router):
    """After Wagtail's own hooks (order 0), which register the endpoints listing all."""
    router.register_endpoint("images", PartnerImagesAdminAPIViewSet)
    router.register_endpoint("documents", PartnerDocumentsAdminAPIViewSet)
