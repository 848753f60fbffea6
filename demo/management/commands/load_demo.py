"""Load the demo site: partners, collections, items, stories, translations and accounts.

Idempotent: a second run finds everything the first created and changes nothing. Refuses to
run with DEBUG off, because it creates accounts with a published password. Reads the shared
open data from ``../shared/data`` (or ``$HERITAGEHUB_DEMO_DATA``); needs no network.
"""

import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from wagtail.models import Page

from demo.base import DemoDataError, Stats
from demo.indexing import indexed_once
from demo.loader import data_dir, load
from heritage_collections.models import CollectionPage, ItemPage
from heritagehub.models import HeritageImage
from partners.models import PartnerPage
from stories.models import StoryPage


class Command(BaseCommand):
    help = "Load demo content (idempotent). Only with DEBUG on: it creates demo accounts."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "load_demo refuses to run with DEBUG off: it creates accounts whose password "
                "is public. Use it on a local development database only."
            )
        started = time.monotonic()
        stats = Stats()
        try:
            with indexed_once():
                load(data_dir(), stats)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        elapsed = time.monotonic() - started
        if options["verbosity"] > 0:
            self.report(stats, elapsed)

    def report(self, stats, elapsed):
        created = ", ".join(f"{count} {kind}" for kind, count in sorted(stats.items()))
        self.stdout.write(f"Created: {created or 'nothing (already loaded)'}.")
        by_locale = (
            Page.objects.filter(depth__gt=1)
            .values("locale__language_code")
            .annotate(count=Count("pk"))
            .order_by("locale__language_code")
        )
        pages = ", ".join(f"{row['locale__language_code']} {row['count']}" for row in by_locale)
        self.stdout.write(
            "Demo site: "
            f"{PartnerPage.objects.count()} partner pages, "
            f"{CollectionPage.objects.count()} collection pages, "
            f"{ItemPage.objects.count()} items, "
            f"{StoryPage.objects.count()} story pages, "
            f"{HeritageImage.objects.count()} images, "
            f"{get_user_model().objects.count()} users; pages by locale: {pages}."
        )
        self.stdout.write(self.style.SUCCESS(f"Done in {elapsed:.1f} s."))
