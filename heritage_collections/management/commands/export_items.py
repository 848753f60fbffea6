"""`manage.py export_items --partner SLUG [--collection SLUG] > FILE.csv`

Writes a partner's items (or one collection's) as an Item CSV on standard output: the
columns import_items reads, so exporting and importing again changes nothing.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from heritage_collections.importing import TargetError
from heritage_collections.importing.export import export_items


class Command(BaseCommand):
    help = "Write a partner's items as an Item CSV (the columns of import_items) to stdout."

    def add_arguments(self, parser):
        parser.add_argument("--partner", required=True, help="The partner's slug, e.g. tate.")
        parser.add_argument("--collection", help="Only this collection (its slug).")

    def handle(self, *args, **options):
        try:
            count = export_items(self.stdout, options["partner"], options["collection"])
        except TargetError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] >= 2:
            self.stderr.write(_("Items exported: %(count)s.") % {"count": count})
