"""IIIF Image API 3 services at level 0 (/iiif/image/<id>/…): what info.json announces, the
sizes and tiles served, and every other request refused with the parameter named."""

import io
import math

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from iiif_prezi3 import Manifest
from iiif_validator import validator
from PIL import Image
from wagtail.models import PageViewRestriction

from heritage_collections.iiif import image_api
from tests.factories import HeritageImageFactory, ItemPageFactory, add_item_image

pytestmark = pytest.mark.django_db

IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
RED, BLUE = (220, 20, 20), (20, 20, 220)


def two_colours(width, height):
    """A PNG: the left half red, the right half blue."""
    picture = Image.new("RGB", (width, height), RED)
    picture.paste(BLUE, (width // 2, 0, width, height))
    data = io.BytesIO()
    picture.save(data, "PNG")
    return ImageFile(io.BytesIO(data.getvalue()), name="two-colours.png")


@pytest.fixture
def shown(tree):
    """A 1,200 × 700 image on a public item."""
    image = HeritageImageFactory(file=two_colours(1200, 700))
    add_item_image(tree.items[1], image)
    return image


def info(client, image):
    response = client.get(f"/iiif/image/{image.pk}/info.json")
    assert response.status_code == 200, response.content
    return response


def served(client, image, path):
    response = client.get(f"/iiif/image/{image.pk}/{path}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "image/jpeg"
    return Image.open(io.BytesIO(b"".join(response.streaming_content))).convert("RGB")


def near(colour, expected):
    return all(abs(a - b) <= 12 for a, b in zip(colour, expected, strict=True))


def test_info_json_describes_a_level_0_service(client, shown):
    document = info(client, shown).json()
    assert document["@context"] == IMAGE_CONTEXT
    assert document["id"] == f"http://testserver/iiif/image/{shown.pk}"
    assert (document["type"], document["protocol"], document["profile"]) == (
        "ImageService3",
        "http://iiif.io/api/image",
        "level0",
    )
    assert (document["width"], document["height"]) == (1200, 700)


def test_info_json_lists_the_tiles_and_their_scale_factors(client, shown):
    document = info(client, shown).json()
    # 1,200 px: 512-pixel tiles at full size, then halved until the image is one tile.
    assert document["tiles"] == [{"width": 512, "height": 512, "scaleFactors": [1, 2, 4]}]
    assert document["sizes"] == [
        {"width": 300, "height": 175},
        {"width": 600, "height": 350},
        {"width": 1200, "height": 700},
    ]


def test_info_json_is_json_ld_for_viewers_on_any_origin(client, shown):
    response = info(client, shown)
    assert response["Content-Type"] == f'application/ld+json;profile="{IMAGE_CONTEXT}"'
    assert response["Access-Control-Allow-Origin"] == "*"


def test_a_large_image_is_handed_out_whole_at_3000_pixels_at_most(client, tree):
    image = HeritageImageFactory(file=two_colours(4000, 1000))
    add_item_image(tree.items[1], image)
    document = info(client, image).json()
    assert (document["maxWidth"], document["maxHeight"]) == (3000, 750)
    assert max(size["width"] for size in document["sizes"]) == 3000
    assert served(client, image, "full/max/0/default.jpg").size == (3000, 750)


def test_the_base_uri_sends_the_client_to_info_json(client, shown):
    response = client.get(f"/iiif/image/{shown.pk}")
    assert response.status_code == 303
    assert response["Location"] == f"/iiif/image/{shown.pk}/info.json"


def test_the_whole_image_at_max(client, shown):
    picture = served(client, shown, "full/max/0/default.jpg")
    assert picture.size == (1200, 700)
    assert near(picture.getpixel((100, 350)), RED) and near(picture.getpixel((1100, 350)), BLUE)


@pytest.mark.parametrize("size", ["300,175", "300,"])
def test_the_whole_image_at_a_listed_size(client, shown, size):
    assert served(client, shown, f"full/{size}/0/default.jpg").size == (300, 175)


def test_a_tile_is_the_region_of_the_original(client, shown):
    # The second tile of the first row at full size: x 512–1023, all blue past x = 600.
    picture = served(client, shown, "512,0,512,512/512,512/0/default.jpg")
    assert picture.size == (512, 512)
    assert near(picture.getpixel((40, 100)), RED)  # x = 552 in the image
    assert near(picture.getpixel((300, 100)), BLUE)  # x = 812


def test_a_tile_at_the_edge_is_cut_to_the_image(client, shown):
    picture = served(client, shown, "1024,512,176,188/176,188/0/default.jpg")
    assert picture.size == (176, 188)
    assert near(picture.getpixel((88, 94)), BLUE)


def test_a_tile_at_a_scale_factor_is_scaled_down(client, shown):
    # Scale factor 2: 1,024-pixel tiles served at 512.
    picture = served(client, shown, "1024,0,176,700/88,350/0/default.jpg")
    assert picture.size == (88, 350)


def test_every_tile_of_the_grid_is_served(client, shown):
    """What a viewer asks for, tile by tile, as the Image API's implementation notes say."""
    service = image_api.ImageService.of(shown)
    for factor in service.scale_factors:
        side = 512 * factor
        for y in range(0, 700, side):
            for x in range(0, 1200, side):
                w, h = min(side, 1200 - x), min(side, 700 - y)
                size = (math.ceil(w / factor), math.ceil(h / factor))
                path = f"{x},{y},{w},{h}/{size[0]},{size[1]}/0/default.jpg"
                assert served(client, shown, path).size == size


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("full/max/90/default.jpg", "rotation"),
        ("full/max/0/gray.jpg", "quality"),
        ("full/max/0/default.png", "quality"),
        ("full/full/0/default.jpg", "size"),  # Image API 2's word; 3 says max
        ("full/123,/0/default.jpg", "size"),
        ("full/pct:50/0/default.jpg", "size"),
        ("0,0,512,512/256,256/0/default.jpg", "size"),
        ("1,1,10,10/10,10/0/default.jpg", "region"),
        ("square/max/0/default.jpg", "region"),
        ("0,0,99999999999999999999,1/1,1/0/default.jpg", "region"),
        ("-512,0,512,512/512,512/0/default.jpg", "region"),
    ],
)
def test_a_request_the_service_does_not_list_is_a_400_naming_the_parameter(
    client, shown, path, parameter
):
    response = client.get(f"/iiif/image/{shown.pk}/{path}")
    assert response.status_code == 400
    assert response.content.decode().startswith(f"{parameter}:")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_image_on_no_public_item_has_no_service(client, tree):
    unused = HeritageImageFactory()
    assert client.get(f"/iiif/image/{unused.pk}/info.json").status_code == 404


@pytest.mark.parametrize("suffix", ["", "/info.json", "/full/max/0/default.jpg"])
def test_an_id_past_the_database_s_integers_names_no_image(client, db, suffix):
    assert client.get(f"/iiif/image/{2**63}{suffix}").status_code == 404


def test_an_image_of_a_private_item_has_no_service(client, tree, shown):
    PageViewRestriction.objects.create(
        page=tree.items[1], restriction_type=PageViewRestriction.LOGIN
    )
    cache.clear()
    assert client.get(f"/iiif/image/{shown.pk}/info.json").status_code == 404
    assert client.get(f"/iiif/image/{shown.pk}/full/max/0/default.jpg").status_code == 404


def test_an_image_of_a_draft_item_has_no_service(client, tree):
    draft = ItemPageFactory(parent=tree.collection, live=False)
    image = HeritageImageFactory()
    add_item_image(draft, image)
    assert client.get(f"/iiif/image/{image.pk}/info.json").status_code == 404


def test_the_manifest_names_each_image_s_service(client, tree, shown):
    response = client.get(f"/iiif/items/{tree.items[1].translation_key}/manifest.json")
    Manifest.model_validate_json(response.content)
    body = response.json()["items"][0]["items"][0]["items"][0]["body"]
    assert body["service"] == [
        {
            "id": f"http://testserver/iiif/image/{shown.pk}",
            "type": "ImageService3",
            "profile": "level0",
        }
    ]


def test_a_tile_already_made_is_reused(client, shown):
    served(client, shown, "0,0,512,512/512,512/0/default.jpg")
    count = shown.renditions.count()
    served(client, shown, "0,0,512,512/512,512/0/default.jpg")
    assert shown.renditions.count() == count


# IIIF's own validator, over HTTP ------------------------------------------------------------


def validation_image():
    """The validator's test image, drawn from its own table of colours: 1,000 × 1,000
    pixels, ten by ten squares of 100 pixels (column x, row y)."""
    colours = validator.ValidationInfo().colorInfo
    picture = Image.new("RGB", (1000, 1000))
    for x in range(10):
        for y in range(10):
            picture.paste(colours[x][y], (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    data = io.BytesIO()
    picture.save(data, "PNG")
    return ImageFile(io.BytesIO(data.getvalue()), name="validation.png")


def test_iiif_s_validator_passes_every_level_0_test(live_site, tree):
    image = HeritageImageFactory(file=validation_image())
    add_item_image(tree.items[1], image)
    server = live_site.removeprefix("http://")
    names = [
        name
        for name, test in validator.TestSuite(validator.ValidationInfo()).list_tests("3.0").items()
        if test["level"] == 0
    ]
    failures = {}
    for name in names:
        result = validator.ImageAPI(str(image.pk), server, "iiif/image", version="3.0", debug=False)
        validator.TestSuite(validator.ValidationInfo()).run_test(name, result)
        if result.exception:
            failures[name] = (result.urls, result.exception.message)
    assert sorted(names) == ["format_jpg", "id_basic", "id_squares", "info_json", "size_nofull"]
    assert not failures, failures
