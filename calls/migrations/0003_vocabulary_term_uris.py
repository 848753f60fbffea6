from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0002_call_kinds"),
    ]

    operations = [
        migrations.AddField(
            model_name="callkind",
            name="uri",
            field=models.CharField(
                blank=True,
                help_text="The same concept in Getty AAT or Wikidata, e.g. http://vocab.getty.edu/aat/300033618. Leave empty when unsure.",
                max_length=200,
                verbose_name="URI",
            ),
        ),
    ]
