"""`manage.py tate_csv [--full] [--limit N] > tate.csv`

Tate's open collection records as an Item CSV (the demo's 2,000-record sample, or all
69,202 records with --full), e.g. to try or measure import_items.
"""

from itertools import islice

from django.core.management.base import BaseCommand, CommandError

from demo.base import DemoDataError
from demo.loader import data_dir
from demo.tate_csv import tate_source, write_tate_csv


class Command(BaseCommand):
    help = "Write Tate's records as an Item CSV to stdout (the demo sample, or --full)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full", action="store_true", help="All 69,202 records, not the 2,000 sample."
        )
        parser.add_argument("--limit", type=int, help="At most this many rows.")

    def handle(self, *args, **options):
        try:
            records, deaths = tate_source(data_dir(), full=options["full"])
            if options["limit"] is not None:
                records = islice(records, options["limit"])
            write_tate_csv(self.stdout, records, deaths)
        except (DemoDataError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
