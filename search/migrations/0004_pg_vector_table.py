"""PostgreSQL: the tsvectors in a narrow table of their own, `search_vector`.

Reading `page_id` for the matches of a GIN bitmap scan visits the heap. In
`search_searchdocument` rows carry title, URL, summary and text, so at 100,000 documents
one common word touched thousands of 8 kB blocks (30–45 ms, or a backward primary-key scan
that detoasted every row's vector). `search_vector` rows are a page id and two TOAST
pointers: its heap is a few MB and stays in shared buffers. The vectors are still computed by
the trigger of 0002 on the document table and copied here by triggers (insert, update,
delete and truncate, so Django's test flush leaves no stale rows); the document table keeps
its copies, without GIN indexes. `facet_vector` holds the facet keys (`facet_tokens`) as
lexemes, so that a filter is one more GIN condition (a BitmapAnd), as on SQLite it is one more
word of the MATCH.
"""

from django.db import migrations

FORWARD = [
    """CREATE TABLE search_vector (
        page_id integer PRIMARY KEY,
        title_vector tsvector NOT NULL,
        doc_vector tsvector NOT NULL,
        facet_vector tsvector NOT NULL)""",
    """INSERT INTO search_vector (page_id, title_vector, doc_vector, facet_vector)
        SELECT page_id, coalesce(title_vector, ''), coalesce(doc_vector, ''),
               array_to_tsvector(string_to_array(facet_tokens, ' '))
        FROM search_searchdocument""",
    "CREATE INDEX search_vector_title ON search_vector USING GIN (title_vector)",
    "CREATE INDEX search_vector_doc ON search_vector USING GIN (doc_vector)",
    "CREATE INDEX search_vector_facet ON search_vector USING GIN (facet_vector)",
    "DROP INDEX IF EXISTS search_doc_title_vector",
    "DROP INDEX IF EXISTS search_doc_doc_vector",
    """CREATE FUNCTION search_vector_copy() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_vector WHERE page_id = OLD.page_id;
            RETURN OLD;
        END IF;
        INSERT INTO search_vector (page_id, title_vector, doc_vector, facet_vector)
        VALUES (NEW.page_id, coalesce(NEW.title_vector, ''), coalesce(NEW.doc_vector, ''),
                array_to_tsvector(string_to_array(NEW.facet_tokens, ' ')))
        ON CONFLICT (page_id) DO UPDATE
            SET title_vector = EXCLUDED.title_vector, doc_vector = EXCLUDED.doc_vector,
                facet_vector = EXCLUDED.facet_vector;
        IF TG_OP = 'UPDATE' AND OLD.page_id <> NEW.page_id THEN
            DELETE FROM search_vector WHERE page_id = OLD.page_id;
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_vector_copy AFTER INSERT OR UPDATE OR DELETE ON search_searchdocument
        FOR EACH ROW EXECUTE FUNCTION search_vector_copy()""",
    """CREATE FUNCTION search_vector_truncate() RETURNS trigger AS $$
    BEGIN
        TRUNCATE search_vector;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_vector_truncate AFTER TRUNCATE ON search_searchdocument
        FOR EACH STATEMENT EXECUTE FUNCTION search_vector_truncate()""",
    "ANALYZE search_vector",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS search_vector_truncate ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_vector_truncate()",
    "DROP TRIGGER IF EXISTS search_vector_copy ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_vector_copy()",
    "DROP TABLE IF EXISTS search_vector",
    "CREATE INDEX search_doc_title_vector ON search_searchdocument USING GIN (title_vector)",
    "CREATE INDEX search_doc_doc_vector ON search_searchdocument USING GIN (doc_vector)",
]


def _postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_facet_tokens")]

    operations = [migrations.RunPython(_postgres(FORWARD), _postgres(BACKWARD))]
