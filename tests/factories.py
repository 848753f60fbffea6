"""Factories for the hub's pages, images and related objects.

Page factories take ``parent=`` (wagtail-factories adds the page as a child of it). The tree
of docs/architecture.md ("The page tree and ownership") is built by the fixtures in
``tests/conftest.py``; these factories only fill the fields each page type needs.
"""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection

from authorities.models import AgentPage, AuthorityIndexPage, PlacePage
from calls.models import CallIndexPage, CallKind, CallPage
from events.models import EventKind, EventPage, WhatsOnPage
from events.occurrences import refresh as refresh_occurrences
from heritage_collections.catalogue import refresh_catalogue
from heritage_collections.models import (
    CollectionIndexPage,
    CollectionPage,
    ItemImage,
    ItemPage,
    ObjectType,
)
from heritagehub.models import HeritageImage
from heritagehub.rights import RightsStatement
from home.models import FormField, FormPage, HomePage, StandardPage
from partners.models import JoinPage, PartnerIndexPage, PartnerPage
from stories.models import StoryIndexPage, StoryPage


class HeritageImageFactory(wagtail_factories.ImageFactory):
    """An image in the root media collection, with alt text, credit and rights."""

    class Meta:
        model = HeritageImage

    title = factory.Sequence(lambda n: f"Image {n}")
    # wagtail-factories would create a second root collection: use the existing root.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=40, height=30, color="teal")
    alt_text = factory.LazyAttribute(lambda obj: f"Alt text of {obj.title}")
    credit = "Test Museum"
    rights = RightsStatement.CC0


class HeritagePageFactory(wagtail_factories.PageFactory):
    """Base for the hub's page factories: a unique title and its slug."""

    class Meta:
        abstract = True

    slug = factory.LazyAttribute(lambda obj: slugify(obj.title))


class HomePageFactory(HeritagePageFactory):
    class Meta:
        model = HomePage

    title = "Heritage Hub"
    hero_heading = "Heritage of many institutions"


class CollectionIndexPageFactory(HeritagePageFactory):
    class Meta:
        model = CollectionIndexPage

    title = "Collezioni"
    slug = "collections"
    introduction = "Tutte le collezioni del polo."


class StoryIndexPageFactory(HeritagePageFactory):
    class Meta:
        model = StoryIndexPage

    title = "Storie"
    slug = "stories"
    introduction = "Le storie del polo."


class PartnerIndexPageFactory(HeritagePageFactory):
    class Meta:
        model = PartnerIndexPage

    title = "Partner"
    slug = "partners"
    introduction = "Le istituzioni del polo."


class PartnerPageFactory(HeritagePageFactory):
    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Istituto {n}")
    summary = "Un'istituzione culturale del polo."
    description = "<p>Archivio e museo.</p>"
    city = "Torino"
    country = "Italia"


class CollectionPageFactory(HeritagePageFactory):
    class Meta:
        model = CollectionPage

    title = factory.Sequence(lambda n: f"Collezione {n}")
    introduction = "Una collezione di prova."


class ItemPageFactory(HeritagePageFactory):
    class Meta:
        model = ItemPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Oggetto {n:05d}")
    identifier = factory.Sequence(lambda n: f"INV-{n:05d}")
    creator = "Anonimo"
    date_display = "c. 1890"
    date_start = 1885
    date_end = 1895
    description = "<p>Un oggetto della collezione.</p>"
    rights = RightsStatement.PUBLIC_DOMAIN_MARK
    credit_line = "Dono di un collezionista"
    object_type = factory.LazyFunction(
        lambda: ObjectType.objects.filter(slug="photograph", locale__language_code="it").first()
    )

    @factory.post_generation
    def catalogue(obj, create, extracted, **kwargs):
        """Factories make live pages without publishing them (no page_published signal):
        bring the item's catalogue entries up to date as publishing does."""
        if create:
            refresh_catalogue([obj.translation_key])


class StoryPageFactory(HeritagePageFactory):
    class Meta:
        model = StoryPage

    title = factory.Sequence(lambda n: f"Storia {n}")
    summary = "Una storia del polo."
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    author_name = "Redazione"


class StandardPageFactory(HeritagePageFactory):
    class Meta:
        model = StandardPage

    title = "Chi siamo"
    introduction = "Il polo in breve."
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Un polo di istituzioni culturali.</p>"}]
    )


class JoinPageFactory(HeritagePageFactory):
    class Meta:
        model = JoinPage

    title = "Entra nell'hub"
    slug = "join"
    introduction = "<p>Candida la tua istituzione.</p>"
    privacy_note = "<p>I dati servono solo a valutare la candidatura.</p>"


class FormPageFactory(HeritagePageFactory):
    class Meta:
        model = FormPage

    title = "Contatti"
    slug = "contact"
    introduction = "<p>Scrivici per diventare partner.</p>"
    thank_you_text = "<p>Grazie, ti risponderemo presto.</p>"
    subject = "Richiesta di partenariato"
    from_address = "noreply@heritagehub.local"


def add_item_image(item, image=None, caption="Fronte"):
    """Attach an image to an item (ItemImage rows are translatable: same locale as the item)."""
    image = image or HeritageImageFactory()
    item_image = ItemImage.objects.create(
        page=item, image=image, caption=caption, locale=item.locale, sort_order=0
    )
    refresh_catalogue([item.translation_key])
    return item_image


def add_form_fields(form_page):
    """The fields of a partnership enquiry: name, e-mail, message."""
    fields = [
        ("Nome", "singleline", True),
        ("Email", "email", True),
        ("Messaggio", "multiline", False),
    ]
    for order, (label, field_type, required) in enumerate(fields):
        FormField.objects.create(
            page=form_page,
            label=label,
            field_type=field_type,
            required=required,
            sort_order=order,
            locale=form_page.locale,
        )
    return form_page


def item_card_body(item, note="Da vedere"):
    """A story body with a paragraph and an embedded item card."""
    return [
        {"type": "paragraph", "value": "<p>Una storia con un oggetto.</p>"},
        {"type": "item_card", "value": {"item": item.pk, "note": note}},
    ]


TEST_PASSWORD = "heritagehub-test"


class UserFactory(factory.django.DjangoModelFactory):
    """An admin-less user; ``UserFactory(groups=[group, …])`` puts them in groups."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user-{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@example.org")
    password = factory.django.Password(TEST_PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


# --- Item CSV (heritage_collections.importing) ------------------------------------------------

ITEM_ROW = {
    "identifier": "CSV-001",
    "title": "Veduta del Po",
    "description": "Una veduta del fiume.",
    "object_type": "photograph",
    "creator": "Mario Gabinio",
    "date": "c. 1925",
    "date_start": "1920",
    "date_end": "1930",
    "place": "Torino",
    "latitude": "45.0703",
    "longitude": "7.6869",
    "materials": "Gelatina bromuro d'argento",
    "dimensions": "18 x 24 cm",
    "rights": "http://creativecommons.org/publicdomain/mark/1.0/",
    "credit_line": "Archivio Nazionale",
    "tags": "fiume; città",
    "source_url": "https://example.org/csv-001",
}


def item_row(number=1, **changes):
    """A valid Item CSV row (a dict by column) for identifier CSV-<number>."""
    row = dict(ITEM_ROW, identifier=f"CSV-{number:03d}", title=f"Veduta del Po {number}")
    row.update(changes)
    return row


def write_item_csv(path, rows, columns=None, encoding="utf-8"):
    """Write ``rows`` (dicts) as an Item CSV; the columns are the rows' keys unless given."""
    import csv

    columns = columns or list(dict.fromkeys(key for row in rows for key in row))
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, restval="", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


class CallIndexPageFactory(HeritagePageFactory):
    class Meta:
        model = CallIndexPage

    title = "Bandi e opportunità"
    slug = "calls"
    introduction = "Residenze, bandi, formazione e lavoro nel polo."


class CallPageFactory(HeritagePageFactory):
    """An open call: opened a week ago, closing in ten days, in Rome's time zone."""

    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"Bando {n}")
    summary = "Un'opportunità del polo."
    kind = factory.LazyFunction(
        lambda: CallKind.objects.get(slug="residency", locale__language_code="it")
    )
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    time_zone = "Europe/Rome"
    offer = "<p>Uno studio e una borsa.</p>"
    how_to_apply = "<p>Scrivete alla segreteria.</p>"


# The programme ------------------------------------------------------------------------------


def event_kind(slug, language_code="it"):
    return EventKind.objects.get(slug=slug, locale__language_code=language_code)


class WhatsOnPageFactory(HeritagePageFactory):
    class Meta:
        model = WhatsOnPage

    title = "In programma"
    slug = "whats-on"
    introduction = "Mostre, laboratori e incontri del polo."


class EventPageFactory(HeritagePageFactory):
    """A live event; its occurrences are built as publishing would build them."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Evento {n}")
    kind = factory.LazyFunction(lambda: event_kind("talk"))
    summary = "Un incontro del polo."
    start_date = datetime.date(2027, 3, 10)
    start_time = datetime.time(18, 0)
    end_time = datetime.time(20, 0)
    time_zone = "Europe/Rome"
    venue_name = "Sala grande"
    venue_city = "Torino"
    languages = "it"

    @factory.post_generation
    def occurrences(obj, create, extracted, **kwargs):
        if create:
            refresh_occurrences(obj.translation_key)


class AuthorityIndexPageFactory(HeritagePageFactory):
    class Meta:
        model = AuthorityIndexPage

    title = "Persone e luoghi"
    slug = "authorities"


class AgentPageFactory(HeritagePageFactory):
    class Meta:
        model = AgentPage

    title = factory.Sequence(lambda n: f"Artista {n}")
    kind = AgentPage.Kind.PERSON
    dates = "1775–1851"
    start_year = 1775
    end_year = 1851
    occupation = "pittore"
    biography = "<p>Un artista.</p>"


class PlacePageFactory(HeritagePageFactory):
    class Meta:
        model = PlacePage

    title = factory.Sequence(lambda n: f"Luogo {n}")
    place_kind = PlacePage.Kind.SETTLEMENT
    latitude = "45.440800"
    longitude = "12.315500"
