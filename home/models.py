"""The home page and the hub's own plain pages: about, accessibility, contact."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from heritagehub.blocks import BaseContentBlock
from heritagehub.covers import choose_covers
from heritagehub.i18n import localize_pages
from heritagehub.models import HeritagePage, HeritagePageMixin, optional_image
from heritagehub.ratelimit import RateLimit
from heritagehub.spam import HONEYPOT_NAME, honeypot_field, honeypot_filled

from .linked_data import home_data

# The longest answer a contact form takes in one field (Wagtail sets none for multi-line).
MAX_ANSWER_LENGTH = 10_000


def featured_pages_block(page_type, verbose_name):
    return StreamField(
        [("page", blocks.PageChooserBlock(page_type=page_type, label=_("page")))],
        blank=True,
        verbose_name=verbose_name,
    )


class HomePage(HeritagePage):
    """The hub's front door in each language: what it is, and what to see first."""

    hero_heading = models.CharField(_("hero heading"), max_length=200, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = optional_image(_("hero image"))
    introduction = RichTextField(_("introduction"), blank=True)
    featured_collections = featured_pages_block(
        "heritage_collections.CollectionPage", _("featured collections")
    )
    featured_stories = featured_pages_block("stories.StoryPage", _("featured stories"))
    featured_partners = featured_pages_block("partners.PartnerPage", _("featured partners"))

    content_panels = HeritagePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("introduction"),
        FieldPanel("featured_collections"),
        FieldPanel("featured_stories"),
        FieldPanel("featured_partners"),
    ]
    search_fields = HeritagePage.search_fields + [index.SearchField("introduction")]
    api_fields = [
        APIField("hero_heading"),
        APIField("hero_text"),
        APIField("hero_image"),
        APIField("introduction"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "heritage_collections.CollectionIndexPage",
        "stories.StoryIndexPage",
        "partners.PartnerIndexPage",
        "events.WhatsOnPage",
        "calls.CallIndexPage",
        "home.StandardPage",
        "home.FormPage",
        "partners.JoinPage",
        "authorities.AuthorityIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    # What each featured card shows beyond the page itself, fetched once for all cards.
    FEATURED_PREFETCH = {
        "featured_collections": ["cover_image__renditions"],
        "featured_stories": ["hero_image__renditions"],
        "featured_partners": ["logo__renditions", "institution_type"],
    }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cards without a picture of their own borrow one from their items, never one the
        # page already shows (the hero's included).
        shown = {self.hero_image_id} if self.hero_image_id else set()
        for name, lookups in self.FEATURED_PREFETCH.items():
            chosen = [block.value for block in getattr(self, name) if block.value]
            pages = localize_pages(chosen)
            prefetch_related_objects(pages, *lookups)
            context[name] = choose_covers(pages, used=shown)
        return context

    def structured_data(self, request, context):
        return home_data(self, request, context)


class StandardPage(HeritagePage):
    """A plain page of the hub: about, accessibility statement, privacy."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseContentBlock(), verbose_name=_("body"), blank=True)

    content_panels = HeritagePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = HeritagePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


def enquiry_rate_limit():
    return RateLimit(
        "enquiries", limit=settings.ENQUIRY_RATE_LIMIT, window=settings.ENQUIRY_RATE_WINDOW
    )


class FormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("home.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class FormPage(HeritagePageMixin, AbstractEmailForm):
    """The partnership enquiry and contact form: submissions are stored and e-mailed to the hub."""

    # Visitors look for the contact form in the main menu, not the footer.
    show_in_menus_default = True

    introduction = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    override_translatable_fields = HeritagePageMixin.override_translatable_fields
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        for field in form.fields.values():
            # Multi-line answers have no limit in Wagtail: an enquiry is not a book.
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = MAX_ANSWER_LENGTH
                field.validators.append(MaxLengthValidator(MAX_ANSWER_LENGTH))
                field.widget.attrs["maxlength"] = str(MAX_ANSWER_LENGTH)
        form.fields[HONEYPOT_NAME] = honeypot_field()
        form.honeypot_name = HONEYPOT_NAME
        return form

    def process_form_submission(self, form):
        # The (empty) honeypot is no part of the enquiry: neither stored nor e-mailed.
        form.cleaned_data.pop(HONEYPOT_NAME, None)
        return super().process_form_submission(form)

    def serve(self, request, *args, **kwargs):
        """Wagtail's form handling behind a per-client rate limit and the honeypot.

        A client past ``ENQUIRY_RATE_LIMIT`` submissions in ``ENQUIRY_RATE_WINDOW`` seconds gets
        the form back as typed, with status 429; a filled-in honeypot gets the thank-you page
        with nothing stored or e-mailed (heritagehub.spam).
        """
        if request.method == "POST":
            if enquiry_rate_limit().exceeded(request):
                return self.serve_rate_limited(request)
            if honeypot_filled(request.POST):
                return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        # Reached by enquiries sent and by honeypot catches: they count towards the limit,
        # forms sent back for a person to correct do not (nor do previews).
        if request.method == "POST":
            enquiry_rate_limit().hit(request)
        return super().render_landing_page(request, form_submission, *args, **kwargs)

    def serve_rate_limited(self, request):
        context = self.get_context(request)
        context["form"] = self.get_form(initial=request.POST.dict(), page=self, user=request.user)
        context["rate_limited"] = True
        return TemplateResponse(request, self.get_template(request), context, status=429)

    def save(self, *args, **kwargs):
        # Enquiries reach the hub even when the editor leaves the address empty.
        if not self.to_address:
            self.to_address = settings.HUB_CONTACT_EMAIL
        return super().save(*args, **kwargs)
