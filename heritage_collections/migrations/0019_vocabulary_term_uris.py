"""Object types carry the URI of the same concept in the Getty Art & Architecture Thesaurus,
so the EDM records link them as skos:Concepts. "Object" is too broad to name one concept:
it has none."""

from django.db import migrations, models

from heritagehub.migration_helpers import set_vocabulary_uris

AAT = "http://vocab.getty.edu/aat/"
OBJECT_TYPE_URIS = {
    "painting": AAT + "300033618",  # paintings (visual works)
    "drawing": AAT + "300033973",  # drawings (visual works)
    "print": AAT + "300041273",  # prints (visual works)
    "photograph": AAT + "300046300",  # photographs
    "sculpture": AAT + "300047090",  # sculpture (visual works)
    "installation": AAT + "300047896",  # installations (visual works)
    "document": AAT + "300026030",  # documents
    "manuscript": AAT + "300028569",  # manuscripts (documents)
    "book": AAT + "300028051",  # books
    "map": AAT + "300028094",  # maps (documents)
    "poster": AAT + "300027221",  # posters
    "textile": AAT + "300014063",  # textiles (visual works)
    "ceramic": AAT + "300151343",  # ceramics (objects)
    "coin": AAT + "300037222",  # coins (money)
    "sound-recording": AAT + "300028633",  # sound recordings
    "video": AAT + "300028682",  # video recordings
}


def set_uris(apps, schema_editor):
    set_vocabulary_uris(apps, "heritage_collections", "ObjectType", OBJECT_TYPE_URIS)


class Migration(migrations.Migration):
    dependencies = [
        ("heritage_collections", "0018_search_term_once"),
    ]

    operations = [
        migrations.AddField(
            model_name="objecttype",
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
