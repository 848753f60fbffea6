"""What a demo database holds, as JSON: run inside `manage.py shell` by test_load_demo.py.

    python manage.py shell -c "from tests.demo.demo_census import main; main()"
    python manage.py shell -c "from tests.demo.demo_census import main; main(crawl_limit=0)"

The load_demo tests run the command in a separate process on a database of their own (it
must run outside any transaction, like `make run` does) and read this report.
"""

import json
import re
import sys
from collections import Counter, deque
from urllib.parse import urljoin, urlsplit

DEMO_PASSWORD = "heritagehub-demo"
LANGUAGES = ["it", "en", "fr", "de", "es"]


def counts():
    """How many of each thing the database holds (what a second run must not change)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from taggit.models import Tag
    from wagtail.models import Collection, Page, Revision, Workflow

    from heritage_collections.models import ItemImage
    from heritagehub.models import HeritageImage
    from home.models import FormField
    from partners.models import JoinApplication

    result = Counter()
    for page_type, language, live in Page.objects.values_list(
        "content_type__model", "locale__language_code", "live"
    ):
        result[f"page {page_type} {language}{'' if live else ' draft'}"] += 1
    for model in (
        HeritageImage,
        ItemImage,
        FormField,
        Collection,
        Tag,
        Revision,
        Group,
        Workflow,
        JoinApplication,
        get_user_model(),
    ):
        result[model._meta.label] = model.objects.count()
    return dict(result)


def facts():
    """What the demo must contain (issue 2 item 5): a home page in every language, partners in
    Italian and English, translated stories, every page where the tree allows it, images with
    alt text, credit and rights, and the demo accounts (admin, moderator, translator, an
    editor per partner) with the demo password."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex
    from wagtail.search.models import IndexEntry

    from heritage_collections.models import CollectionPage, ItemPage
    from heritagehub.models import HeritageImage
    from home.models import FormPage, HomePage, StandardPage
    from partners.models import PartnerPage
    from stories.models import StoryPage

    def languages_by_key(model):
        by_key = {}
        for key, language in model.objects.live().values_list(
            "translation_key", "locale__language_code"
        ):
            by_key.setdefault(str(key), set()).add(language)
        return by_key

    stories = languages_by_key(StoryPage)
    partners = languages_by_key(PartnerPage)
    users = get_user_model().objects.all()
    bad_tree = Page.find_problems()
    images = list(HeritageImage.objects.all())
    form = FormPage.objects.live().first()
    return {
        "items": len(languages_by_key(ItemPage)),
        "collections": len(languages_by_key(CollectionPage)),
        "stories": len(stories),
        "translated_stories": sum(1 for langs in stories.values() if len(langs) > 1),
        "partners": len(partners),
        "partners_without_it_and_en": [
            key for key, langs in partners.items() if not {"it", "en"} <= langs
        ],
        "home_languages": sorted(
            HomePage.objects.live().values_list("locale__language_code", flat=True)
        ),
        "standard_pages": StandardPage.objects.live().count(),
        "form_fields": form.form_fields.count() if form else 0,
        "images": len(images),
        "images_without_alt": [i.title for i in images if not (i.alt or i.is_decorative)],
        "images_without_credit_or_rights": [i.title for i in images if not (i.credit and i.rights)],
        # Palette-reduced derivatives say so in their credit; each must also carry the note
        # shown above the image, and no faithful file may.
        "reduced_without_note": [
            i.title for i in images if "palette-reduced" in i.credit and not i.reproduction_note
        ],
        "faithful_with_note": [
            i.title for i in images if "palette-reduced" not in i.credit and i.reproduction_note
        ],
        "tree_problems": [len(problem) for problem in bad_tree],
        "items_not_under_a_collection": ItemPage.objects.exclude(
            pk__in=[
                item.pk
                for collection in CollectionPage.objects.all()
                for item in ItemPage.objects.child_of(collection)
            ]
        ).count(),
        "collections_not_under_a_partner": CollectionPage.objects.exclude(
            pk__in=[
                collection.pk
                for partner in PartnerPage.objects.all()
                for collection in CollectionPage.objects.child_of(partner)
            ]
        ).count(),
        "usernames": sorted(users.values_list("username", flat=True)),
        "partner_slugs": sorted(set(PartnerPage.objects.values_list("slug", flat=True))),
        "password_ok": {
            user.username: user.check_password(DEMO_PASSWORD)
            for user in users.filter(username__in=["admin", "moderator", "translator"])
        },
        "superusers": sorted(users.filter(is_superuser=True).values_list("username", flat=True)),
        "care_labels": sorted(
            (item.identifier, label.kind)
            for item in ItemPage.objects.exclude(care_labels__0__isnull=True)
            for label in item.care_notice
        ),
        # Indexed once at the end of the load (demo.indexing), not after each save.
        "pages_not_in_the_search_index": sorted(
            set(Page.objects.filter(depth__gt=1).values_list("pk", flat=True))
            - {
                int(pk)
                for pk in IndexEntry.objects.filter(
                    content_type__in=ContentType.objects.get_for_models(
                        *{page.specific_class for page in Page.objects.filter(depth__gt=1)}
                    ).values()
                ).values_list("object_id", flat=True)
            }
        ),
        "images_without_their_usage": sorted(
            {image.pk for image in images}
            - {
                int(pk)
                for pk in ReferenceIndex.objects.filter(
                    to_content_type=ContentType.objects.get_for_model(HeritageImage)
                ).values_list("to_object_id", flat=True)
            }
        ),
    }


HREF = re.compile(r"""(?:href|src)="([^"#]*)""")


def crawl(limit=None):
    """Follow internal links breadth-first from each locale's home; the status of each URL.

    ``limit`` caps the number of URLs fetched (the full demo site has about 7,000, media
    included, and takes minutes); ``complete`` says whether every link was followed.
    """
    from django.test import Client

    client = Client()
    statuses = {}
    errors = {}
    queue = deque(f"/{language}/" for language in LANGUAGES)
    seen = set(queue)
    while queue and (not limit or len(statuses) < limit):
        url = queue.popleft()
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code >= 400:
            errors[url] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not content_type.startswith("text/html"):
            continue
        for href in HREF.findall(response.content.decode()):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or target.startswith(("/admin/", "/django-admin/")):
                continue
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return {
        "pages": len(statuses),
        "errors": errors,
        "complete": not queue,
    }


def main(crawl_limit=None):
    """The census as JSON; with ``crawl_limit`` (0: no limit) also a crawl of the site."""
    report = {"counts": counts(), "facts": facts()}
    if crawl_limit is not None:
        report["crawl"] = crawl(crawl_limit)
    json.dump(report, sys.stdout)
    sys.stdout.write("\n")
