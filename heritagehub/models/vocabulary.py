"""Controlled vocabularies that editors pick from and visitors filter by."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from heritagehub.authority_uris import canonical_uri


class VocabularyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A translatable term: its name is what a visitor sees, in their own language.

    The slug is the same in every language, so a facet in a URL means the same term
    whichever language the visitor reads. So is the URI, which ties the term to the
    concept of a Linked Open Data vocabulary (Getty AAT, Wikidata: heritagehub.authority_uris):
    harvesters such as Europeana read it as the term's identity, and its names in every
    language as the concept's labels.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    uri = models.CharField(
        _("URI"),
        max_length=200,
        blank=True,
        help_text=_(
            "The same concept in Getty AAT or Wikidata, e.g. "
            "http://vocab.getty.edu/aat/300033618. Leave empty when unsure."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("uri"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]
    override_translatable_fields = [
        SynchronizedField("slug"),
        SynchronizedField("uri"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        try:
            self.uri = canonical_uri(self.uri)
        except ValidationError as error:
            raise ValidationError({"uri": error}) from error
