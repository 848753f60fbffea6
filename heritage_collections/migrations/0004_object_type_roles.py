"""Translators translate the object-type vocabulary; hub editors also add terms."""

from django.db import migrations

from partners.roles import HUB_EDITORS, TRANSLATORS, create_missing_permissions, grant


def grant_object_type_permissions(apps, schema_editor):
    create_missing_permissions(apps)
    grant(apps, TRANSLATORS, [("heritage_collections", "change_objecttype")])
    grant(
        apps,
        HUB_EDITORS,
        [
            ("heritage_collections", "add_objecttype"),
            ("heritage_collections", "change_objecttype"),
        ],
    )


class Migration(migrations.Migration):
    dependencies = [
        ("heritage_collections", "0003_object_types"),
        ("partners", "0005_roles"),
    ]

    operations = [
        migrations.RunPython(grant_object_type_permissions, migrations.RunPython.noop)
    ]
