"""The 34 open images of ``images/``: image records with alt text, credit and rights.

``images/MANIFEST.csv`` gives each file's title, creator, date, source and licence; each
image's record in ``content/images/`` adds what a publisher must write: an alt text
describing the picture, the partner and collection the picture belongs to (the institution
that holds the work, or the platform that published the file when the holder is not
certain), and the catalogue facts of the item the image illustrates. Files named ``ab_*``
are palette-reduced derivatives of museum photographs, and their credit says so.
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
from .records import records


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
    # Content that needs care (heritage_collections.care): [{kind: …, note: …}]
    care: tuple = ()


AIC = "art-institute-of-chicago"
CMA = "cleveland-museum-of-art"
MET = "metropolitan-museum-of-art"
NGA = "national-gallery-of-art"
SAAM = "smithsonian-american-art-museum"
LOC = "library-of-congress"
BROOKLYN = "brooklyn-museum"
NASA = "nasa"
COMMONS = "wikimedia-commons"

# File name → ImageInfo, in the order of content/images/ (the order items are created in).
IMAGES = dict(records("images", lambda file, **fields: (file, ImageInfo(**fields))))

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


def reproduction_note_of(filename):
    """How the file differs from the museum's photograph: shown above the image."""
    if filename.startswith("ab_"):
        return "colours reduced to a small palette (Art Breaker 3000 project)"
    return ""


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
                reproduction_note=reproduction_note_of(filename),
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
