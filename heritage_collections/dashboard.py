"""The partner editor's dashboard: their items that need work (no image, rights not given).

A panel of its own beside the partners app's "Start here" (partners.dashboard), since the
partners app does not know items. At most four queries whatever the number of items: the
partner pages, the counts, and the first few items of each kind to fix.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from heritage_collections.models import ItemImage, ItemPage
from heritagehub.rights import RightsStatement
from heritagehub.tree import below
from partners.dashboard import PartnerSpacesPanel

ITEMS_LISTED = 5
RIGHTS_MISSING = Q(rights="") | Q(rights=RightsStatement.NOT_EVALUATED)


def items_of(partner_pages):
    subtree = Q()
    for page in partner_pages:
        subtree |= below(page.path, inclusive=True)
    if not subtree:
        return ItemPage.objects.none()
    has_image = Exists(ItemImage.objects.filter(page_id=OuterRef("pk")))
    return ItemPage.objects.filter(subtree).annotate(has_image=has_image)


class ItemAttentionPanel(PartnerSpacesPanel):
    """'Items to complete': how many of the partner's items lack an image or rights."""

    name = "partner_items"
    template_name = "heritage_collections/admin/items_attention_panel.html"
    order = 45

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        partner_pages = list(self.partner_pages().only("pk", "path", "depth"))
        items = items_of(partner_pages)
        counts = items.aggregate(
            total=Count("pk"),
            without_image=Count("pk", filter=Q(has_image=False)),
            without_rights=Count("pk", filter=RIGHTS_MISSING),
        )

        def first(condition):
            return [
                {
                    "title": item.title,
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[item.pk]),
                }
                for item in items.filter(condition)
                .only("pk", "title")
                .order_by("title", "pk")[:ITEMS_LISTED]
            ]

        context.update(
            {
                "counts": counts,
                "without_image": first(Q(has_image=False)) if counts["without_image"] else [],
                "without_rights": first(RIGHTS_MISSING) if counts["without_rights"] else [],
                "heading": _("Items to complete"),
            }
        )
        return context
