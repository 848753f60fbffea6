"""HeritageImage: alt text is required unless the image is decorative."""

import pytest
from django.core.exceptions import ValidationError

from heritagehub.rights import RightsStatement
from tests.factories import HeritageImageFactory

pytestmark = pytest.mark.django_db


def test_an_image_without_alt_text_is_refused():
    image = HeritageImageFactory.build(alt_text="", is_decorative=False)
    with pytest.raises(ValidationError) as error:
        image.clean()
    assert "alt_text" in error.value.message_dict


def test_alt_text_of_blanks_only_is_refused():
    image = HeritageImageFactory.build(alt_text="   ", is_decorative=False)
    with pytest.raises(ValidationError):
        image.clean()


def test_a_decorative_image_needs_no_alt_text():
    image = HeritageImageFactory.build(alt_text="", is_decorative=True)
    image.clean()


def test_an_image_with_alt_text_is_accepted():
    HeritageImageFactory.build(alt_text="A bronze coin, obverse").clean()


def test_a_decorative_image_has_an_empty_alt():
    image = HeritageImageFactory(alt_text="Pattern", is_decorative=True)
    assert image.alt == ""
    assert image.default_alt_text == ""


def test_an_informative_image_has_its_alt_text_as_alt():
    image = HeritageImageFactory(alt_text="A bronze coin")
    assert image.alt == "A bronze coin"


def test_image_rights_link_to_the_statement_over_https():
    image = HeritageImageFactory(rights=RightsStatement.CC_BY)
    assert image.rights_url == "https://creativecommons.org/licenses/by/4.0/"
    assert image.rights_label == "CC BY 4.0"


def test_the_image_admin_form_offers_the_heritage_fields():
    from wagtail.images.forms import get_image_form

    from heritagehub.models import HeritageImage

    form_class = get_image_form(HeritageImage)
    for name in ("alt_text", "is_decorative", "credit", "rights"):
        assert name in form_class.base_fields
