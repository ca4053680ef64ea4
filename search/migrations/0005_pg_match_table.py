"""PostgreSQL: match and order the second tier on a narrow table of position-free vectors.

Finding "the 1,001 most recent matches" either walks the primary key backwards and tests each
row's vector, or takes the GIN bitmap of every match (see `EmbeddedEngine._recent`). With the
full `doc_vector` (positions and weights, ≈ 3 kB compressed, so TOASTed) every test of a row
detoasts and decompresses it: 14–19 ms for a phrase at 100,000 documents. Matching needs no
positions. `search_match` holds, per document:
- `match_vector`: `strip(doc_vector)` plus the facet keys (so that a filter is part of the same
  GIN condition, as on SQLite it is part of the MATCH), ≈ 1.7 kB stored in the row;
- `head_vector`: the words of the title and summary (weights A and B of `doc_vector`, accented
  and folded), without positions, so that the second ranking tier orders the window by where
  the words are, as on SQLite, instead of `ts_rank` detoasting up to 1,000 vectors (5–7 ms).
`search_vector` keeps the title vectors (ranked with `ts_rank`) and the facet keys (counted);
its doc and facet GIN indexes are no longer used and are dropped. The copy trigger of 0004 now
writes both tables.
"""

from django.db import migrations

COPY_FUNCTION = """CREATE OR REPLACE FUNCTION search_vector_copy() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_vector WHERE page_id = OLD.page_id;
            {match_delete}
            RETURN OLD;
        END IF;
        INSERT INTO search_vector (page_id, title_vector, doc_vector, facet_vector)
        VALUES (NEW.page_id, coalesce(NEW.title_vector, ''), coalesce(NEW.doc_vector, ''),
                array_to_tsvector(string_to_array(NEW.facet_tokens, ' ')))
        ON CONFLICT (page_id) DO UPDATE
            SET title_vector = EXCLUDED.title_vector, doc_vector = EXCLUDED.doc_vector,
                facet_vector = EXCLUDED.facet_vector;
        {match_upsert}
        IF TG_OP = 'UPDATE' AND OLD.page_id <> NEW.page_id THEN
            DELETE FROM search_vector WHERE page_id = OLD.page_id;
            {match_delete}
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql"""
MATCH_UPSERT = """INSERT INTO search_match (page_id, match_vector, head_vector)
        VALUES (NEW.page_id, strip(coalesce(NEW.doc_vector, '')) ||
                array_to_tsvector(string_to_array(NEW.facet_tokens, ' ')),
                strip(ts_filter(coalesce(NEW.doc_vector, ''), '{a,b}')))
        ON CONFLICT (page_id) DO UPDATE
            SET match_vector = EXCLUDED.match_vector, head_vector = EXCLUDED.head_vector;"""
MATCH_DELETE = "DELETE FROM search_match WHERE page_id = OLD.page_id;"

FORWARD = [
    """CREATE TABLE search_match (
        page_id integer PRIMARY KEY,
        match_vector tsvector NOT NULL,
        head_vector tsvector NOT NULL)""",
    "ALTER TABLE search_match ALTER COLUMN match_vector SET STORAGE MAIN",
    """INSERT INTO search_match (page_id, match_vector, head_vector)
        SELECT page_id, strip(doc_vector) || facet_vector, strip(ts_filter(doc_vector, '{a,b}'))
        FROM search_vector""",
    "CREATE INDEX search_match_vector ON search_match USING GIN (match_vector)",
    COPY_FUNCTION.format(match_upsert=MATCH_UPSERT, match_delete=MATCH_DELETE),
    """CREATE OR REPLACE FUNCTION search_vector_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE search_vector, search_match;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP INDEX IF EXISTS search_vector_doc",
    "DROP INDEX IF EXISTS search_vector_facet",
    "ANALYZE search_match",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS search_vector_doc ON search_vector USING GIN (doc_vector)",
    "CREATE INDEX IF NOT EXISTS search_vector_facet ON search_vector USING GIN (facet_vector)",
    COPY_FUNCTION.format(match_upsert="", match_delete=""),
    """CREATE OR REPLACE FUNCTION search_vector_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE search_vector;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    "DROP TABLE IF EXISTS search_match",
]


def _postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_pg_vector_table")]

    operations = [migrations.RunPython(_postgres(FORWARD), _postgres(BACKWARD))]
