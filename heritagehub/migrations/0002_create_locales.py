"""The five content locales exist from the first migrate, Italian (the default) first."""

from django.db import migrations

LANGUAGE_CODES = ["it", "en", "fr", "de", "es"]


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("heritagehub", "0001_initial"),
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
