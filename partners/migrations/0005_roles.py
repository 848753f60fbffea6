"""The hub's roles as groups: Hub editors, Moderators (Wagtail's own) and Translators."""

from django.db import migrations

from partners.roles import ensure_roles


def create_roles(apps, schema_editor):
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_partner_space"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
