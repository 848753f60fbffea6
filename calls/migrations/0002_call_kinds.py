"""The hub's kinds of call, named in all five languages."""

from django.db import migrations

from heritagehub.migration_helpers import create_vocabulary_terms

# slug: (it, en, fr, de, es)
CALL_KINDS = {
    "residency": ("Residenza", "Residency", "Résidence", "Residenz", "Residencia"),
    "grant-funding": (
        "Bando e finanziamento", "Grant and funding", "Subvention et financement",
        "Förderung und Finanzierung", "Subvención y financiación",
    ),
    "training": ("Formazione", "Training", "Formation", "Weiterbildung", "Formación"),
    "job-internship": (
        "Lavoro o tirocinio", "Job or internship", "Emploi ou stage", "Stelle oder Praktikum",
        "Empleo o prácticas",
    ),
    "call-for-proposals": (
        "Call per proposte", "Call for proposals", "Appel à propositions",
        "Aufruf zur Einreichung von Vorschlägen", "Convocatoria de propuestas",
    ),
    "new-partners": (
        "Adesione di nuovi partner", "Call for new partners", "Appel à nouveaux partenaires",
        "Aufruf für neue Partner", "Convocatoria de nuevos socios",
    ),
    "other": ("Altra opportunità", "Other opportunity", "Autre opportunité",
              "Andere Gelegenheit", "Otra oportunidad"),
}


def create_kinds(apps, schema_editor):
    create_vocabulary_terms(apps, "calls", "CallKind", CALL_KINDS)


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0001_initial"),
        ("heritagehub", "0002_create_locales"),
        ("partners", "0002_vocabularies"),
    ]

    operations = [migrations.RunPython(create_kinds, migrations.RunPython.noop)]
