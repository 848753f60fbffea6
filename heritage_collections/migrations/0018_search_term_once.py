"""PostgreSQL: a query's word as its distinct stems. heritagehub_term joined the word's
stem in each of the five languages, so "grand" was 'grand' | 'grand' | 'grand' | 'grand' |
'grand': the same matches, but the planner counts each alternative again and estimated
2,520 matches where 512 are, and browse reads that estimate to decide whether a query is
broad (heritage_collections.search_index.estimated_matches). Reversed, the function of
0016 again."""

from django.conf import settings
from django.db import migrations


def languages():
    return [code for code, _name in settings.LANGUAGES]


def _term_function(either, volatility="STABLE"):
    return (
        "CREATE OR REPLACE FUNCTION heritagehub_term(term text, visitor regconfig) "
        f"RETURNS tsquery LANGUAGE sql {volatility} PARALLEL SAFE AS $$ "
        "SELECT CASE WHEN numnode(phraseto_tsquery(visitor, term)) = 0 "
        f"THEN ''::tsquery ELSE {either} END $$"
    )


def distinct_stems(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    each = ", ".join(f"phraseto_tsquery('heritagehub_{code}', term)" for code in languages())
    # Each language's tsquery once (as text, parenthesized), joined by OR and read again.
    either = (
        "coalesce((SELECT string_agg(DISTINCT '(' || q::text || ')', ' | ')::tsquery "
        f"FROM unnest(ARRAY[{each}]) AS q WHERE numnode(q) > 0), ''::tsquery)"
    )
    # IMMUTABLE: with its subquery the function is no longer inlined, and PostgreSQL would
    # call it again for every row it checks; immutable, it is evaluated once, when the
    # query is planned, and the planner estimates from the stems themselves. The text
    # search configurations it reads change only by migration, which replaces it too.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(_term_function(either, "IMMUTABLE"))


def every_language(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    either = " || ".join(f"phraseto_tsquery('heritagehub_{code}', term)" for code in languages())
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(_term_function(either))


class Migration(migrations.Migration):
    dependencies = [
        ("heritage_collections", "0017_item_care_labels"),
    ]

    operations = [migrations.RunPython(distinct_stems, every_language)]
