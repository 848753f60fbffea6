from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_archive_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventkind",
            name="uri",
            field=models.CharField(
                blank=True,
                help_text="The same concept in Getty AAT or Wikidata, e.g. http://vocab.getty.edu/aat/300033618. Leave empty when unsure.",
                max_length=200,
                verbose_name="URI",
            ),
        ),
    ]
