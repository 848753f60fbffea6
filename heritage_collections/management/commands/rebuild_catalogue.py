import time

from django.core.management.base import BaseCommand

from heritage_collections.catalogue import rebuild_catalogue


class Command(BaseCommand):
    help = (
        "Rebuild the catalogue entries browse uses (one per item and language) from the live "
        "item pages. They are kept up to date on publish; this is for repairs and upgrades."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild_catalogue()
        self.stdout.write(f"{count} catalogue entries in {time.perf_counter() - started:.1f} s.")
