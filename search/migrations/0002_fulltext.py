"""Full-text structures for the embedded engine, per database vendor.

SQLite: two FTS5 tables with external content (the document table), kept in step by triggers:
`search_fts` (accented title/summary for exact-accent ranking, folded title/summary/body for
accent-free matching) and `search_title_fts` (titles only, with prefix indexes for suggestions
and the title tier of ranking), plus an fts5vocab table over titles for spelling suggestions.
The tokenizer keeps diacritics (`remove_diacritics 0`) so that the accented columns match only
exact accents; folding is done in Python (anyascii), identically for documents and queries.

PostgreSQL: the `unaccent` extension, a text search configuration `guongsang_fold` (a copy of
`simple` with unaccent mapped in), two weighted tsvector columns filled by a trigger, and GIN
indexes on them.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, title_folded, summary_folded, body_folded,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE VIRTUAL TABLE search_title_fts USING fts5(
        title, title_folded,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')""",
    "CREATE VIRTUAL TABLE search_title_vocab USING fts5vocab(search_title_fts, 'row')",
    """CREATE TRIGGER search_doc_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, title, summary, title_folded, summary_folded, body_folded)
        VALUES (new.page_id, new.title, new.summary, new.title_folded, new.summary_folded, new.body_folded);
        INSERT INTO search_title_fts(rowid, title, title_folded) VALUES (new.page_id, new.title, new.title_folded);
    END""",
    """CREATE TRIGGER search_doc_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, title_folded, summary_folded, body_folded)
        VALUES ('delete', old.page_id, old.title, old.summary, old.title_folded, old.summary_folded, old.body_folded);
        INSERT INTO search_title_fts(search_title_fts, rowid, title, title_folded)
        VALUES ('delete', old.page_id, old.title, old.title_folded);
    END""",
    """CREATE TRIGGER search_doc_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, title, summary, title_folded, summary_folded, body_folded)
        VALUES ('delete', old.page_id, old.title, old.summary, old.title_folded, old.summary_folded, old.body_folded);
        INSERT INTO search_title_fts(search_title_fts, rowid, title, title_folded)
        VALUES ('delete', old.page_id, old.title, old.title_folded);
        INSERT INTO search_fts(rowid, title, summary, title_folded, summary_folded, body_folded)
        VALUES (new.page_id, new.title, new.summary, new.title_folded, new.summary_folded, new.body_folded);
        INSERT INTO search_title_fts(rowid, title, title_folded) VALUES (new.page_id, new.title, new.title_folded);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_doc_au",
    "DROP TRIGGER IF EXISTS search_doc_ad",
    "DROP TRIGGER IF EXISTS search_doc_ai",
    "DROP TABLE IF EXISTS search_title_vocab",
    "DROP TABLE IF EXISTS search_title_fts",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'guongsang_fold') THEN
            CREATE TEXT SEARCH CONFIGURATION guongsang_fold (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION guongsang_fold
                ALTER MAPPING FOR asciiword, word, hword, hword_part, asciihword, hword_asciipart,
                                  numword, numhword
                WITH unaccent, simple;
        END IF;
    END $$""",
    """ALTER TABLE search_searchdocument
        ADD COLUMN title_vector tsvector, ADD COLUMN doc_vector tsvector""",
    """CREATE FUNCTION search_document_vectors() RETURNS trigger AS $$
    BEGIN
        NEW.title_vector :=
            setweight(to_tsvector('guongsang_fold', coalesce(NEW.title_folded, '')), 'A') ||
            setweight(to_tsvector('simple', coalesce(NEW.title, '')), 'A');
        NEW.doc_vector :=
            NEW.title_vector ||
            setweight(to_tsvector('guongsang_fold', coalesce(NEW.summary_folded, '')), 'B') ||
            setweight(to_tsvector('simple', coalesce(NEW.summary, '')), 'B') ||
            setweight(to_tsvector('guongsang_fold', coalesce(NEW.body_folded, '')), 'D');
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_document_vectors BEFORE INSERT OR UPDATE ON search_searchdocument
        FOR EACH ROW EXECUTE FUNCTION search_document_vectors()""",
    "CREATE INDEX search_doc_title_vector ON search_searchdocument USING GIN (title_vector)",
    "CREATE INDEX search_doc_doc_vector ON search_searchdocument USING GIN (doc_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_doc_doc_vector",
    "DROP INDEX IF EXISTS search_doc_title_vector",
    "DROP TRIGGER IF EXISTS search_document_vectors ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_document_vectors()",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS doc_vector, DROP COLUMN IF EXISTS title_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        statements = statements_by_vendor.get(schema_editor.connection.vendor, [])
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
