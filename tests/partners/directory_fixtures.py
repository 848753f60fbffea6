"""Partners with types, sectors, places, languages and offers for the directory tests."""

from decimal import Decimal

from partners.models import InstitutionType, PartnerOffer, Sector, ServiceKind
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory


def term(model, slug, locale):
    return model.objects.get(slug=slug, locale=locale)


def make_partner(index, title, *, type=None, sectors=(), role="spoke", city="", country="",
                 latitude=None, longitude=None, languages=(), offers=(), **fields):  # fmt: skip
    """A live partner under ``index``; ``offers`` are (kind slug, note, capacity) triples."""
    locale = index.locale
    partner = PartnerPageFactory.build(
        title=title,
        slug=fields.pop("slug", None) or title.lower().replace(" ", "-"),
        institution_type=term(InstitutionType, type, locale) if type else None,
        hub_role=role,
        city=city,
        country_code=country,
        latitude=Decimal(str(latitude)) if latitude is not None else None,
        longitude=Decimal(str(longitude)) if longitude is not None else None,
        languages=list(languages),
        **fields,
    )
    partner.sectors = [term(Sector, slug, locale) for slug in sectors]
    partner.offers = [
        PartnerOffer(kind=term(ServiceKind, kind, locale), note=note, capacity=capacity,
                     booking_email="book@example.org")
        for kind, note, capacity in offers
    ]  # fmt: skip
    partner.locale = locale
    index.add_child(instance=partner)
    partner.save_revision().publish()
    return partner


def directory_hub(home):
    """Five partners in three countries."""
    index = PartnerIndexPageFactory(parent=home)
    partners = {
        "museo": make_partner(
            index, "Museo Civico", type="museum", sectors=["cultural-heritage"], city="Genova",
            country="IT", latitude=44.4, longitude=8.93, languages=["it", "en"],
            offers=[("exhibition-space", "Sale al piano terra", 120), ("reading-room", "", 20)],
        ),
        "archivio": make_partner(
            index, "Archivio di Stato", type="archive", sectors=["cultural-heritage"],
            city="Torino", country="IT", latitude=45.07, longitude=7.68, languages=["it"],
            offers=[("reading-room", "Su prenotazione", 30), ("digitisation-lab", "", None)],
        ),
        "fablab": make_partner(
            index, "Officina Digitale", type="creative-hub", sectors=["design", "software"],
            city="Torino", country="IT", latitude=45.05, longitude=7.66, languages=["it", "en"],
            offers=[("fab-lab", "Stampanti 3D e laser", 12), ("coworking", "", 40)],
            role="promoter",
        ),
        "tabakalera": make_partner(
            index, "Tabakalera", type="creative-hub", sectors=["contemporary-art"],
            city="San Sebastián", country="ES", latitude=43.3171, longitude=-1.9768,
            languages=["es", "eu"], offers=[("residency-studio", "Residenze d'artista", 6)],
            role="affiliate",
        ),
        "rete": make_partner(index, "Rete Europea", type="network", role="affiliate"),
    }  # fmt: skip
    return index, partners
