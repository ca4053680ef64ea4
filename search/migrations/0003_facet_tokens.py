"""Facet keys inside the full-text index, so that SQLite filters in the FTS5 MATCH.

`SearchDocument.facet_tokens` holds every facet key of a document as one word
(`search.text.facet_token`). On SQLite both FTS5 tables gain a `facet_tokens` column: a filter
such as kind=collective becomes `{facet_tokens} : "fkindx…"` in the MATCH, which FTS5 answers
by merging doclists, instead of a subquery over `SearchFacet` that listed every document of the
facet value (50,000 ids for kind=collective at 100,000 exemplars) on every request.

SQLite rebuilds a table when a NOT NULL column is added, which would drop the triggers of 0002:
so the FTS tables and triggers are dropped first and created again afterwards, then filled
with FTS5's 'rebuild' from the document table. On PostgreSQL the column is filled too (filters
there use `SearchFacet`, which the planner joins by hash).
"""

import importlib

from django.db import migrations, models

v1 = importlib.import_module("search.migrations.0002_fulltext")
REBUILD = [
    "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
    "INSERT INTO search_title_fts(search_title_fts) VALUES ('rebuild')",
]

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, title_folded, summary_folded, body_folded, facet_tokens,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE VIRTUAL TABLE search_title_fts USING fts5(
        title, title_folded, facet_tokens,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')""",
    "CREATE VIRTUAL TABLE search_title_vocab USING fts5vocab(search_title_fts, 'col')",
    """CREATE TRIGGER search_doc_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, title_folded, summary_folded, body_folded, facet_tokens)
        VALUES (new.page_id, new.title, new.summary, new.title_folded, new.summary_folded, new.body_folded,
                new.facet_tokens);
        INSERT INTO search_title_fts(rowid, title, title_folded, facet_tokens)
        VALUES (new.page_id, new.title, new.title_folded, new.facet_tokens);
    END""",
    """CREATE TRIGGER search_doc_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, title_folded, summary_folded, body_folded,
                               facet_tokens)
        VALUES ('delete', old.page_id, old.title, old.summary, old.title_folded, old.summary_folded,
                old.body_folded, old.facet_tokens);
        INSERT INTO search_title_fts(search_title_fts, rowid, title, title_folded, facet_tokens)
        VALUES ('delete', old.page_id, old.title, old.title_folded, old.facet_tokens);
    END""",
    """CREATE TRIGGER search_doc_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, title_folded, summary_folded, body_folded,
                               facet_tokens)
        VALUES ('delete', old.page_id, old.title, old.summary, old.title_folded, old.summary_folded,
                old.body_folded, old.facet_tokens);
        INSERT INTO search_title_fts(search_title_fts, rowid, title, title_folded, facet_tokens)
        VALUES ('delete', old.page_id, old.title, old.title_folded, old.facet_tokens);
        INSERT INTO search_fts(rowid, title, summary, title_folded, summary_folded, body_folded, facet_tokens)
        VALUES (new.page_id, new.title, new.summary, new.title_folded, new.summary_folded, new.body_folded,
                new.facet_tokens);
        INSERT INTO search_title_fts(rowid, title, title_folded, facet_tokens)
        VALUES (new.page_id, new.title, new.title_folded, new.facet_tokens);
    END""",
    *REBUILD,
]

FILL = {
    "sqlite": """UPDATE search_searchdocument SET facet_tokens = coalesce((
        SELECT group_concat('f' || replace(f.name, '_', '') || 'x' || lower(hex(f.value)), ' ')
        FROM search_searchfacet f WHERE f.document_id = search_searchdocument.page_id), '')""",
    "postgresql": """UPDATE search_searchdocument d SET facet_tokens = coalesce((
        SELECT string_agg('f' || replace(f.name, '_', '') || 'x' || encode(convert_to(f.value, 'UTF8'), 'hex'), ' ')
        FROM search_searchfacet f WHERE f.document_id = d.page_id), '')""",
}


def _sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


def fill(apps, schema_editor):
    sql = FILL.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [
        # the same names as in 0002: dropping them takes the same statements
        migrations.RunPython(_sqlite(v1.SQLITE_BACKWARD), _sqlite([*v1.SQLITE_FORWARD, *REBUILD])),
        migrations.AddField(
            model_name="searchdocument",
            name="facet_tokens",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(
            _sqlite(SQLITE_FORWARD),
            _sqlite(v1.SQLITE_BACKWARD),
        ),
    ]
