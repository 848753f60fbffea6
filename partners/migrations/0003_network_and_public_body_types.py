"""Hubs are often networks of organisations or run by a public body: name both kinds."""

from django.db import migrations

from heritagehub.migration_helpers import create_vocabulary_terms

# slug: (it, en, fr, de, es)
INSTITUTION_TYPES = {
    "network": ("Rete", "Network", "Réseau", "Netzwerk", "Red"),
    "public-body": (
        "Ente pubblico", "Public body", "Organisme public", "Öffentliche Einrichtung",
        "Organismo público",
    ),
}


def create_types(apps, schema_editor):
    # After the nine types of 0002.
    create_vocabulary_terms(
        apps, "partners", "InstitutionType", INSTITUTION_TYPES, first_sort_order=9
    )


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_vocabularies")]

    operations = [migrations.RunPython(create_types, migrations.RunPython.noop)]
