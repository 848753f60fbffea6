"""Moderators and hub editors review applications to join; hub editors may also delete one
(an applicant's request to erase their data). Partner editors and translators get nothing."""

from django.db import migrations

from partners.roles import HUB_EDITORS, MODERATORS, create_missing_permissions, grant

REVIEW = [("partners", "view_joinapplication"), ("partners", "change_joinapplication")]


def grant_review_permissions(apps, schema_editor):
    create_missing_permissions(apps)
    grant(apps, MODERATORS, REVIEW)
    grant(apps, HUB_EDITORS, REVIEW + [("partners", "delete_joinapplication")])


class Migration(migrations.Migration):
    dependencies = [("partners", "0008_join_applications")]

    operations = [migrations.RunPython(grant_review_permissions, migrations.RunPython.noop)]
