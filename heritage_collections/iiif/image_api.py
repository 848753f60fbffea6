"""IIIF Image API 3 at compliance level 0: an image service for every image of a public item,
so a viewer (OpenSeadragon, Mirador, Universal Viewer) can deep-zoom without an image server.

https://iiif.io/api/image/3.0/. Level 0 means the server answers only the requests its
``info.json`` announces: the whole image at the sizes it lists (``max`` among them) and the
tiles of its grid, each at the scale factors it lists, in JPEG. Any other request is refused
with a 400 naming the parameter, never rendered: an open-ended server would let anyone fill
the disk with renditions of arbitrary crops.

Each answer is a Wagtail rendition, made on its first request and reused after, with the
``iiif`` operation (``RegionOperation``): crop to a region of the original, then scale it to
an exact size. A 3,000-pixel image has about forty tiles in all.
"""

import math
from dataclasses import dataclass

from django.urls import reverse
from wagtail.images.image_operations import TransformOperation
from wagtail.images.models import Filter
from wagtail.images.rect import Rect

CONTEXT = "http://iiif.io/api/image/3/context.json"
CONTENT_TYPE = f'application/ld+json;profile="{CONTEXT}"'
PROFILE = "level0"
# The longest side of the whole image the service hands out (``max``), as the manifests'
# canvases do; deeper detail comes in tiles.
MAX_SIZE = 3000
TILE_SIZE = 512
QUALITY_FORMAT = "default.jpg"


class ImageRequestError(ValueError):
    """A request the service does not answer, and which of its parameters is why."""

    def __init__(self, parameter, message):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


class RegionOperation(TransformOperation):
    """``iiif-<x>-<y>-<w>-<h>-<width>-<height>``: the region (x, y, w, h) of the original,
    scaled to exactly width × height (registered in wagtail_hooks)."""

    def construct(self, x, y, w, h, width, height):
        self.rect = Rect(int(x), int(y), int(x) + int(w), int(y) + int(h))
        self.size = (int(width), int(height))

    def run(self, transform, image):
        return transform.crop(self.rect).resize(self.size)


@dataclass(frozen=True)
class Region:
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class ImageService:
    """The service of one image: what its ``info.json`` announces, and the rendition filter
    of each request it answers."""

    image_id: int
    width: int
    height: int

    @classmethod
    def of(cls, image):
        return cls(image_id=image.pk, width=image.width, height=image.height)

    @property
    def scale_factors(self):
        """1, 2, 4 … until the whole image fits in one tile."""
        factors = [1]
        while (
            math.ceil(self.width / factors[-1]) > TILE_SIZE
            or math.ceil(self.height / factors[-1]) > TILE_SIZE
        ):
            factors.append(factors[-1] * 2)
        return factors

    @property
    def max_size(self):
        """The whole image's size at ``max``: at most ``MAX_SIZE`` a side."""
        scale = min(1, MAX_SIZE / max(self.width, self.height))
        return (max(1, round(self.width * scale)), max(1, round(self.height * scale)))

    @property
    def sizes(self):
        """The whole image at each scale factor that ``max`` allows, smallest first."""
        largest = self.max_size
        found = {
            (math.ceil(self.width / factor), math.ceil(self.height / factor))
            for factor in self.scale_factors
        }
        return sorted(size for size in found | {largest} if size[0] <= largest[0])

    def info(self, absolute):
        """The ``info.json`` document."""
        width, height = self.max_size
        document = {
            "@context": CONTEXT,
            "id": absolute(service_path(self.image_id)),
            "type": "ImageService3",
            "protocol": "http://iiif.io/api/image",
            "profile": PROFILE,
            "width": self.width,
            "height": self.height,
        }
        if (width, height) != (self.width, self.height):
            document["maxWidth"], document["maxHeight"] = width, height
        document["sizes"] = [{"width": w, "height": h} for w, h in self.sizes]
        document["tiles"] = [
            {"width": TILE_SIZE, "height": TILE_SIZE, "scaleFactors": self.scale_factors}
        ]
        return document

    def reference(self, absolute):
        """The service as a manifest's image body names it."""
        return {
            "id": absolute(service_path(self.image_id)),
            "type": "ImageService3",
            "profile": PROFILE,
        }

    # Requests ----------------------------------------------------------------------------

    def filter_for(self, region, size, rotation, quality_format):
        """The rendition ``Filter`` that answers ``/<region>/<size>/<rotation>/<quality>.<format>``,
        or ``ImageRequestError`` naming the first parameter this level-0 service refuses."""
        if rotation != "0":
            raise ImageRequestError("rotation", "Only rotation 0 is served.")
        if quality_format != QUALITY_FORMAT:
            raise ImageRequestError("quality", f"Only {QUALITY_FORMAT} is served.")
        area = self._region(region)
        width, height = self._size(area, size)
        spec = f"iiif-{area.x}-{area.y}-{area.w}-{area.h}-{width}-{height}|format-jpeg"
        return Filter(spec=spec)

    def _region(self, text):
        if text == "full":
            return Region(0, 0, self.width, self.height)
        try:
            x, y, w, h = (int(part) for part in text.split(","))
        except ValueError:
            raise ImageRequestError(
                "region", "The region is “full” or a tile as x,y,w,h."
            ) from None
        if self._tile_factor(Region(x, y, w, h)) is None:
            raise ImageRequestError("region", "The region is not a tile of this image.")
        return Region(x, y, w, h)

    def _tile_factor(self, region):
        """The scale factor whose grid has ``region`` as a tile, if any."""
        for factor in self.scale_factors:
            side = TILE_SIZE * factor
            if (
                0 <= region.x < self.width
                and 0 <= region.y < self.height
                and region.x % side == 0
                and region.y % side == 0
                and region.w == min(side, self.width - region.x)
                and region.h == min(side, self.height - region.y)
            ):
                return factor
        return None

    def _size(self, region, text):
        if (region.w, region.h) == (self.width, self.height):
            if text == "max":
                return self.max_size
            allowed = self.sizes
        else:
            factor = self._tile_factor(region)
            allowed = [(math.ceil(region.w / factor), math.ceil(region.h / factor))]
        requested = _parse_size(text)
        for width, height in allowed:
            if requested in ((width, height), (width, None)):
                return width, height
        raise ImageRequestError("size", "This size is not one the service lists.")


def _parse_size(text):
    """``w,h`` or ``w,`` as (w, h or None); anything else matches no size."""
    width, _comma, height = text.partition(",")
    if not _comma or not width.isdigit() or (height and not height.isdigit()):
        return None
    return int(width), int(height) if height else None


def service_path(image_id):
    return reverse("iiif:image_service", args=[image_id])
