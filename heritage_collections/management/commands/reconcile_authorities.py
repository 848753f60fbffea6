from django.core.management.base import BaseCommand

from authorities.roles import PlaceRole
from heritage_collections.reconciliation import reconcile


class Command(BaseCommand):
    help = (
        "Propose links from items' creator and place texts to the hub's authority records, "
        "by name, for editors to review (Snippets → Proposed links to records). Looks up "
        "nothing outside the hub. Proposals made before are not made again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--accept-exact",
            action="store_true",
            help="Accept at once the proposals whose name matches one record only.",
        )
        parser.add_argument(
            "--place-role",
            choices=PlaceRole.values,
            default=PlaceRole.MADE,
            help="The role of the place an item's place text names (default: made).",
        )

    def handle(self, *args, accept_exact=False, place_role=PlaceRole.MADE, **options):
        result = reconcile(accept_exact=accept_exact, place_role=place_role)
        self.stdout.write(
            f"{result.proposed} links proposed, {result.accepted} accepted "
            f"({result.linked} item pages linked)."
        )
