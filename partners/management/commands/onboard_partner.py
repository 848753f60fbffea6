"""`manage.py onboard_partner "Name" --slug SLUG --type TYPE [--editor-email E] [--lead-approval]`

Creates the partner's draft page, editors' group, media collection, review workflow and,
with --editor-email, a first editor account with an e-mailed invitation. Running it again
changes nothing. See partners/onboarding.py.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from partners.onboarding import onboard_partner


class Command(BaseCommand):
    help = (
        "Onboard a partner institution: its draft page, editors' group (no publish right), "
        "media collection, review workflow and, optionally, a first editor with an e-mailed "
        "invitation. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The institution's name, e.g. “Museo Civico”.")
        parser.add_argument("--slug", required=True, help="Its slug, e.g. museo-civico.")
        parser.add_argument(
            "--type",
            dest="institution_type",
            help="Its institution type (slug), e.g. museum. Required for a new partner.",
        )
        parser.add_argument("--editor-email", help="E-mail address of a first editor to invite.")
        parser.add_argument(
            "--editor-username", help="The first editor's username (default: SLUG-editor)."
        )
        parser.add_argument(
            "--lead-approval",
            action="store_true",
            help="Submissions are approved by the partner's leads before the hub moderators.",
        )
        parser.add_argument(
            "--language", help="The editor's language (invitation e-mail and admin interface)."
        )
        parser.add_argument(
            "--resend-invitation",
            action="store_true",
            help="Send the editor a new invitation if they have never signed in.",
        )

    def handle(self, *args, **options):
        try:
            result = onboard_partner(
                options["name"],
                options["slug"],
                options["institution_type"],
                editor_email=options["editor_email"],
                editor_username=options["editor_username"],
                lead_approval=options["lead_approval"],
                language=options["language"],
                resend_invitation=options["resend_invitation"],
            )
        except ValidationError as error:
            raise CommandError(self.describe(error)) from error

        if options["verbosity"] == 0:
            return
        space = result.space
        names = {"name": space.name, "slug": space.slug}
        if result.changed:
            self.stdout.write(_("Onboarded %(name)s (%(slug)s):") % names)
            for change in result.changes:
                self.stdout.write(f"  + {change}")
        else:
            self.stdout.write(
                _("%(name)s (%(slug)s) is already onboarded: nothing changed.") % names
            )
        state = _("live") if result.page.live else _("draft, waiting for review")
        self.stdout.write(
            _("Partner page: %(path)s (%(state)s), id %(id)s")
            % {"path": result.page.url_path, "state": state, "id": result.page.pk}
        )
        self.stdout.write(
            _("Editors: “%(group)s”; media collection “%(collection)s”")
            % {"group": space.editors.name, "collection": space.collection}
        )
        self.stdout.write(_("Review workflow: “%(workflow)s”") % {"workflow": space.workflow.name})
        if result.editor is not None:
            line = _("Editor: %(username)s <%(email)s>") % {
                "username": result.editor.get_username(),
                "email": result.editor.email,
            }
            if result.invitation_sent:
                line += " — " + _("invitation e-mailed")
            self.stdout.write(line)

    @staticmethod
    def describe(error):
        lines = []
        for field, messages in error.message_dict.items():
            label = {"institution_type": "--type", "name": "name"}.get(
                field, "--" + field.replace("_", "-")
            )
            lines += [f"{label}: {message}" for message in messages]
        return "\n".join(lines)
