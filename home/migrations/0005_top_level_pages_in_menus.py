"""The main menu and the footer come from the page tree now (``show_in_menus``).

Before, the footer took the top-level pages with the slugs about, accessibility,
accessibility-statement and privacy, and the menu every other top-level page unless an editor
had marked some "show in menus". This records that choice in the tree once, for sites whose
editors never marked a page, so that their menu and footer stay as they were.
"""

from django.db import migrations

FORMER_FOOTER_SLUGS = ("about", "accessibility", "accessibility-statement", "privacy")


def mark_menu_pages(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    Page = apps.get_model("wagtailcore", "Page")
    top_level = Page.objects.none()
    for home in HomePage.objects.only("path", "depth"):
        top_level |= Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if top_level.filter(show_in_menus=True).exists():
        return  # editors chose the menu themselves: it was shown as they chose
    top_level.exclude(slug__in=FORMER_FOOTER_SLUGS).update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_alter_standardpage_body"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(mark_menu_pages, migrations.RunPython.noop)]
