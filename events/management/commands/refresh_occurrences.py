"""``manage.py refresh_occurrences``: rebuild every event's occurrences.

Publishing keeps an event's occurrences up to date; this moves the two-year horizon
forward and follows partner changes. Run it nightly (docs/programme.md).
"""

from django.core.management.base import BaseCommand

from events.occurrences import refresh_all


class Command(BaseCommand):
    help = "Rebuild the stored occurrences of every live event (run nightly)."

    def handle(self, *args, **options):
        events, rows = refresh_all()
        self.stdout.write(f"{events} events, {rows} occurrences")
