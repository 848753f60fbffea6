"""Partner institutions: the hubs of the seed documents and the open-data museums.

One record a partner in ``content/partners/``. Hubs described in the (Italian) seed documents
are written in Italian and translated into English; the institutions whose open data fills
the collections are written in English and translated into Italian. Facts come from the seed
documents or are the institutions' well-known public facts; addresses and websites are given
only where certain. Offers are taken from the services the profile already names, with no
capacity where none is known; "how to book" is the partner's website, the only booking
channel the sources name.

A city is written as the place names itself ("Torino", "Genova", "Bruxelles", "London") in
both languages, as event venues are, so one city has one spelling on every page and in the
directory's city filter. Every partner with a place is on the map: at its address where the
address is known, else at its city's centre (``content/places.yaml``, about 100 m); the two
without a place of their own (an EU-wide initiative and an online platform) are named under
the map as having none.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from partners.models import InstitutionType, PartnerOffer, PartnerPage, Sector, ServiceKind

from .base import Bi, Strings
from .records import add_pages, record, records


@cache
def city_centres():
    """City centres (WGS 84, the main square or the centre's landmark) by city name."""
    return record("places")["city_centres"]


@dataclass
class PartnerText:
    slug: str
    language: str
    title: Bi
    summary: Bi
    description: list
    services: list
    institution_type: str | None
    sectors: list
    hub_role: str
    city: Bi | None = None
    region: Bi | None = None
    country: Bi | None = None
    address: str = ""
    latitude: str | None = None
    longitude: str | None = None
    centre: str | None = None  # no address known: placed at this city's centre
    website: str = ""
    hero: str | None = None
    extra: dict = field(default_factory=dict)
    country_code: str = ""  # ISO 3166; none for an EU-wide initiative
    languages: list = field(default_factory=list)
    offers: list = field(default_factory=list)  # {kind: a ServiceKind slug, note, capacity}

    @property
    def name(self):
        return self.title.source

    @property
    def coordinates(self):
        """(latitude, longitude) as strings: the address's, else the city centre's, else
        (None, None)."""
        if self.latitude is not None:
            return self.latitude, self.longitude
        if self.centre is not None:
            return tuple(city_centres()[self.centre])
        return None, None

    @property
    def translation_language(self):
        return "en" if self.language == "it" else "it"


ALL_PARTNERS = records("partners", PartnerText)


def partner_page(text, images):
    """An unsaved PartnerPage in the text's source language, and its translation strings."""
    strings = Strings()
    institution_type = None
    if text.institution_type:
        institution_type = InstitutionType.objects.get(
            slug=text.institution_type, locale__language_code=text.language
        )
    latitude, longitude = text.coordinates
    page = PartnerPage(
        title=strings(text.title),
        slug=text.slug,
        summary=strings(text.summary),
        description=strings.rich(*text.description),
        services=strings.rich(("ul", text.services)),
        institution_type=institution_type,
        hub_role=text.hub_role,
        address=text.address,
        city=strings(text.city),
        region=strings(text.region),
        country=strings(text.country),
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
        website=text.website,
        hero_image=images.get(text.hero) if text.hero else None,
        country_code=text.country_code,
        languages=text.languages,
    )
    page.sectors = list(
        Sector.objects.filter(slug__in=text.sectors, locale__language_code=text.language)
    )
    kinds = {
        kind.slug: kind for kind in ServiceKind.objects.filter(locale__language_code=text.language)
    }
    page.offers = [
        PartnerOffer(
            kind=kinds[offer["kind"]],
            note=strings(offer.get("note")),
            capacity=offer.get("capacity"),
            booking_url=text.website,
        )
        for offer in text.offers
    ]
    return page, strings


def load_partners(indexes, images, stats):
    """Every partner page in its source language and its translation; source pages by slug.

    ``indexes`` maps a language code to that language's partner index page.
    """
    return add_pages(
        ALL_PARTNERS,
        parent_of=lambda text: indexes[text.language],
        build=lambda text: partner_page(text, images),
        languages_of=lambda text, parent, page: [text.translation_language],
        stats=stats,
        kind="partners",
    )
