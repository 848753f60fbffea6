"""The items' full-text index, in every site language, on PostgreSQL and SQLite.

Each catalogue entry (an item as the visitors of one language find it) is indexed with the
text of the page those visitors are served, in three weights: title and identifier (A);
creator, place, tags and the name of the object type in every site language (B), so that
"dipinto", "painting" and "Gemälde" all find the paintings; description and materials (C).
Words are folded (no case, no accents) and stemmed by the Snowball stemmer of the entry's
language, and the visitor's query is read the same way, so "paintings" finds "painting".

PostgreSQL: ``CatalogueEntry.search_document`` is a ``tsvector`` built with the text search
configuration ``heritagehub_<language>`` (the language's Snowball stemmer after ``unaccent``),
under a GIN index per language; browse filters, counts and ranks on the one table.
SQLite: an FTS5 table per language, ``heritage_collections_search_<language>``, whose rowid
is the entry's id, holds the stems the project computes (PyStemmer: the same Snowball
algorithms); a trigger removes an entry's row with the entry.

The index follows the catalogue: ``heritage_collections.catalogue`` writes every batch of
entries through ``insert_entries`` (publish, unpublish, move, delete, translation, import).
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, F, FloatField
from django.db.models.expressions import RawSQL
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from heritagehub.bulk import driver_values, execute_values, insert_rows, prepared_columns
from heritagehub.search import (
    MAX_RANKED,
    closest_word,
    fold,
    parse_query,
    snippet,
    stems,
    words,
)

from .models import CatalogueEntry, ItemPage, ItemTag, ObjectType, SearchWord

# PostgreSQL: ts_rank's weights of D, C, B, A: a title match comes before any number of
# matches in the description.
RANK_WEIGHTS = "{0.01, 0.05, 0.2, 1.0}"
# SQLite: bm25's weight of the FTS5 columns (title, body).
TITLE_WEIGHT = 10.0
MAX_TEXT = 20_000  # characters of description indexed (the rest of a long text adds little)
ENTRY_TABLE = CatalogueEntry._meta.db_table
WORD_LENGTHS = (3, 40)  # the words "did you mean" knows
# A text query matching more of a language's entries than this is "broad" (a word such as
# "drawing" matches three items in four): ranking every match (ts_rank or bm25 reads each
# one's whole document) would take too long, so its results come by title (by_title), and
# its total is counted in the same pass as the facets. When even that pass would read too
# many rows (sample_above()), the total and the facets are counted in a random sample of
# about SAMPLE_MATCHES of the matches and shown as estimates.
BROAD_MATCHES = 2_000
SAMPLE_MATCHES = 1_000
# PostgreSQL's sample reads a share of the whole table (its pages at random, every
# language's rows on them), so it reads fewer rows than the matches only when they are
# many; SQLite's is a share of the FTS5 index's list of matches, cheap at any number.
SAMPLE_ABOVE = {"postgresql": 25_000, "sqlite": BROAD_MATCHES}
# Beyond this many matches, most entries match: by_title reads the title index in order.
INDEX_ORDER_ABOVE = 25_000
# The site search ranks up to BROAD_MATCHES matches too; beyond, its items come by title.
# SQLite: a sample of entries picked by a hash of their id (Knuth's multiplicative hash),
# so that neighbouring ids (an item's five languages, an import's rows) spread evenly.
HASH_MULTIPLIER, HASH_RANGE = 2654435761, 1000


def config(language):
    """PostgreSQL's text search configuration of a site language (made by the migration)."""
    return f"heritagehub_{language}"


def fts_table(language):
    """SQLite's FTS5 table of a site language's entries (made by the migration)."""
    return f"heritage_collections_search_{language}"


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


# Indexing ---------------------------------------------------------------------------------


def object_type_names():
    """{object type slug: {language: its name in that language}}."""
    names = defaultdict(dict)
    for slug, name, language in ObjectType.objects.values_list(
        "slug", "name", "locale__language_code"
    ):
        names[slug][language] = name
    return names


@dataclass
class PageText:
    """An item page's searchable text: in its language, and its object type's names."""

    language: str
    title: str  # A: title and identifier
    details: str  # B: creator, place, tags
    description: str  # C: description and materials
    vocabulary: dict  # B: {language: the object type's name in it}


def page_texts(pages, language_of=None, type_slug_of=None, tags=None):
    """{page pk: PageText} of item pages (``locale`` and ``object_type`` loaded), in two
    queries. New pages in memory give ``language_of(page)``, ``type_slug_of(page)`` and
    ``tags`` ({page pk: tag names}) instead: one query."""
    if tags is None:
        tags = defaultdict(list)
        tagged = ItemTag.objects.filter(content_object_id__in=[p.pk for p in pages])
        for page_id, name in tagged.values_list("content_object_id", "tag__name"):
            tags[page_id].append(name)
    if language_of is None:
        language_of = loaded_language
    if type_slug_of is None:
        type_slug_of = loaded_type_slug
    type_names = object_type_names()
    return {
        page.pk: PageText(
            language=language_of(page),
            # The identifier also as its words: PostgreSQL's parser reads "MC-0003" as "mc"
            # and the negative number "-0003", which a search for "mc 0003" would not find.
            title=f"{page.title} {page.full_title} {page.identifier} "
            + " ".join(words(page.identifier)),
            details=" ".join([page.creator, page.place_name, *tags.get(page.pk, ())]),
            description=f"{strip_tags(page.description)[:MAX_TEXT]} {page.materials[:2000]}",
            vocabulary=type_names.get(type_slug_of(page), {}),
        )
        for page in pages
    }


def loaded_language(page):
    return page.locale.language_code


def loaded_type_slug(page):
    return page.object_type.slug if page.object_type else ""


def insert_entries(fields, rows, texts):
    """Insert catalogue entries (tuples of the CatalogueEntry ``fields``, "language_code"
    and "page" among them) indexed with the PageText of their page (``texts``: {page pk:
    PageText}). On PostgreSQL an entry is written once, its document computed by the same
    statement: written first and updated with its document after, each new entry went
    twice into the table's eighteen indexes."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        _insert_postgresql(fields, rows, texts)
    else:
        ids = insert_rows(CatalogueEntry, fields, rows, returning=True)
        language, page = fields.index("language_code"), fields.index("page")
        _index_sqlite(
            [(entry, row[language], texts[row[page]]) for entry, row in zip(ids, rows, strict=True)]
        )
    _remember_words(texts.values())


def _document_sql():
    """The SQL of a page's document from the columns of ``v`` (``_text_values``), and
    their names."""
    own = "v.language::regconfig"
    document = " || ".join(
        [
            f"setweight(to_tsvector({own}, v.title), 'A')",
            f"setweight(to_tsvector({own}, v.details), 'B')",
            f"setweight(to_tsvector({own}, v.description), 'C')",
            *(
                f"setweight(to_tsvector('{config(code)}', v.vocabulary_{code}), 'B')"
                for code in site_languages()
            ),
        ]
    )
    columns = ["language", "title", "details", "description"]
    return document, columns + [f"vocabulary_{code}" for code in site_languages()]


def _text_values(text):
    return (config(text.language), text.title, text.details, text.description) + tuple(
        text.vocabulary.get(code, "") for code in site_languages()
    )


def _insert_postgresql(fields, rows, texts):
    model_fields, converters = prepared_columns(CatalogueEntry, fields)
    quote = connection.ops.quote_name
    columns = [quote(f.column) for f in model_fields]
    # VALUES are typed by their parameters, not by the table: each column is cast to its own
    # type (a column of NULLs only would be text).
    casts = [
        f"e.{column}::{f.db_type(connection)}"
        for column, f in zip(columns, model_fields, strict=True)
    ]
    page = fields.index("page")
    document, text_columns = _document_sql()
    entry_sql = "(" + ", ".join(["%s"] * len(columns)) + ")"
    text_sql = "(" + ", ".join(["%s"] * (len(text_columns) + 1)) + ")"
    for start in range(0, len(rows), 1000):
        chunk = rows[start : start + 1000]
        pages = list(dict.fromkeys(row[page] for row in chunk))
        execute_values(
            # One document per page, for the entries (languages) it serves.
            f"WITH d AS MATERIALIZED (SELECT v.page::integer AS page, {document} AS document "
            f"FROM (VALUES {', '.join([text_sql] * len(pages))}) "
            f"AS v (page, {', '.join(text_columns)})) "
            f"INSERT INTO {ENTRY_TABLE} ({', '.join(columns)}, search_document) "
            f"SELECT {', '.join(casts)}, d.document "
            f"FROM (VALUES {', '.join([entry_sql] * len(chunk))}) AS e ({', '.join(columns)}) "
            f"JOIN d ON d.page = e.{quote(model_fields[page].column)}::integer",
            [value for key in pages for value in (key, *_text_values(texts[key]))]
            + driver_values(converters, chunk),
        )


def _sqlite_columns(text):
    """(title, body) of an FTS5 row: the stems of the page's text in its language, and of
    its object type's names each in its own."""
    vocabulary = [" ".join(stems(name, code)) for code, name in text.vocabulary.items()]
    return (
        " ".join(stems(text.title, text.language)),
        " ".join(
            [
                *stems(text.details, text.language),
                *stems(text.description, text.language),
                *vocabulary,
            ]
        ),
    )


def _index_sqlite(rows):
    columns = {}
    by_language = defaultdict(list)
    for entry_id, language, text in rows:
        if id(text) not in columns:
            columns[id(text)] = _sqlite_columns(text)
        by_language[language].append((entry_id, *columns[id(text)]))
    with connection.cursor() as cursor:
        for language, values in by_language.items():
            # Rows of entries replaced since (their ids are new) went with them (trigger).
            cursor.executemany(
                f"INSERT OR REPLACE INTO {fts_table(language)} (rowid, title, body) "
                "VALUES (%s, %s, %s)",
                values,
            )


def is_missing():
    """Whether catalogue entries were written before the index existed (an upgrade)."""
    if connection.vendor == "postgresql":
        return CatalogueEntry.objects.filter(search_document=None).exists()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {fts_table(site_languages()[0])} LIMIT 1")
        return cursor.fetchone() is None and CatalogueEntry.objects.exists()


def _remember_words(texts):
    """The words of these PageTexts, for "did you mean"."""
    low, high = WORD_LENGTHS
    found = {
        word
        for text in texts
        for word in words(f"{text.title} {text.details} {text.description[:2000]}")
        if low <= len(word) <= high and not word.isdigit()
    }
    SearchWord.objects.bulk_create(
        [SearchWord(word=word) for word in sorted(found)], ignore_conflicts=True, batch_size=2000
    )


# Searching --------------------------------------------------------------------------------


def _tsquery(terms, language):
    """(SQL, params) of a tsquery matching every term (a phrase: its words in order), each
    stemmed in every site language; the stop words of the visitor's ``language`` are left
    out (the function the migration made)."""
    parts = ["heritagehub_term(%s, %s::regconfig)"] * len(terms)
    params = [value for term in terms for value in (" ".join(term.words), config(language))]
    return "(" + " && ".join(parts) + ")", params


def _fts_match(terms):
    """SQLite FTS5's MATCH expression: every term, as its stems in any site language,
    quoted (no FTS5 syntax)."""
    alternatives = []
    for term in terms:
        found = dict.fromkeys(
            " ".join(stems(" ".join(term.words), code)) for code in site_languages()
        )
        alternatives.append("(" + " OR ".join(f'"{stem}"' for stem in found if stem) + ")")
    return " AND ".join(alternatives)


def matching(entries, query, language, broad=False):
    """``entries`` (CatalogueEntry rows of ``language``) narrowed to those matching every
    word and phrase of ``query``. ``broad``: most entries match, and they are read in the
    order of an index of ``entries`` (by_title) up to a page's last: on SQLite the
    matches are then looked up for each entry read (``+id``: not the primary key's index),
    not each match's entry looked up and all of them sorted."""
    terms = parse_query(query)
    if not terms:
        return entries.none()
    if connection.vendor == "postgresql":
        sql, params = _tsquery(terms, language)
        return entries.filter(
            RawSQL(f"search_document @@ {sql}", params, output_field=BooleanField())
        )
    table = fts_table(language)
    matches = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"
    if broad:
        column = f"+{connection.ops.quote_name(ENTRY_TABLE)}.id"
        condition = RawSQL(f"{column} IN ({matches})", [_fts_match(terms)], BooleanField())
        return entries.filter(condition)
    return entries.filter(id__in=RawSQL(matches, [_fts_match(terms)]))


def estimated_matches(entries, query, language, filtered=True):
    """(about how many of ``entries`` match ``query``, whether that is exact), cheaply:
    PostgreSQL's planner estimate (from the statistics of the lexemes, no row read);
    SQLite's count of the language's matches in its FTS5 table (an index read, no entry
    read), exact when ``entries`` are all of ``language`` (``filtered=False``), else what
    the filters can only narrow."""
    if not parse_query(query):
        return 0, True
    if connection.vendor == "postgresql":
        plan = json.loads(matching(entries, query, language).values("id").explain(format="json"))
        return int(plan[0]["Plan"]["Plan Rows"]), False
    table = fts_table(language)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {table} WHERE {table} MATCH %s",
            [_fts_match(parse_query(query))],
        )
        return cursor.fetchone()[0], not filtered


def sampled_matches_sql(entries, query, language, share, columns):
    """(SQL, params) selecting ``columns`` of a random ``share`` (0–1) of the ``entries``
    matching ``query``, the same share each time (facet counts do not flicker between
    pages). PostgreSQL: ``TABLESAMPLE SYSTEM``, the table's pages picked at random, so only
    those are read; SQLite: the FTS5 matches whose rowid hashes into the share."""
    if connection.vendor == "postgresql":
        sql, params = matching(entries, query, language).values(*columns).query.sql_with_params()
        table = connection.ops.quote_name(ENTRY_TABLE)
        percent = f"{min(100.0, share * 100):.4f}"
        sampled = f"FROM {table} TABLESAMPLE SYSTEM ({percent}) REPEATABLE (19)"
        return sql.replace(f"FROM {table}", sampled, 1), params
    table = fts_table(language)
    within = round(share * HASH_RANGE)
    sample = RawSQL(
        f"SELECT rowid FROM {table} WHERE {table} MATCH %s "
        f"AND (rowid * {HASH_MULTIPLIER}) %% {HASH_RANGE} < {within}",
        [_fts_match(parse_query(query))],
    )
    return entries.filter(id__in=sample).values(*columns).query.sql_with_params()


def ranked(entries, query, language, limit=MAX_RANKED, filtered=True, broad=False):
    """Page ids of ``entries`` (filtered, without the text query) matching ``query``, best
    first: title and identifier before the rest, then by title. At most ``limit``.
    ``filtered=False``: ``entries`` are all of ``language`` (no scope, no filter).
    ``broad``: the query alone matches many entries (BROAD_MATCHES), the filters few."""
    terms = parse_query(query)
    if not terms:
        return []
    if broad and filtered and connection.vendor == "sqlite":
        return _ranked_by_filter(entries, terms, language, limit)
    if connection.vendor == "postgresql":
        sql, params = _tsquery(terms, language)
        rank = RawSQL(f"ts_rank(%s, search_document, {sql})", [RANK_WEIGHTS, *params], FloatField())
        matched = matching(entries, query, language).annotate(rank=rank)
        return list(
            matched.order_by("-rank", "sort_title", "page_id").values_list("page_id", flat=True)[
                :limit
            ]
        )
    # SQLite: the MATCH drives the query (CROSS JOIN keeps that order), ranked by bm25.
    table = fts_table(language)
    if filtered:
        # The MATCH drives the query (CROSS JOIN keeps that order); the filters on the entry.
        within_sql, within_params = entries.values("id").query.sql_with_params()
        sql = (
            f"SELECT e.page_id FROM {table} CROSS JOIN {ENTRY_TABLE} e ON e.id = {table}.rowid "
            f"WHERE {table} MATCH %s AND e.id IN ({within_sql}) "
            f"ORDER BY bm25({table}, {TITLE_WEIGHT}, 1.0), e.sort_title, e.page_id LIMIT %s"
        )
    else:
        # The FTS5 table holds one language's entries: bm25() ranks within it, and only the
        # best ``limit`` are joined to their entries.
        within_params = []
        sql = (
            f"SELECT e.page_id FROM (SELECT rowid AS id, bm25({table}, {TITLE_WEIGHT}, 1.0) "
            f"AS score FROM {table} WHERE {table} MATCH %s ORDER BY score LIMIT %s) AS best "
            f"CROSS JOIN {ENTRY_TABLE} e ON e.id = best.id "
            "ORDER BY best.score, e.sort_title, e.page_id"
        )
    params = [*within_params, limit] if filtered else [limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, [_fts_match(terms), *params])
        return [row[0] for row in cursor.fetchall()]


def _ranked_by_filter(entries, terms, language, limit):
    """SQLite, a broad query narrowed by filters to few entries: the filtered entries read
    through their own index, each looked up among the matches (one list of them, built
    once), those matching in their title first, then by title; not every match joined to
    its entry to rank it by bm25."""
    table = fts_table(language)
    match = _fts_match(terms)
    column = f"+{connection.ops.quote_name(ENTRY_TABLE)}.id"
    matches = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"
    in_title = RawSQL(f"{column} IN ({matches})", [f"title : ({match})"], BooleanField())
    found = entries.filter(RawSQL(f"{column} IN ({matches})", [match], BooleanField()))
    found = found.annotate(in_title=in_title).order_by("-in_title", "sort_title", "page_id")
    return list(found.values_list("page_id", flat=True)[:limit])


def search_items(query, language, limit=MAX_RANKED):
    """The site search's items: page ids of the items served in ``language``, best first."""
    if limit <= 0:
        return []
    entries = CatalogueEntry.objects.filter(language_code=language)
    number, _exact = estimated_matches(entries, query, language, filtered=False)
    if number > BROAD_MATCHES:
        broad = by_title(entries, query, language, number)
        return list(broad.values_list("page_id", flat=True)[:limit])
    return ranked(entries, query, language, limit, filtered=False)


def sample_above():
    """How many matches a query has before browse counts them in a sample."""
    return SAMPLE_ABOVE[connection.vendor]


def by_title(entries, query, language, number):
    """``entries`` matching a broad ``query`` (about ``number`` matches), by title: the
    order of a broad query's results, cheap whatever the number of matches.

    Beyond INDEX_ORDER_ABOVE matches, most entries match: the title index of the entries is
    read in order, each entry checked, up to the page's last result. Fewer, the matches
    can all be far down that index (every "Title not known" matches "known", 5,000 of
    them under "t"): they are found by the text index and only they are sorted; on
    PostgreSQL, ``NULLS FIRST`` (titles are never null) is an order the title index does
    not give, so the planner does not walk it."""
    if number > INDEX_ORDER_ABOVE:
        matches = matching(entries, query, language, broad=True)
        return matches.order_by("sort_title", "page_id")
    matches = matching(entries, query, language)
    return matches.order_by(F("sort_title").asc(nulls_first=True), "page_id")


def identified_item(query, language):
    """The item (as served in ``language``) whose identifier is exactly ``query``, when
    one item has it; else None."""
    identifier = query.strip()
    if not identifier or len(identifier) > 100 or "\x00" in identifier:
        return None
    found = list(
        CatalogueEntry.objects.filter(
            language_code=language, page__identifier=identifier
        ).values_list("page_id", flat=True)[:2]
    )
    return ItemPage.objects.filter(pk=found[0]).first() if len(found) == 1 else None


class ItemSearch:
    """The items' part of the site search (search.pages.register_search)."""

    search = staticmethod(search_items)

    @staticmethod
    def identify(query, language):
        item = identified_item(query, language)
        return item.url if item else None

    @staticmethod
    def suggest(query, language):
        entries = CatalogueEntry.objects.filter(language_code=language)
        return suggestion(entries, query, language)


def item_snippet(item, query):
    """HTML: where the query's words are in an item's description, materials, creator or
    place, highlighted; "" when they are only in its title or object type."""
    language = item.locale.language_code
    for text in (strip_tags(item.description), item.materials, item.creator, item.place_name):
        found = snippet(text, query, language)
        if found:
            return mark_safe(found)  # noqa: S308 - snippet() escapes the text
    return ""


# Did you mean -----------------------------------------------------------------------------


def _closest(word):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # pg_trgm: "%" finds the words sharing enough trigrams (its GIN index).
            cursor.execute(
                f"SELECT word FROM {SearchWord._meta.db_table} WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, word],
            )
            row = cursor.fetchone()
            return row[0] if row else None
    # SQLite: the words with the same first two letters and about as long, by edit ratio.
    prefix = word[:2]
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    candidates = SearchWord.objects.filter(word__gte=prefix, word__lt=following).values_list(
        "word", flat=True
    )
    near = [c for c in candidates[:5000] if abs(len(c) - len(word)) <= 2]
    return closest_word(word, near)


def suggestion(entries, query, language):
    """A query like ``query`` with its unknown words replaced by the closest known ones,
    when it finds some of ``entries``; else ""."""
    terms = parse_query(query)
    low, high = WORD_LENGTHS
    changed, replaced = False, []
    for term in terms:
        if term.is_phrase or not low <= len(term.words[0]) <= high:
            replaced.append(str(term))
            continue
        word = term.words[0]
        if SearchWord.objects.filter(word=word).exists():
            replaced.append(word)
            continue
        closest = _closest(word)
        changed = changed or bool(closest)
        replaced.append(closest or word)
    suggested = " ".join(replaced)
    if not changed or fold(suggested) == fold(query):
        return ""
    return suggested if matching(entries, suggested, language).exists() else ""
