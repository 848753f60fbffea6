import time

from django.core.management.base import BaseCommand

from heritage_collections.oai.index import rebuild_oai_records


class Command(BaseCommand):
    help = (
        "Rebuild the OAI-PMH harvest index (one record per item) from the live item pages. "
        "It is kept up to date on publish; this is for repairs and upgrades. Records of "
        "items that are gone are kept as deleted."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild_oai_records()
        self.stdout.write(f"{count} live OAI records in {time.perf_counter() - started:.1f} s.")
