"""The "Join the hub" page: an institution applies to become a partner."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from heritagehub.i18n import url_in_language
from heritagehub.models import HeritagePage

from . import views


class JoinPage(RoutablePageMixin, HeritagePage):
    """The public application to join the hub, with the hub's own words around the form.

    The form itself (fields, checks, the honeypot and the rate limit) is code
    (``partners.joining.forms``), the same in every language; editors write the
    introduction, what partners get and the privacy note. Applications wait for the
    moderators in the admin (*Partners → Applications to join*).
    """

    # How institutions join is a section of the site: in the main menu from the start.
    show_in_menus_default = True

    introduction = RichTextField(_("introduction"), blank=True)
    privacy_note = RichTextField(
        _("privacy note"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Shown next to the consent box: who keeps the applicant's data, why and how long."
        ),
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    content_panels = HeritagePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("privacy_note"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = HeritagePage.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction"), APIField("privacy_note")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("join the hub page")

    def thanks_url(self, language_code=None):
        return url_in_language(self, language_code) + self.reverse_subpage("thanks")

    @path("", name="join")
    def join(self, request):
        return views.join(request, self)

    @path("thanks/", name="thanks")
    def thanks(self, request):
        return views.thanks(request, self)
