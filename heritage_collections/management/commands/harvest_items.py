"""`manage.py harvest_items [--source ID ...] [--full] [--dry-run] [--user USERNAME]`

Harvests the partners' OAI-PMH endpoints (the admin's *Harvest sources*) into their
collections, each from the newest datestamp of its last harvest; run it from a timer
(docs/import.md, "Harvesting"). Rows in error are skipped and printed with their reason.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from requests import RequestException
from sickle.oaiexceptions import OAIError

from heritage_collections.importing.harvest import harvest
from heritage_collections.importing.target import TargetError
from heritage_collections.models import HarvestSource


class Command(BaseCommand):
    help = "Harvest the partners' OAI-PMH endpoints into their collections, incrementally."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", help="Only this source (id).")
        parser.add_argument(
            "--full", action="store_true", help="Harvest every record, not only the changed."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument("--user", help="Harvest as this user (revisions, review requests).")

    def handle(self, *args, **options):
        sources = HarvestSource.objects.select_related("collection").order_by("pk")
        if options["source"]:
            sources = sources.filter(pk__in=options["source"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("There is no user “%(name)s”.") % {"name": options["user"]})
        failed = 0
        for source in sources:
            try:
                result = harvest(
                    source, full=options["full"], dry_run=options["dry_run"], user=user
                )
            except (OAIError, RequestException, TargetError, ValueError) as error:
                failed += 1
                self.stderr.write(f"{source}: {error}")
                continue
            for error in result.report.errors:
                self.stderr.write(f"{source}: {error}")
            self.stdout.write(
                _(
                    "%(source)s: %(records)s records (%(deleted)s deleted); %(summary)s "
                    "Unpublished: %(unpublished)s."
                )
                % {
                    "source": source,
                    "records": result.records,
                    "deleted": result.deleted,
                    "summary": result.report.summary(),
                    "unpublished": result.unpublished,
                }
            )
        if failed:
            raise CommandError(
                _("Sources that could not be harvested: %(count)s.") % {"count": failed}
            )
