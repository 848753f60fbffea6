"""The 34 open images of ``images/``: image records with alt text, credit and rights.

``images/MANIFEST.csv`` gives each file's title, creator, date, source and licence; this
module adds what a publisher must write: an alt text describing the picture, the partner
and collection the picture belongs to (the institution that holds the work, or the platform
that published the file when the holder is not certain), and the catalogue facts of the item
the image illustrates. Files named ``ab_*`` are palette-reduced derivatives of museum
photographs, and their credit says so.
"""

import csv
import re
from dataclasses import dataclass

from django.core.files.images import ImageFile
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

from heritagehub.models import HeritageImage
from heritagehub.rights import RightsStatement

from .base import DemoDataError


@dataclass(frozen=True)
class ImageInfo:
    partner: str
    collection: str
    identifier: str
    object_type: str
    alt: str
    description: str
    date: str | None = None  # overrides the manifest's date when it has none
    start: int | None = None
    end: int | None = None
    materials: str = ""
    place: str = ""
    creator: str | None = None  # overrides the manifest's creator
    holder: str = ""  # the holding institution, when the partner only published the file


AIC = "art-institute-of-chicago"
CMA = "cleveland-museum-of-art"
MET = "metropolitan-museum-of-art"
NGA = "national-gallery-of-art"
SAAM = "smithsonian-american-art-museum"
LOC = "library-of-congress"
BROOKLYN = "brooklyn-museum"
NASA = "nasa"
COMMONS = "wikimedia-commons"

IMAGES = {
    # The Art Institute of Chicago
    "ab_artic_24645.png": ImageInfo(
        AIC,
        "four-continents",
        "24645",
        "print",
        alt=(
            "A huge blue and white wave curls over three narrow boats full of rowers, its "
            "foaming crest breaking into claw-like fingers; a small snow-capped Mount Fuji sits "
            "low on the horizon between the waves."
        ),
        description=(
            "The print from Hokusai's series Thirty-six Views of Mount Fuji that became one of "
            "the most reproduced images in the world. A wave rears over three fishing boats while "
            "the mountain, the subject of the series, appears tiny and motionless in the distance."
        ),
        start=1826,
        end=1826,
        materials="Colour woodblock print",
        place="Japan",
    ),
    "ab_artic_187528.png": ImageInfo(
        AIC,
        "four-continents",
        "187528",
        "sculpture",
        alt=(
            "A carved dark wooden head on a long cylindrical neck, with a smooth oval face, "
            "half-closed eyes and a close-fitting crest of hair that falls to the shoulders, "
            "photographed against a grey background."
        ),
        description=(
            "A head carved by a Fang sculptor. Heads and figures of this kind were made to watch "
            "over containers holding the relics of a family's ancestors."
        ),
        start=1850,
        end=1850,
        materials="Wood",
        place="Central Africa",
        creator="Fang artist",
    ),
    "ab_artic_8746.png": ImageInfo(
        AIC,
        "four-continents",
        "8746",
        "ceramic",
        alt=(
            "An orange-brown clay vessel shaped as a human head in a tight headdress, with a "
            "stirrup-shaped spout rising from the top and small feet at its base."
        ),
        description=(
            "A stirrup-spout vessel of the Moche culture of the north coast of Peru, modelled as "
            "the head of a ruler with a painted face resting on a pair of feet. Moche potters "
            "used moulds to make portrait vessels of remarkable individuality."
        ),
        date="100 BCE",
        start=-100,
        end=-100,
        materials="Ceramic",
        place="North coast of Peru",
        creator="Moche artist",
    ),
    "ab_artic_88977.png": ImageInfo(
        AIC,
        "four-continents",
        "88977",
        "print",
        alt=(
            "Two women in patterned kimonos in a room with tatami mats and a latticed window; "
            "one sits with a hand raised to her face, the other kneels beside her, and white "
            "mounds of silk floss lie on the floor in front of them."
        ),
        description=(
            "From the series Eight Views of the Parlor, in which Harunobu moves the classical "
            "themes of landscape poetry indoors: the evening snow of the title is the white silk "
            "floss that the women are stretching over a shaper."
        ),
        start=1761,
        end=1761,
        materials="Colour woodblock print",
        place="Japan",
    ),
    "ab_artic_28560.png": ImageInfo(
        AIC,
        "four-continents",
        "28560",
        "painting",
        alt=(
            "Van Gogh's small bedroom painted in bold flat colours: a yellow wooden bed with a "
            "red cover against blue walls, two rush-seated chairs, a little table with a jug, "
            "pictures on the walls and a half-open window."
        ),
        description=(
            "Van Gogh painted his bedroom in the Yellow House in Arles three times. This version "
            "of 1889 keeps the simplified forms and strong colours with which he wanted to "
            "suggest rest."
        ),
        start=1889,
        end=1889,
        materials="Oil on canvas",
    ),
    # The Cleveland Museum of Art
    "ab_clevelandart_1947.209.png": ImageInfo(
        CMA,
        "europe-india-japan",
        "1947.209",
        "painting",
        alt=(
            "Massive plane trees with twisting pale trunks line a village boulevard in autumn; "
            "workers dig up the roadway, heaps of paving stones fill the foreground and a woman "
            "carries a basket on the left."
        ),
        description=(
            "Road menders at work on the main street of Saint-Rémy-de-Provence, under the huge "
            "plane trees that Van Gogh turned into writhing, rhythmical shapes in 1889."
        ),
        start=1889,
        end=1889,
        materials="Oil on canvas",
        place="Saint-Rémy-de-Provence, France",
    ),
    "ab_clevelandart_2003.121.png": ImageInfo(
        CMA,
        "europe-india-japan",
        "2003.121",
        "painting",
        alt=(
            "Two Hindu goddesses stand on lotus flowers against a pale blue ground among lotus "
            "leaves and buds: on the left Lakshmi in a red sari, on the right Sarasvati in a "
            "dark sari playing a long-necked stringed instrument."
        ),
        description=(
            "Lakshmi, goddess of wealth and good fortune, and Sarasvati, goddess of learning and "
            "music, painted with sweeping outlines and flat colour."
        ),
        start=1885,
        end=1895,
        place="India",
        creator="Unknown artist",
    ),
    "ab_clevelandart_1919.914.png": ImageInfo(
        CMA,
        "europe-india-japan",
        "1919.914",
        "painting",
        alt=(
            "A standing warrior in elaborate red-laced armour and a horned helmet, a sword at "
            "his waist, painted on a tall narrow scroll with a worn brownish ground."
        ),
        description=(
            "Minamoto no Yoshitsune (1159–1189), the brilliant general of the Minamoto clan whose "
            "victories and tragic end made him a favourite hero of Japanese painting and theatre."
        ),
        start=1800,
        end=1868,
        place="Japan",
        creator="Unknown artist",
    ),
    "ab_clevelandart_1988.70.png": ImageInfo(
        CMA,
        "europe-india-japan",
        "1988.70",
        "painting",
        alt=(
            "A scene on a saffron-yellow ground inside a red border: two musicians fly through "
            "the air playing a long trumpet and a drum, while below a bearded nobleman in white "
            "sits on a cushion among attendants, one holding a round shield."
        ),
        description=(
            "A page from an illustrated Bhagavata Purana, the Sanskrit text that tells the life "
            "of Krishna. Music and gifts announce the festivities for the god's birth."
        ),
        start=1725,
        end=1730,
        place="India",
        creator="Unknown artist",
    ),
    "ab_clevelandart_1980.264.png": ImageInfo(
        CMA,
        "europe-india-japan",
        "1980.264",
        "painting",
        alt=(
            "Head-and-shoulders portrait of a young woman with dark hair parted in the middle "
            "and a wreath of small leaves, looking straight out against a flat blue background."
        ),
        description=(
            "An early head study by the French painter Jean-Léon Gérôme, made when he was "
            "starting his career in Paris. The model's frontal gaze and the plain blue ground "
            "give the small picture a severe, almost classical calm."
        ),
        start=1847,
        end=1847,
    ),
    # The Metropolitan Museum of Art
    "ab_metmuseum_467642.png": ImageInfo(
        MET,
        "paintings-tapestries-ceramics",
        "467642",
        "textile",
        alt=(
            "A white unicorn with a long spiralled horn sits inside a low circular wooden fence "
            "under a pomegranate tree, surrounded by a dense meadow of flowers and plants."
        ),
        description=(
            "The best known of the seven Unicorn Tapestries, woven in the Southern Netherlands "
            "around 1500 and shown at The Met Cloisters in New York. The captive unicorn rests "
            "in a garden of more than a hundred identifiable plants."
        ),
        start=1495,
        end=1505,
        materials="Wool warp with wool, silk, silver and gilt wefts",
        place="Southern Netherlands",
        creator="Unknown weavers",
    ),
    "ab_metmuseum_248902.png": ImageInfo(
        MET,
        "ancient-worlds",
        "248902",
        "ceramic",
        alt=(
            "A black-figure amphora with five runners racing to the right, painted in black "
            "silhouette on an orange panel, below a band of palmettes on the neck."
        ),
        description=(
            "Jars like this one, filled with oil from Athena's sacred olive trees, were the "
            "prizes of the Panathenaic Games in Athens. The side shown here depicts a footrace."
        ),
        start=-530,
        end=-530,
        materials="Terracotta",
        place="Attica, Greece",
    ),
    "ab_metmuseum_322585.png": ImageInfo(
        MET,
        "ancient-worlds",
        "322585",
        "ceramic",
        alt=(
            "A lion with a pale body and golden mane strides to the left across a panel of "
            "turquoise glazed bricks, its mouth open in a roar."
        ),
        description=(
            "Moulded and glazed bricks like these lined the Processional Way of Babylon in the "
            "reign of Nebuchadnezzar II: rows of striding lions, the animal of the goddess "
            "Ishtar, led towards the Ishtar Gate."
        ),
        start=-604,
        end=-562,
        materials="Glazed ceramic bricks",
        place="Babylon, Mesopotamia (present-day Iraq)",
        creator="Unknown Babylonian artists",
    ),
    "ab_metmuseum_313240.png": ImageInfo(
        MET,
        "ancient-worlds",
        "313240",
        "sculpture",
        alt=(
            "A square reddish stone relief carved with a seated ruler in a large feathered "
            "headdress on a throne, facing standing attendants, with blocks of hieroglyphs "
            "at the top."
        ),
        description=(
            "A Maya relief of a ruler receiving courtiers. Maya sculptors sometimes signed "
            "their work, and this panel carries the name of its carver, Chakalte'."
        ),
        start=770,
        end=775,
        place="Maya region, Mexico or Guatemala",
    ),
    "ab_metmuseum_459052.png": ImageInfo(
        MET,
        "paintings-tapestries-ceramics",
        "459052",
        "painting",
        alt=(
            "A goldsmith in a red robe sits at his counter weighing a ring on small scales "
            "while an elegantly dressed couple stands beside him; shelves of vessels, jewels "
            "and tools fill the shop and a convex mirror on the counter reflects the street."
        ),
        description=(
            "Long thought to show Saint Eligius, patron saint of goldsmiths, the picture is "
            "above all a portrait of a working shop in Bruges: coins, rings, scales and raw "
            "materials are painted one by one, and a mirror shows passers-by in the street."
        ),
        start=1449,
        end=1449,
        materials="Oil on oak panel",
        place="Bruges",
    ),
    "ab_metmuseum_436535.png": ImageInfo(
        MET,
        "paintings-tapestries-ceramics",
        "436535",
        "painting",
        alt=(
            "A golden wheat field under a sky of swirling white clouds, with a tall dark green "
            "cypress rising on the right and blue hills and bushes behind it."
        ),
        description=(
            "Painted in 1889 at Saint-Rémy-de-Provence, where Van Gogh found in the cypress a "
            "motif as strong as the sunflowers of the year before."
        ),
        start=1889,
        end=1889,
        materials="Oil on canvas",
        place="Saint-Rémy-de-Provence, France",
    ),
    "ab_metmuseum_656430.png": ImageInfo(
        MET,
        "paintings-tapestries-ceramics",
        "656430",
        "painting",
        alt=(
            "Full-length portrait of an elderly Korean official seated on a chair, wearing a "
            "dark green robe with an embroidered badge of birds on the chest and a black "
            "official's hat, his hands hidden in his sleeves."
        ),
        description=(
            "A hanging-scroll portrait of the scholar-official Yun Dongseom from the Joseon "
            "period. Such portraits recorded a sitter's rank through his robe, badge and hat, "
            "and were kept by the family for remembrance."
        ),
        start=1790,
        end=1805,
        place="Korea",
    ),
    "ab_metmuseum_674.png": ImageInfo(
        MET,
        "paintings-tapestries-ceramics",
        "674",
        "ceramic",
        alt=(
            "A wide shallow basin seen from above, painted in dark blue on white with a central "
            "rosette of scrolling leaves, radiating panels of foliage and lettering around "
            "the rim."
        ),
        description=(
            "A shallow basin painted in blue on a white glaze, with an inscription in capital "
            "letters running around the rim. Its maker is known only by the name scholars have "
            "given him, Master Potter A."
        ),
        start=1640,
        end=1660,
    ),
    "ab_metmuseum_250951.png": ImageInfo(
        MET,
        "ancient-worlds",
        "250951",
        "sculpture",
        alt=(
            "A white marble ornament carved as a large fan-shaped palmette rising from curling "
            "acanthus leaves and scrolls."
        ),
        description=(
            "An akroterion crowned the gable of a building or a grave monument. This Greek "
            "example of the later fourth century BCE is a palmette growing out of acanthus "
            "leaves."
        ),
        start=-350,
        end=-325,
        materials="Marble",
        place="Greece",
        creator="Unknown Greek sculptor",
    ),
    # National Gallery of Art
    "ab_nga_50724.png": ImageInfo(
        NGA,
        "fifteenth-century-portraits",
        "50724",
        "painting",
        alt=(
            "Portrait of a pale young woman with auburn curls and a cool, distant gaze, set "
            "against a dark juniper bush, with a misty landscape of trees and water on the right."
        ),
        description=(
            "Leonardo's portrait of the Florentine Ginevra de' Benci, the only painting by him "
            "in the Americas. The spiky juniper behind her is a play on her name: ginepro in "
            "Italian."
        ),
        start=1474,
        end=1474,
        materials="Oil on panel",
        place="Florence",
    ),
    "ab_nga_51.png": ImageInfo(
        NGA,
        "fifteenth-century-portraits",
        "51",
        "painting",
        alt=(
            "Half-length portrait of a young woman with downcast eyes, her hair covered by a "
            "tall headdress under a large transparent white veil, wearing a dark dress with a "
            "red belt, hands clasped, against a dark blue-green background."
        ),
        description=(
            "A portrait of an unknown sitter in which Rogier van der Weyden concentrates on a "
            "few things: the translucent pinned veil, the lowered eyes and the tightly clasped "
            "hands."
        ),
        start=1460,
        end=1460,
        materials="Oil on panel",
    ),
    # Smithsonian American Art Museum
    "ab_si_saam_1909.10.2.png": ImageInfo(
        SAAM,
        "american-landscapes",
        "1909.10.2",
        "painting",
        alt=(
            "A dark, roughly painted night scene: a small boat with a billowing pennant on a "
            "rough sea under a pale, luminous sky crossed by two dark clouds."
        ),
        description=(
            "Albert Pinkham Ryder painted small, brooding moonlit seascapes, reworking their "
            "surfaces for years. Here a boat is reduced to a dark silhouette against the glow "
            "of the sky."
        ),
        start=1887,
        end=1887,
    ),
    "anim8_landscape.jpg": ImageInfo(
        SAAM,
        "american-landscapes",
        "1977.107.1",
        "painting",
        alt=(
            "A vast mountain valley with sunlight breaking through clouds onto snowy peaks, "
            "waterfalls pouring down dark cliffs on the left, a still lake in the centre and "
            "deer at the water's edge under tall trees on the right."
        ),
        description=(
            "A large studio painting in which Bierstadt combined sketches made on his travels in "
            "the American West into an idealised, luminous view of the Sierra Nevada."
        ),
        date="1868",
        start=1868,
        end=1868,
        materials="Oil on canvas",
        place="Sierra Nevada, California",
    ),
    # Library of Congress
    "loc_fishmonger.jpg": ImageInfo(
        LOC,
        "street-photographs-1920",
        "2005693789",
        "photograph",
        alt=(
            "Black-and-white photograph of a street stall: a fishmonger in an apron stands behind "
            "a wooden table laid with fish, talking to a customer in a hat who holds a basket."
        ),
        description=(
            "A photograph from the subject files of the Library's Prints and Photographs "
            "Division, reused in the Library of Congress project Seeing Lost Enclaves. The image "
            "shown is a crop of the original."
        ),
        start=1921,
        end=1921,
        creator="Unknown photographer",
    ),
    "loc_children-walking.jpg": ImageInfo(
        LOC,
        "street-photographs-1920",
        "91795656",
        "photograph",
        alt=(
            "Black-and-white street photograph: an older man in a long padded jacket walks "
            "hand in hand with two small children in caps and quilted coats, with a cart, "
            "barrels and market stalls behind them."
        ),
        description=(
            "A photograph from the subject files of the Library's Prints and Photographs "
            "Division, reused in the Library of Congress project Seeing Lost Enclaves. The image "
            "shown is a crop of the original."
        ),
        start=1915,
        end=1925,
        creator="Unknown photographer",
    ),
    # Brooklyn Museum
    "skimage_coins.png": ImageInfo(
        BROOKLYN,
        "ancient-coins",
        "skimage.data.coins",
        "coin",
        alt=(
            "Black-and-white photograph of twenty-four ancient Greek coins laid out in four rows, "
            "showing heads in profile, standing figures and animals."
        ),
        description=(
            "A study photograph of Greek coins from Pompeii in the Brooklyn Museum's collection. "
            "The same picture is distributed as sample data with the scikit-image software "
            "library, which is where this copy comes from."
        ),
        place="Pompeii",
        creator="Unknown makers",
    ),
    # NASA
    "skimage_astronaut.png": ImageInfo(
        NASA,
        "astronaut-portraits",
        "skimage.data.astronaut",
        "photograph",
        alt=(
            "Official portrait of astronaut Eileen Collins, smiling, in an orange flight suit "
            "with mission patches, the United States flag behind her on the left, a model of "
            "the Space Shuttle on the right and a helmet in the foreground."
        ),
        description=(
            "Eileen Collins was the first woman to pilot a Space Shuttle, in 1995, and the first "
            "to command one, in 1999. This official NASA portrait is in the public domain and is "
            "distributed as sample data with the scikit-image software library."
        ),
    ),
    # Wikimedia Commons (files whose holding institution is named in the credit where known)
    "anim8_earring.jpg": ImageInfo(
        COMMONS,
        "paintings",
        "File:1665_Girl_with_a_Pearl_EarringFXD.jpg",
        "painting",
        alt=(
            "A girl seen over her shoulder against a dark background, lips parted, wearing a "
            "blue and yellow turban and a large pearl earring, in a yellowish-brown jacket with "
            "a white collar."
        ),
        description=(
            "Vermeer's study of a girl in a turban is a tronie, a painted head rather than the "
            "portrait of a known sitter. The painting belongs to the Mauritshuis in The Hague; "
            "this reproduction was published on Wikimedia Commons."
        ),
        start=1665,
        end=1665,
        materials="Oil on canvas",
        holder="Mauritshuis, The Hague",
    ),
    "anim8_mona_lisa.jpg": ImageInfo(
        COMMONS,
        "paintings",
        "File:Mona_Lisa_Digitally_Restored.tif",
        "painting",
        alt=(
            "Half-length portrait of a woman with long dark hair and a faint smile, her hands "
            "folded, seated in front of a hazy landscape of winding paths, water and mountains."
        ),
        description=(
            "Leonardo's portrait of a Florentine woman, begun in the early sixteenth century and "
            "kept in the Musée du Louvre in Paris. This file is a digitally restored "
            "reproduction published on Wikimedia Commons."
        ),
        date="c. 1503–1519",
        start=1503,
        end=1519,
        materials="Oil on poplar panel",
        holder="Musée du Louvre, Paris",
    ),
    "pfvc_calanque.jpg": ImageInfo(
        COMMONS,
        "paintings",
        "File:Signac_-_La_Calanque_edit.jpg",
        "painting",
        alt=(
            "A pointillist view of a rocky Mediterranean cove: pink and orange cliffs topped "
            "with trees on the right, a sailing boat with a pale red sail on light blue water "
            "on the left and a town faint in the distance."
        ),
        description=(
            "Paul Signac painted this Mediterranean inlet in small, separate strokes of pure "
            "colour, the technique of the Neo-Impressionists, so that the colours mix in the "
            "viewer's eye."
        ),
        materials="Oil on canvas",
    ),
    "pfvc_bedouin.jpg": ImageInfo(
        COMMONS,
        "photographs-and-prints",
        "File:Bedouinwomanb.jpg",
        "photograph",
        alt=(
            "Black-and-white portrait of a woman standing outdoors in front of a stone building, "
            "with long braids, a patterned headband and head cloth, and a dark robe with "
            "embroidered edges."
        ),
        description=(
            "A portrait by the photographers of the American Colony, a community in Jerusalem "
            "whose photo department documented the people and places of the region from the "
            "end of the nineteenth century."
        ),
        place="Jerusalem",
    ),
    "pfvc_espinasse.jpg": ImageInfo(
        COMMONS,
        "photographs-and-prints",
        "File:Espinasse_père_-_Fonds_Trutat.jpg",
        "photograph",
        alt=(
            "Black-and-white studio portrait of a seated man with a large curled moustache, "
            "wearing a white patterned shirt and a waistcoat, a leather case of tools slung "
            "across his chest."
        ),
        description=(
            "A portrait from the Fonds Trutat, the photographic archive of the Toulouse "
            "naturalist and photographer Eugène Trutat (1840–1910)."
        ),
        holder="Fonds Trutat",
    ),
    "pfvc_renoir.jpg": ImageInfo(
        COMMONS,
        "photographs-and-prints",
        "File:Renoir,_Pierre-Auguste,_by_Dornac,_BNF_Gallica.jpg",
        "photograph",
        alt=(
            "Black-and-white photograph of the elderly painter Auguste Renoir, with a white "
            "beard and a flat cap, sitting in a wicker chair in his studio, one hand on his knee."
        ),
        description=(
            "Dornac, the pseudonym of the photographer Paul Marsan, portrayed writers and "
            "artists at home and at work around 1900. This print of Renoir is held by the "
            "Bibliothèque nationale de France and published on its digital library, Gallica."
        ),
        holder="Bibliothèque nationale de France (Gallica)",
    ),
    "pfvc_botanic.jpg": ImageInfo(
        COMMONS,
        "photographs-and-prints",
        "File:The_Botanical_register_(Plate_70)_BHL8484_-_clean.jpg",
        "print",
        alt=(
            "Botanical illustration of a flowering branch of honeysuckle with dark green oval "
            "leaves and clusters of long tubular white and yellow flowers, with a detail of a "
            "single flower at lower right."
        ),
        description=(
            "A hand-coloured plate from The Botanical Register, the London periodical of plant "
            "portraits founded by the illustrator Sydenham Edwards and published by James "
            "Ridgway. The scan comes from the Biodiversity Heritage Library."
        ),
        holder="Biodiversity Heritage Library",
    ),
}

PARTNER_NAMES = {
    AIC: "The Art Institute of Chicago",
    CMA: "The Cleveland Museum of Art",
    MET: "The Metropolitan Museum of Art",
    NGA: "National Gallery of Art",
    SAAM: "Smithsonian American Art Museum",
    LOC: "Library of Congress",
    BROOKLYN: "Brooklyn Museum",
    NASA: "NASA",
    COMMONS: "Wikimedia Commons",
}

_URL = re.compile(r"(?:origin|object page) (https?://[^\s;]+)")


def read_manifest(data_dir):
    """The manifest rows by file name; every image must have its record in ``IMAGES``."""
    path = data_dir / "images" / "MANIFEST.csv"
    if not path.is_file():
        raise DemoDataError(f"Image manifest not found: {path}")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = {row["filename"]: row for row in csv.DictReader(handle)}
    unknown = sorted(set(rows) - set(IMAGES))
    absent = sorted(set(IMAGES) - set(rows))
    if unknown or absent:
        raise DemoDataError(
            f"{path}: images without demo records {unknown}, records without images {absent}"
        )
    return rows


def rights_of(row):
    """CC0 where the manifest says so, the Public Domain Mark for every other open image."""
    if "CC0" in row["license"]:
        return RightsStatement.CC0
    return RightsStatement.PUBLIC_DOMAIN_MARK


def source_url_of(row):
    match = _URL.search(row["notes"])
    if match:
        return match.group(1)
    return ""


def credit_of(filename, row, info):
    creator = info.creator or row["creator"]
    if info.partner == COMMONS:
        holder = f" / {info.holder}" if info.holder else ""
        credit = f"{creator}{holder}, via Wikimedia Commons"
    else:
        credit = f"{creator} / {PARTNER_NAMES[info.partner]}"
    if filename.startswith("ab_"):
        credit += " (palette-reduced derivative from the Art Breaker 3000 project)"
    return credit


def item_credit_of(info):
    """The credit line of the item: who holds the work (and where the file came from)."""
    if info.partner == COMMONS:
        return f"{info.holder}; file via Wikimedia Commons" if info.holder else "Wikimedia Commons"
    return PARTNER_NAMES[info.partner]


def image_collection(name):
    """The partner's own Wagtail media collection (a child of the root collection)."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing, False
    return root.add_child(instance=Collection(name=name)), True


def _stored_copy(image, filename, file_hash):
    """The storage name of an identical file already uploaded by an earlier run, if any."""
    name = image.get_upload_to(filename)
    storage = image.file.storage
    if not storage.exists(name):
        return None
    with storage.open(name) as handle:
        return name if hash_filelike(handle) == file_hash else None


def load_images(data_dir, collections, stats):
    """Every manifest image as a HeritageImage in its partner's collection, by file name.

    Images are matched on their file hash, so a second run finds them instead of uploading
    them again; a file left in media storage by an earlier database is reused, not copied.
    """
    rows = read_manifest(data_dir)
    images = {}
    for filename, row in rows.items():
        info = IMAGES[filename]
        path = data_dir / "images" / filename
        if not path.is_file():
            raise DemoDataError(f"Image file not found: {path}")
        with path.open("rb") as handle:
            file_hash = hash_filelike(handle)
        image = HeritageImage.objects.filter(file_hash=file_hash).first()
        if image is None:
            image = HeritageImage(
                title=row["title"],
                collection=collections[info.partner],
                alt_text=info.alt,
                credit=credit_of(filename, row, info),
                rights=rights_of(row),
                source_url=source_url_of(row),
            )
            with path.open("rb") as handle:
                stored = _stored_copy(image, filename, file_hash)
                image.file = ImageFile(handle, name=filename)
                image._set_image_file_metadata()
                if stored:
                    # Width and height are read from the source; the stored copy is identical.
                    image.file.name = stored
                    image.file._committed = True
                image.save()
            stats.created("images")
        images[filename] = image
    return images
