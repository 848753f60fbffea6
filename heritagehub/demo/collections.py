"""Collections and items of the open-data partners: Tate's records and the museums' images.

Items are catalogue records in English, their source language, and stay untranslated:
every locale reaches them through the fallback routing of ``heritagehub.i18n``. The
collection pages are translated into Italian.
"""

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from heritage_collections.models import CollectionPage, ItemImage, ItemPage, ObjectType
from heritagehub.rights import RightsStatement

from .base import Bi, DemoDataError, Strings, child_by_slug, ensure_child, publish_new_child
from .images import IMAGES, item_credit_of, read_manifest, rights_of, source_url_of
from .places import coordinates_of

TATE_DEMO_FILE = "tate/tate_demo_2000.jsonl"
TATE_ARTISTS_FILE = "tate/tate_artists.jsonl"

OBJECT_TYPE_BY_CLASSIFICATION = {
    "painting": "painting",
    "on paper, print": "print",
    "on paper, unique": "drawing",
    "sculpture": "sculpture",
    "relief": "sculpture",
    "installation": "installation",
    "block for printing": "object",
    "supporting material": "document",
}

TURNER = "Joseph Mallord William Turner"

# Tate records the stories show as item cards or related items: always loaded.
TATE_REQUIRED = {
    "P05399",  # Gerd Winner, West Embankment Warehouse
    "P03047",  # C.R.W. Nevinson, Acetylene Welding
    "P03021",  # George Clausen, Making Guns: The Radial Crane
    "D36410",  # De Loutherbourg, The Engine Building at John Morris's Fforest Copper Works
    "D00287",  # Turner, The Interior of a Mill or Foundry
    "N05503",  # Turner, An Artists' Colourman's Workshop
    "T07013",  # Germaine Richier, Storm Man
    "P80147",  # Don McCullin, West Berliners Looking East
    "P12402",  # John Walker, Page 6, State I (Passing Bells)
    "D14542",  # Turner, View of Bologna, with the Torre Asinelli
    "D14214",  # Turner, San Filippo Neri, Turin
    "D14188",  # Turner, River Po, from the Southern Outskirts of Turin
    "D16669",  # Turner, Studies of Figures at Turin
    "D21423",  # Turner, View of Genoa
    "D29398",  # Turner, Harbour, Genoa, with Shipping
    "D21308",  # Turner, In the Harbour, Genoa
    "D29391",  # Turner, Genoa, from the Harbour
}


@dataclass
class CollectionText:
    slug: str
    title: Bi
    introduction: Bi
    description: list
    cover: str | None = None  # image file name


@dataclass
class TateCollection(CollectionText):
    select: object = None  # record -> bool
    limit: int | None = None
    records: list = field(default_factory=list)


def _places(record):
    return [leaf for leaf in _subject_leaves(record) if leaf[0] == "places"]


def _is_turner_in_italy(record):
    return (
        record.get("classification") == "on paper, unique"
        and record.get("all_artists") == TURNER
        and any(leaf[-1] == "Italy" for leaf in _places(record))
    )


TATE_TEXT_INTRO = Bi(
    "The records come from the collection metadata Tate published as open data (CC0), as it "
    "stood in 2014. Pictures of the works are not part of the open data: each record links to "
    "the work's page on Tate's website.",
    "Le schede provengono dai metadati delle collezioni che la Tate ha pubblicato come dati "
    "aperti (CC0), nella versione del 2014. Le immagini delle opere non fanno parte dei dati "
    "aperti: ogni scheda rimanda alla pagina dell'opera sul sito della Tate.",
)

TATE_COLLECTIONS = [
    TateCollection(
        slug="turner-in-italy",
        title=Bi("Turner in Italy", "Turner in Italia"),
        introduction=Bi(
            "Pencil sketches, watercolours and colour studies that J.M.W. Turner made on his "
            "journeys through Italy, from Turin and Genoa to Venice, Rome and Naples.",
            "Schizzi a matita, acquerelli e studi di colore realizzati da J.M.W. Turner durante "
            "i suoi viaggi in Italia, da Torino e Genova fino a Venezia, Roma e Napoli.",
        ),
        description=[
            Bi(
                "Turner crossed the Alps to Italy for the first time in 1819 and returned "
                "several times. He filled small pocket sketchbooks with rapid pencil notes of "
                "streets, harbours, churches and skylines, and worked some of them up into "
                "watercolours back in London.",
                "Turner attraversò le Alpi per la prima volta nel 1819 e tornò in Italia più "
                "volte. Riempiva piccoli taccuini tascabili di rapidi appunti a matita di "
                "strade, porti, chiese e profili di città, e alcuni li rielaborava poi ad "
                "acquerello a Londra.",
            ),
            Bi(
                "Most of these sheets came to the nation with the Turner Bequest after the "
                "artist's death in 1851.",
                "La maggior parte di questi fogli è entrata nelle collezioni pubbliche "
                "britanniche con il lascito Turner, dopo la morte dell'artista nel 1851.",
            ),
            TATE_TEXT_INTRO,
        ],
        select=_is_turner_in_italy,
    ),
    TateCollection(
        slug="paintings",
        title=Bi("Paintings", "Dipinti"),
        introduction=Bi(
            "Paintings from Tate's national collection of British art and of international "
            "modern and contemporary art, from the sixteenth century to today.",
            "Dipinti dalla collezione nazionale di arte britannica della Tate e dalla sua "
            "raccolta di arte moderna e contemporanea internazionale, dal Cinquecento a oggi.",
        ),
        description=[
            Bi(
                "Portraits, landscapes, history paintings and abstract canvases appear here side "
                "by side, each with the catalogue facts Tate records: date, medium, dimensions "
                "and how the work entered the collection.",
                "Ritratti, paesaggi, dipinti di storia e tele astratte sono presentati uno "
                "accanto all'altro, ciascuno con i dati di catalogo registrati dalla Tate: "
                "data, tecnica, misure e modalità di acquisizione.",
            ),
            TATE_TEXT_INTRO,
        ],
        select=lambda record: record.get("classification") == "painting",
    ),
    TateCollection(
        slug="sculpture-and-installations",
        title=Bi("Sculpture, reliefs and installations", "Sculture, rilievi e installazioni"),
        introduction=Bi(
            "Three-dimensional works from Tate's collection: bronzes and carvings, reliefs, and "
            "installations made of everyday materials.",
            "Opere tridimensionali dalla collezione della Tate: bronzi e sculture intagliate, "
            "rilievi e installazioni realizzate con materiali di uso quotidiano.",
        ),
        description=[
            Bi(
                "From Victorian bronzes to works by Joseph Beuys and contemporary installations "
                "whose dimensions depend on how they are displayed.",
                "Dai bronzi dell'età vittoriana alle opere di Joseph Beuys, fino a installazioni "
                "contemporanee le cui dimensioni cambiano secondo l'allestimento.",
            ),
            TATE_TEXT_INTRO,
        ],
        select=lambda record: (
            record.get("classification") in {"sculpture", "relief", "installation"}
        ),
    ),
    TateCollection(
        slug="prints",
        title=Bi("Prints", "Stampe"),
        introduction=Bi(
            "Etchings, engravings, lithographs and screenprints, from reproductive engravings "
            "after Turner to the printmaking of British Pop and after.",
            "Acqueforti, incisioni, litografie e serigrafie: dalle incisioni di traduzione dalle "
            "opere di Turner alla grafica della Pop Art britannica e oltre.",
        ),
        description=[
            Bi(
                "A selection of one hundred printed works from the demonstration sample of "
                "Tate's open data.",
                "Una selezione di cento opere a stampa dal campione dimostrativo dei dati "
                "aperti della Tate.",
            ),
            TATE_TEXT_INTRO,
        ],
        select=lambda record: record.get("classification") == "on paper, print",
        limit=100,
    ),
    TateCollection(
        slug="drawings-and-watercolours",
        title=Bi("Drawings and watercolours", "Disegni e acquerelli"),
        introduction=Bi(
            "Unique works on paper: studies, sketchbook pages and finished watercolours.",
            "Opere uniche su carta: studi, pagine di taccuino e acquerelli finiti.",
        ),
        description=[
            Bi(
                "Sketchbook pages by Turner from his travels in Britain and Northern Europe sit "
                "beside drawings by other British artists, caricatures and preparatory studies.",
                "Le pagine dei taccuini di Turner dai viaggi in Gran Bretagna e nel Nord Europa "
                "si affiancano ai disegni di altri artisti britannici, a caricature e a studi "
                "preparatori.",
            ),
            TATE_TEXT_INTRO,
        ],
        select=lambda record: record.get("classification") == "on paper, unique",
        limit=90,
    ),
]

MUSEUM_COLLECTIONS = {
    "art-institute-of-chicago": [
        CollectionText(
            slug="four-continents",
            title=Bi(
                "Prints, paintings and sculpture from four continents",
                "Stampe, dipinti e sculture da quattro continenti",
            ),
            introduction=Bi(
                "Five public-domain works from the Art Institute of Chicago: Japanese prints, "
                "a Van Gogh interior, a Fang carving and a Moche portrait vessel.",
                "Cinque opere di pubblico dominio dell'Art Institute of Chicago: stampe "
                "giapponesi, un interno di Van Gogh, una scultura fang e un vaso ritratto moche.",
            ),
            description=[
                Bi(
                    "The pictures shown are palette-reduced derivatives of the museum's open "
                    "access photographs, made for the Art Breaker 3000 project; each record "
                    "links to the work's page on the museum's website.",
                    "Le immagini sono derivati a tavolozza ridotta delle fotografie open access "
                    "del museo, realizzati per il progetto Art Breaker 3000; ogni scheda rimanda "
                    "alla pagina dell'opera sul sito del museo.",
                ),
            ],
            cover="ab_artic_24645.png",
        ),
    ],
    "cleveland-museum-of-art": [
        CollectionText(
            slug="europe-india-japan",
            title=Bi("Painting in Europe, India and Japan", "Pittura in Europa, India e Giappone"),
            introduction=Bi(
                "From a Van Gogh street scene to Indian devotional painting and a Japanese "
                "warrior portrait: five open access works from Cleveland.",
                "Da una strada dipinta da Van Gogh alla pittura devozionale indiana e al ritratto "
                "di un guerriero giapponese: cinque opere open access da Cleveland.",
            ),
            description=[
                Bi(
                    "The pictures shown are palette-reduced derivatives of the museum's open "
                    "access photographs, made for the Art Breaker 3000 project.",
                    "Le immagini sono derivati a tavolozza ridotta delle fotografie open access "
                    "del museo, realizzati per il progetto Art Breaker 3000.",
                ),
            ],
            cover="ab_clevelandart_1947.209.png",
        ),
    ],
    "metropolitan-museum-of-art": [
        CollectionText(
            slug="ancient-worlds",
            title=Bi(
                "Ancient worlds: Greece, Babylon and the Maya",
                "Mondi antichi: Grecia, Babilonia e i Maya",
            ),
            introduction=Bi(
                "A Panathenaic prize amphora, a marble akroterion, a glazed-brick lion from "
                "Babylon and a signed Maya relief.",
                "Un'anfora panatenaica, un acroterio in marmo, un leone in mattoni invetriati da "
                "Babilonia e un rilievo maya firmato.",
            ),
            description=[
                Bi(
                    "Four objects that show how ancient societies used images in public life: "
                    "as prizes, as architecture and as records of power.",
                    "Quattro oggetti che mostrano come le società antiche usavano le immagini "
                    "nella vita pubblica: come premi, come architettura e come memoria del "
                    "potere.",
                ),
                Bi(
                    "The pictures shown are palette-reduced derivatives of The Met's open access "
                    "photographs, made for the Art Breaker 3000 project.",
                    "Le immagini sono derivati a tavolozza ridotta delle fotografie open access "
                    "del Met, realizzati per il progetto Art Breaker 3000.",
                ),
            ],
            cover="ab_metmuseum_322585.png",
        ),
        CollectionText(
            slug="paintings-tapestries-ceramics",
            title=Bi(
                "Paintings, tapestries and ceramics, 1449–1889",
                "Dipinti, arazzi e ceramiche, 1449–1889",
            ),
            introduction=Bi(
                "From a goldsmith's shop in Bruges to a Korean official's portrait and Van "
                "Gogh's cypresses.",
                "Dalla bottega di un orafo a Bruges al ritratto di un funzionario coreano e ai "
                "cipressi di Van Gogh.",
            ),
            description=[
                Bi(
                    "The pictures shown are palette-reduced derivatives of The Met's open access "
                    "photographs, made for the Art Breaker 3000 project.",
                    "Le immagini sono derivati a tavolozza ridotta delle fotografie open access "
                    "del Met, realizzati per il progetto Art Breaker 3000.",
                ),
            ],
            cover="ab_metmuseum_459052.png",
        ),
    ],
    "national-gallery-of-art": [
        CollectionText(
            slug="fifteenth-century-portraits",
            title=Bi("Fifteenth-century portraits", "Ritratti del Quattrocento"),
            introduction=Bi(
                "Two portraits of women painted in Florence and in the Netherlands a few years "
                "apart.",
                "Due ritratti femminili dipinti a Firenze e nelle Fiandre a pochi anni di "
                "distanza.",
            ),
            description=[
                Bi(
                    "Leonardo da Vinci and Rogier van der Weyden approached the portrait in very "
                    "different ways: one sets his sitter in a landscape, the other isolates her "
                    "against a dark ground.",
                    "Leonardo da Vinci e Rogier van der Weyden affrontano il ritratto in modi "
                    "molto diversi: il primo colloca la sua modella in un paesaggio, il secondo "
                    "la isola su un fondo scuro.",
                ),
            ],
            cover="ab_nga_50724.png",
        ),
    ],
    "smithsonian-american-art-museum": [
        CollectionText(
            slug="american-landscapes",
            title=Bi("American landscapes", "Paesaggi americani"),
            introduction=Bi(
                "Two visions of nature in nineteenth-century American painting: Bierstadt's "
                "panoramic West and Ryder's small moonlit sea.",
                "Due visioni della natura nella pittura americana dell'Ottocento: il West "
                "panoramico di Bierstadt e il piccolo mare al chiaro di luna di Ryder.",
            ),
            description=[
                Bi(
                    "Both works are in the public domain and part of the Smithsonian's open "
                    "access collections.",
                    "Entrambe le opere sono di pubblico dominio e fanno parte delle collezioni "
                    "open access della Smithsonian.",
                ),
            ],
            cover="anim8_landscape.jpg",
        ),
    ],
    "library-of-congress": [
        CollectionText(
            slug="street-photographs-1920",
            title=Bi("Street photographs, about 1920", "Fotografie di strada, 1920 circa"),
            introduction=Bi(
                "Everyday life in the street, from the subject files of the Prints and "
                "Photographs Division.",
                "La vita quotidiana per strada, dagli archivi per soggetto della divisione "
                "Stampe e fotografie.",
            ),
            description=[
                Bi(
                    "The two photographs were reused by the Library's Seeing Lost Enclaves "
                    "project, which released its code and images under CC0.",
                    "Le due fotografie sono state riutilizzate dal progetto Seeing Lost Enclaves "
                    "della Biblioteca, che ha pubblicato codice e immagini con licenza CC0.",
                ),
            ],
            cover="loc_fishmonger.jpg",
        ),
    ],
    "brooklyn-museum": [
        CollectionText(
            slug="ancient-coins",
            title=Bi("Ancient coins", "Monete antiche"),
            introduction=Bi(
                "Greek coins from Pompeii, photographed for study.",
                "Monete greche da Pompei, fotografate a scopo di studio.",
            ),
            description=[
                Bi(
                    "A photograph with no known copyright restrictions, widely used as sample "
                    "data in image-processing software.",
                    "Una fotografia senza restrizioni di copyright note, molto usata come dato "
                    "di esempio nei programmi di elaborazione delle immagini.",
                ),
            ],
            cover="skimage_coins.png",
        ),
    ],
    "nasa": [
        CollectionText(
            slug="astronaut-portraits",
            title=Bi("Astronaut portraits", "Ritratti di astronauti"),
            introduction=Bi(
                "Official portraits from the history of human spaceflight.",
                "Ritratti ufficiali dalla storia del volo spaziale umano.",
            ),
            description=[
                Bi(
                    "Photographs made by NASA are generally not protected by copyright in the "
                    "United States.",
                    "Le fotografie realizzate dalla NASA in genere non sono protette da diritto "
                    "d'autore negli Stati Uniti.",
                ),
            ],
            cover="skimage_astronaut.png",
        ),
    ],
    "wikimedia-commons": [
        CollectionText(
            slug="paintings",
            title=Bi("Paintings", "Dipinti"),
            introduction=Bi(
                "Reproductions of public-domain paintings by Leonardo, Vermeer and Signac, "
                "published on Wikimedia Commons.",
                "Riproduzioni di dipinti di pubblico dominio di Leonardo, Vermeer e Signac, "
                "pubblicate su Wikimedia Commons.",
            ),
            description=[
                Bi(
                    "Each record names the institution that holds the painting where it is "
                    "known; the file itself comes from Wikimedia Commons.",
                    "Ogni scheda indica, quando è nota, l'istituzione che conserva il dipinto; "
                    "il file proviene da Wikimedia Commons.",
                ),
            ],
            cover="pfvc_calanque.jpg",
        ),
        CollectionText(
            slug="photographs-and-prints",
            title=Bi("Photographs and prints", "Fotografie e stampe"),
            introduction=Bi(
                "Historic portrait photographs and a botanical plate, from archives and "
                "libraries that share their holdings on Wikimedia Commons.",
                "Ritratti fotografici storici e una tavola botanica, da archivi e biblioteche "
                "che condividono i loro fondi su Wikimedia Commons.",
            ),
            description=[
                Bi(
                    "The photographs come from the American Colony in Jerusalem, the Fonds "
                    "Trutat in Toulouse and the Bibliothèque nationale de France; the plate "
                    "from the Biodiversity Heritage Library.",
                    "Le fotografie provengono dall'American Colony di Gerusalemme, dal Fonds "
                    "Trutat di Tolosa e dalla Bibliothèque nationale de France; la tavola dalla "
                    "Biodiversity Heritage Library.",
                ),
            ],
            cover="pfvc_renoir.jpg",
        ),
    ],
}


# --- Tate records ------------------------------------------------------------------------


def _subject_leaves(record):
    """Paths below the subject root, e.g. ``["places", "countries and continents", "Italy"]``."""

    def walk(node, path):
        children = node.get("children")
        if not children:
            yield path
            return
        for child in children:
            yield from walk(child, path + [child["name"]])

    subjects = record.get("subjects")
    return [leaf for leaf in walk(subjects, []) if leaf] if subjects else []


def _clean(name):
    return name.replace(" - non-specific", "").strip()


def tate_place(record):
    """The most specific place among the record's subjects (a town before a country)."""

    def rank(path):
        category = path[1] if len(path) > 1 else ""
        if "cities" in category or "London" in category or "towns" in category:
            return 0
        if "countries" in category and "UK" not in category:
            return 2
        return 1

    places = [path for path in _places(record) if len(path) > 1]
    return _clean(min(places, key=rank)[-1])[:200] if places else ""


def tate_tags(record, limit=5):
    """A few tags: the record's art movements, then the leaf names of its subjects."""
    names = [movement["name"] for movement in record.get("movements") or []]
    names += [path[-1] for path in _subject_leaves(record) if path[0] != "places"]
    tags = []
    for name in names:
        name = _clean(name)
        if not name or "," in name or len(name) > 50 or name.lower() in tags:
            continue
        tags.append(name.lower())
        if len(tags) == limit:
            break
    return tags


_DEATH = re.compile(r"[–-]\s*(?:c\.\s*)?(\d{3,4})\s*$")


def read_tate_artists(data_dir):
    """Death years of Tate's artists by artist id (None when unknown or alive in 2014)."""
    path = data_dir / TATE_ARTISTS_FILE
    deaths = {}
    if not path.is_file():
        return deaths
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            artist = json.loads(line)
            death = ((artist.get("death") or {}).get("time") or {}).get("startYear")
            deaths[artist["id"]] = death
    return deaths


def tate_rights(record, deaths, this_year=None):
    """The rights statement of the *work* a Tate record describes (its metadata is CC0).

    Rule, in the EU's terms (protection lasts 70 years after the end of the year the
    author died):

    1. When the death year of every contributor is known (``tate_artists.jsonl``, else the
       contributor's own dates such as "1775–1851"), the work is public domain (Public Domain
       Mark) if the last of them died more than 70 years before this year, otherwise In
       Copyright.
    2. When some contributor's death is not known (a living artist, "British School"), a
       work made before 1880 (``dateRange.endYear`` < 1880) is taken as public domain: no one
       active then can have died less than 70 years ago. Any other work is In Copyright,
       which is also the answer for undated works by unknown hands.
    """
    this_year = this_year or date.today().year
    years = []
    for contributor in record.get("contributors") or []:
        death = deaths.get(contributor.get("id"))
        if death is None:
            match = _DEATH.search(contributor.get("date") or "")
            death = int(match.group(1)) if match else None
        if death is None:
            years = None
            break
        years.append(death)
    if years:
        if max(years) + 70 < this_year:
            return RightsStatement.PUBLIC_DOMAIN_MARK
        return RightsStatement.IN_COPYRIGHT
    end = (record.get("dateRange") or {}).get("endYear")
    if end is not None and end < 1880:
        return RightsStatement.PUBLIC_DOMAIN_MARK
    return RightsStatement.IN_COPYRIGHT


def read_tate_records(data_dir):
    path = data_dir / TATE_DEMO_FILE
    if not path.is_file():
        raise DemoDataError(f"Tate data not found: {path}")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def assign_tate_records(records):
    """Fill each Tate collection with its records; a record goes to the first that takes it.

    Capped collections take the records the stories need, then a fixed pseudo-random sample
    of titled records, so every run loads the same items.
    """
    taken = set()
    for collection in TATE_COLLECTIONS:
        candidates = [
            r for r in records if r["acno"] not in taken and r.get("title") and collection.select(r)
        ]
        if collection.limit is not None and len(candidates) > collection.limit:
            required = [r for r in candidates if r["acno"] in TATE_REQUIRED]
            rest = [
                r
                for r in candidates
                if r["acno"] not in TATE_REQUIRED and not r["title"].startswith("[")
            ]
            rest.sort(key=lambda r: r["acno"])
            sample = random.Random(1897).sample(rest, collection.limit - len(required))
            candidates = required + sample
        collection.records = sorted(candidates, key=lambda r: r["acno"])
        taken.update(r["acno"] for r in collection.records)
    missing = TATE_REQUIRED - taken
    if missing:
        raise DemoDataError(f"Tate records needed by the stories are missing: {sorted(missing)}")


def _one_line(text, limit):
    return " ".join((text or "").split())[:limit]


def tate_fields(record, deaths):
    """An item's field values from a Tate record (``object_type`` as its slug)."""
    date_range = record.get("dateRange") or {}
    group = (record.get("catalogueGroup") or {}).get("shortTitle")
    description = ""
    if group:
        description = f"<p>Part of the catalogue group “{escape(group)}” at Tate.</p>"
    acno = record["acno"]
    title = _one_line(record["title"], 255)
    return {
        "title": title,
        "slug": f"{slugify(title)[:60].strip('-') or 'untitled'}-{acno.lower()}",
        "identifier": acno,
        "object_type": OBJECT_TYPE_BY_CLASSIFICATION.get(record.get("classification")),
        "creator": _one_line(record.get("all_artists"), 255),
        "date_display": _one_line(record.get("dateText"), 100),
        "date_start": date_range.get("startYear"),
        "date_end": date_range.get("endYear"),
        "place_name": tate_place(record),
        "materials": _one_line(record.get("medium"), 400),
        "dimensions": "; ".join(
            line.strip() for line in (record.get("dimensions") or "").splitlines() if line.strip()
        )[:255],
        "description": description,
        "rights": tate_rights(record, deaths),
        "credit_line": _one_line(record.get("creditLine"), 400),
        "source_url": record.get("url") or "",
    }


def tate_item(record, deaths, object_types):
    fields = tate_fields(record, deaths)
    item = ItemPage(**{**fields, "object_type": object_types.get(fields["object_type"])})
    item.latitude, item.longitude = coordinates_of(fields["place_name"])
    item.tags.add(*tate_tags(record))
    return item


# --- loading ---------------------------------------------------------------------------------


def collection_strings(text):
    strings = Strings()
    page = CollectionPage(
        title=strings(text.title),
        slug=text.slug,
        introduction=strings(text.introduction),
        description=strings.rich(*text.description),
    )
    return page, strings


def _object_types():
    return {term.slug: term for term in ObjectType.objects.filter(locale__language_code="en")}


def load_tate(data_dir, tate_page, stats):
    """Tate's collections under its (English) partner page; returns [(collection, strings)]."""
    records = read_tate_records(data_dir)
    deaths = read_tate_artists(data_dir)
    assign_tate_records(records)
    object_types = _object_types()
    result = []
    for text in TATE_COLLECTIONS:
        page, strings = collection_strings(text)
        with transaction.atomic():
            collection, _created = ensure_child(tate_page, page, stats, "collections")
            existing = set(collection.get_children().values_list("slug", flat=True))
            for record in text.records:
                item = tate_item(record, deaths, object_types)
                if item.slug in existing:
                    continue
                publish_new_child(collection, item)
                stats.created("items")
        result.append((collection, strings))
    return result


def load_museum_items(data_dir, partner_pages, images, stats):
    """The museums' collections, one item per image; returns [(collection, strings)]."""
    rows = read_manifest(data_dir)
    object_types = _object_types()
    result = []
    for partner_slug, texts in MUSEUM_COLLECTIONS.items():
        partner = partner_pages[partner_slug]
        for text in texts:
            page, strings = collection_strings(text)
            if text.cover:
                page.cover_image = images[text.cover]
            with transaction.atomic():
                collection, _created = ensure_child(partner, page, stats, "collections")
                for filename, info in IMAGES.items():
                    if info.partner != partner_slug or info.collection != text.slug:
                        continue
                    row = rows[filename]
                    item = museum_item(filename, row, info, images[filename], object_types)
                    if child_by_slug(collection, item.slug) is None:
                        publish_new_child(collection, item)
                        stats.created("items")
            result.append((collection, strings))
    return result


def museum_item(filename, row, info, image, object_types):
    title = row["title"]
    if filename.startswith("ab_"):
        caption = "Palette-reduced reproduction of the museum's public-domain photograph."
    else:
        caption = f"Reproduction: {image.credit}."
    item = ItemPage(
        title=title,
        slug=slugify(title)[:60].strip("-"),
        identifier=info.identifier,
        object_type=object_types.get(info.object_type),
        creator=info.creator or row["creator"],
        date_display=info.date or row["date"],
        date_start=info.start,
        date_end=info.end,
        place_name=info.place,
        materials=info.materials,
        description=f"<p>{escape(info.description)}</p>",
        rights=rights_of(row),
        credit_line=item_credit_of(info),
        source_url=source_url_of(row),
    )
    item.latitude, item.longitude = coordinates_of(info.place)
    item.images = [ItemImage(image=image, caption=caption[:400])]
    return item


def item_by_identifier(identifier):
    """A loaded item by its identifier (acno or museum record number), in its source locale."""
    item = ItemPage.objects.filter(identifier=identifier).order_by("pk").first()
    if item is None:
        raise DemoDataError(f"No demo item with identifier {identifier!r}")
    return item
