"""PostgreSQL: the second ranking tier reads where the words are from the row it already matched.

The tier asks, of the 1,000 most recent matches, which have every word in the title or summary
(and which have the accented words as typed there). With the head words in `head_vector` (0005,
TOASTed: the row was over 2 kB) that was a second query, a GIN bitmap over the window's id range
that then visited ≈ 2,000–3,000 heap pages: 2–7 ms at 100,000 documents. Now `match_vector` holds
the answer too, so the flags are two more `@@` tests on a vector the scan has just read:
- the accented words of the title and summary are already there, and only there (the body is
  indexed folded only), so "accented words as typed in the head" is `match_vector @@ 'văn'`;
- every folded word of the title and summary is added once more, marked with a leading "_"
  (never part of a folded word or a facet key): "every word in the head" is
  `match_vector @@ '_van & _an'`.
`head_vector` and its index (0006) go. The GIN index on `match_vector` and the title index stop
using a pending list (`fastupdate = off`): a site is read far more than written, and every search
scanned the whole pending list (after a bulk import 250 pages) until a vacuum emptied it.
"""

from django.db import migrations

COPY_FUNCTION = """CREATE OR REPLACE FUNCTION search_vector_copy() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_vector WHERE page_id = OLD.page_id;
            DELETE FROM search_match WHERE page_id = OLD.page_id;
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
            DELETE FROM search_match WHERE page_id = OLD.page_id;
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql"""

# The words of the title and summary (weights A and B), folded ones only (ASCII), each with "_".
HEAD_MARKERS = """array_to_tsvector(ARRAY(
            SELECT '_' || word FROM unnest(tsvector_to_array(ts_filter({doc}, '{{a,b}}'))) word
            WHERE word ~ '^[a-z0-9]+$'))"""
MATCH_VECTOR = "strip({doc}) || array_to_tsvector(string_to_array({facets}, ' ')) || " + HEAD_MARKERS

MATCH_UPSERT = """INSERT INTO search_match (page_id, match_vector)
        VALUES (NEW.page_id, {vector})
        ON CONFLICT (page_id) DO UPDATE SET match_vector = EXCLUDED.match_vector;""".format(
    vector=MATCH_VECTOR.format(doc="coalesce(NEW.doc_vector, '')", facets="NEW.facet_tokens")
)

FORWARD = [
    "DROP INDEX IF EXISTS search_match_head",
    "ALTER TABLE search_match DROP COLUMN head_vector",
    COPY_FUNCTION.format(match_upsert=MATCH_UPSERT),
    # facet_vector holds the same keys as facet_tokens (0004)
    """UPDATE search_match m SET match_vector = strip(v.doc_vector) || v.facet_vector || {markers}
        FROM search_vector v WHERE v.page_id = m.page_id""".format(markers=HEAD_MARKERS.format(doc="v.doc_vector")),
    "ALTER INDEX search_match_vector SET (fastupdate = off)",
    "ALTER INDEX search_vector_title SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('search_match_vector'), gin_clean_pending_list('search_vector_title')",
    "ANALYZE search_match",
]

BACKWARD = [
    "ALTER INDEX search_match_vector RESET (fastupdate)",
    "ALTER INDEX search_vector_title RESET (fastupdate)",
    "ALTER TABLE search_match ADD COLUMN head_vector tsvector NOT NULL DEFAULT ''",
    "ALTER TABLE search_match ALTER COLUMN head_vector DROP DEFAULT",
    COPY_FUNCTION.format(
        match_upsert="""INSERT INTO search_match (page_id, match_vector, head_vector)
        VALUES (NEW.page_id, strip(coalesce(NEW.doc_vector, '')) ||
                array_to_tsvector(string_to_array(NEW.facet_tokens, ' ')),
                strip(ts_filter(coalesce(NEW.doc_vector, ''), '{a,b}')))
        ON CONFLICT (page_id) DO UPDATE
            SET match_vector = EXCLUDED.match_vector, head_vector = EXCLUDED.head_vector;"""
    ),
    """UPDATE search_match m SET match_vector = strip(v.doc_vector) || v.facet_vector,
            head_vector = strip(ts_filter(v.doc_vector, '{a,b}'))
        FROM search_vector v WHERE v.page_id = m.page_id""",
    "CREATE INDEX search_match_head ON search_match USING GIN (head_vector)",
]


def _postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_pg_head_index")]

    operations = [migrations.RunPython(_postgres(FORWARD), _postgres(BACKWARD))]
