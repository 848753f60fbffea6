"""Institution types and sectors carry the URI of the same concept in Wikidata, so the hub
can link them as concepts. Terms without one have no Wikidata item that means exactly them
(a creative hub, "music and performing arts" …): they stay empty rather than approximate."""

from django.db import migrations, models

from heritagehub.migration_helpers import set_vocabulary_uris

WIKIDATA = "http://www.wikidata.org/entity/"
INSTITUTION_TYPE_URIS = {
    "museum": WIKIDATA + "Q33506",
    "archive": WIKIDATA + "Q166118",
    "library": WIKIDATA + "Q7075",
    "research-centre": WIKIDATA + "Q31855",  # research institute
    "company": WIKIDATA + "Q783794",
}
SECTOR_URIS = {
    "cultural-heritage": WIKIDATA + "Q210272",
    "architecture": WIKIDATA + "Q12271",
    "contemporary-art": WIKIDATA + "Q186030",
    "software": WIKIDATA + "Q7397",
    "publishing": WIKIDATA + "Q3972943",
}


def set_uris(apps, schema_editor):
    set_vocabulary_uris(apps, "partners", "InstitutionType", INSTITUTION_TYPE_URIS)
    set_vocabulary_uris(apps, "partners", "Sector", SECTOR_URIS)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0010_join_application_service_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="institutiontype",
            name="uri",
            field=models.CharField(
                blank=True,
                help_text="The same concept in Getty AAT or Wikidata, e.g. http://vocab.getty.edu/aat/300033618. Leave empty when unsure.",
                max_length=200,
                verbose_name="URI",
            ),
        ),
        migrations.AddField(
            model_name="sector",
            name="uri",
            field=models.CharField(
                blank=True,
                help_text="The same concept in Getty AAT or Wikidata, e.g. http://vocab.getty.edu/aat/300033618. Leave empty when unsure.",
                max_length=200,
                verbose_name="URI",
            ),
        ),
        migrations.AddField(
            model_name="servicekind",
            name="uri",
            field=models.CharField(
                blank=True,
                help_text="The same concept in Getty AAT or Wikidata, e.g. http://vocab.getty.edu/aat/300033618. Leave empty when unsure.",
                max_length=200,
                verbose_name="URI",
            ),
        ),
        migrations.RunPython(set_uris, migrations.RunPython.noop),
    ]
