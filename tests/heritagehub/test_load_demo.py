"""`manage.py load_demo`: the demo site's content, idempotent, never on a DEBUG-off site.

Loading the demo creates hundreds of items: it runs once for this module (inside a
transaction rolled back at the end), and the tests below check what it left.
"""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import TestCase, override_settings
from taggit.models import Tag
from wagtail.models import Collection, Page, Revision

from heritage_collections.models import CollectionPage, ItemImage, ItemPage
from heritagehub.models import HeritageImage
from home.models import FormField, FormPage, HomePage, StandardPage
from partners.models import PartnerPage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "heritagehub-demo"


def census():
    """How many of each thing the database holds (what a second run must not change)."""
    counts = Counter()
    for page_type, language in Page.objects.values_list(
        "content_type__model", "locale__language_code"
    ):
        counts[f"page:{page_type}:{language}"] += 1
    counts["live pages"] = Page.objects.live().count()
    for model in (
        HeritageImage,
        ItemImage,
        FormField,
        Collection,
        Tag,
        Revision,
        get_user_model(),
    ):
        counts[model._meta.label] = model.objects.count()
    return counts


def load_demo():
    # Translations publish on commit: run those callbacks as a real commit would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("load_demo", verbosity=0)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Load the demo twice; yield the census after each run. Everything is rolled back."""
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        load_demo()
        first = census()
        load_demo()
        second = census()
        yield first, second
        transaction.set_rollback(True)


def test_load_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    before = census()
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", verbosity=0)
    assert census() == before


def test_load_demo_is_idempotent(demo):
    first, second = demo
    changed = {
        key: (first[key], second[key]) for key in first | second if first[key] != second[key]
    }
    assert changed == {}


def test_demo_has_at_least_300_items_in_6_collections(demo):
    assert ItemPage.objects.live().values("translation_key").distinct().count() >= 300
    assert CollectionPage.objects.live().values("translation_key").distinct().count() >= 6


def test_demo_has_at_least_10_stories_half_translated(demo):
    keys = StoryPage.objects.live().values("translation_key").distinct()
    assert keys.count() >= 10
    translated = [
        key
        for key in keys
        if StoryPage.objects.live().filter(translation_key=key["translation_key"]).count() > 1
    ]
    assert len(translated) * 2 >= keys.count()


def test_demo_home_is_translated_into_english(demo):
    homes = HomePage.objects.live().values_list("locale__language_code", flat=True)
    assert {"it", "en"} <= set(homes)


def test_demo_partner_profiles_are_in_italian_and_english(demo):
    keys = PartnerPage.objects.live().values_list("translation_key", flat=True).distinct()
    assert keys
    for key in keys:
        languages = set(
            PartnerPage.objects.live()
            .filter(translation_key=key)
            .values_list("locale__language_code", flat=True)
        )
        assert {"it", "en"} <= languages, key


def test_demo_has_about_accessibility_and_contact_pages(demo):
    assert StandardPage.objects.live().count() >= 2
    contact = FormPage.objects.live().first()
    assert contact is not None
    assert contact.form_fields.exists()


def test_demo_images_carry_alt_text_credit_and_rights(demo):
    images = HeritageImage.objects.all()
    assert images.count() >= 34
    for image in images:
        assert image.alt or image.is_decorative, image.title
        assert image.credit, image.title
        assert image.rights, image.title


def test_demo_tree_is_consistent(demo):
    """No translated parent with numchild 0 (upstream wagtail-localize#773)."""
    problems = Page.find_problems()
    assert not any(problems), problems


def test_demo_pages_keep_the_tree_rules(demo):
    for item in ItemPage.objects.all()[:50]:
        assert isinstance(item.get_parent().specific, CollectionPage)
    for collection in CollectionPage.objects.all():
        assert isinstance(collection.get_parent().specific, PartnerPage)


def test_demo_accounts_exist_with_the_demo_password(demo):
    User = get_user_model()
    names = set(User.objects.values_list("username", flat=True))
    assert {"admin", "moderator", "translator"} <= names
    partner_slugs = set(PartnerPage.objects.values_list("slug", flat=True))
    editors = {name.removesuffix("-editor") for name in names if name.endswith("-editor")}
    assert editors and editors <= partner_slugs
    for name in ("admin", "moderator", "translator"):
        assert User.objects.get(username=name).check_password(DEMO_PASSWORD)
    assert User.objects.get(username="admin").is_superuser
