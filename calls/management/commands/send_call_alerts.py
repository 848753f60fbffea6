"""Send the call alert digests: ``manage.py send_call_alerts`` (on a timer, docs/calls.md)."""

from django.core.management.base import BaseCommand

from calls.alerts import send_digests


class Command(BaseCommand):
    help = (
        "E-mail each confirmed subscriber the open calls in their sectors or kinds that they "
        "have not been sent yet. Safe to run as often as you like: a call is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", help="The public address to link to (default: WAGTAILADMIN_BASE_URL)."
        )

    def handle(self, *args, base_url=None, **options):
        written, sent = send_digests(base_url=base_url)
        self.stdout.write(f"Call alerts: {sent} calls sent to {written} subscribers.")
