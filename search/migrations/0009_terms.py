"""The vocabulary of the index: every folded word and its document frequency (`SearchTerm`).

Filled here from the full-text index itself, in one statement per database: on SQLite from an
fts5vocab table over `search_fts` ('row': documents per term in any column — an ASCII word of
the accented title or summary is also in the same document's folded columns, so this is the
folded document frequency), on PostgreSQL from `ts_stat` over `search_match.match_vector`.
Only words of letters a–z are kept (facet keys contain hex digits; the "_" head markers of 0007
and accented head words are not a–z), at most 64 characters.
"""

from django.db import migrations, models

SQLITE_VOCAB = "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts_vocab USING fts5vocab(search_fts, 'row')"
FILL = {
    "sqlite": """INSERT INTO search_searchterm (term, df)
        SELECT term, doc FROM search_fts_vocab
        WHERE length(term) <= 64 AND term NOT GLOB '*[^a-z]*'""",
    "postgresql": """INSERT INTO search_searchterm (term, df)
        SELECT word, ndoc FROM ts_stat('SELECT match_vector FROM search_match')
        WHERE length(word) <= 64 AND word ~ '^[a-z]+$'""",
}


def fill(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_VOCAB)
    if vendor in FILL:
        schema_editor.execute("DELETE FROM search_searchterm")
        schema_editor.execute(FILL[vendor])


def unfill(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts_vocab")


class Migration(migrations.Migration):
    dependencies = [("search", "0008_document_expire_at")]

    operations = [
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("term", models.CharField(max_length=64, primary_key=True, serialize=False)),
                ("df", models.PositiveIntegerField(default=0)),
            ],
            options={"verbose_name": "từ trong chỉ mục", "verbose_name_plural": "từ trong chỉ mục"},
        ),
        migrations.RunPython(fill, unfill),
    ]
