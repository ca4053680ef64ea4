"""The vocabulary (`SearchTerm`) holds every folded word of letters and digits ("f0", "covid19",
"2024"), not only words of letters a–z.

A word being typed is completed from the vocabulary (`search.vocabulary.completions`): SQLite
lists the completions of a prefix of 4 letters or more as whole words, and PostgreSQL does so
for a prefix with few completions (a GIN partial match costs ~2.5 ms more than the same words
listed); a word with a digit missing from the vocabulary would then be missed ("covi" would not
find "covid19"). Facet keys (`f<name>x<hex>`, in the same full-text columns) stay out. Counted
again from the full-text index, as in 0009 (SQLite: `REGEXP` is the function Django gives
every SQLite connection).
"""

from django.db import migrations

SQLITE_VOCAB = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_vocab USING fts5vocab(search_fts, 'row')"
FACET_KEY = "^f(type|kind|field|place|campaign|awardtype|year|replicated)x[0-9a-f]+$"
FILL = {
    "sqlite": f"""INSERT INTO search_searchterm (term, df)
        SELECT term, doc FROM search_fts_vocab
        WHERE length(term) <= 64 AND term NOT GLOB '*[^a-z0-9]*' AND NOT term REGEXP '{FACET_KEY}'""",
    "postgresql": f"""INSERT INTO search_searchterm (term, df)
        SELECT word, ndoc FROM ts_stat('SELECT match_vector FROM search_match')
        WHERE length(word) <= 64 AND word ~ '^[a-z0-9]+$' AND word !~ '{FACET_KEY}'""",
}


def fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_VOCAB)
    if vendor in FILL:
        schema_editor.execute("DELETE FROM search_searchterm")
        schema_editor.execute(FILL[vendor])


class Migration(migrations.Migration):
    dependencies = [("search", "0010_fts_prefix_index")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
