"""SQLite: the full-text index keeps a prefix index of every word's first 2 and 3 letters.

As people type, the last word is matched as a prefix (`search.text.as_you_type`). Without a
prefix index FTS5 answers `"th"*` by merging the doclist of every word that begins with "th"
before returning a row (170 ms at 100,000 documents); listing the known completions instead
(`"th" OR "thi" OR "thuong" …`, up to 64 words) is read lazily but still advances one cursor
per word, 4.5–7 ms for the 1,000 most recent matches. With `prefix='2 3'` a 2- or 3-letter
prefix is one doclist: 1.0–1.7 ms. Longer prefixes have few completions and keep using them.
The index grows about 2.4× (154 → 366 MB of FTS data at 100,000 exemplars).

The table is dropped, created again with the option and rebuilt from the document table; the
triggers of 0003 name it and need no change. PostgreSQL: nothing (its GIN answers `:*`).
"""

from django.db import migrations

COLUMNS = """title, summary, title_folded, summary_folded, body_folded, facet_tokens,
        content='search_searchdocument', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0'"""


def _recreate(prefix_option: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        for sql in (
            "DROP TABLE IF EXISTS search_fts_vocab",
            "DROP TABLE search_fts",
            f"CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS}{prefix_option})",
            "INSERT INTO search_fts(search_fts) VALUES ('rebuild')",
            "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
        ):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0009_terms")]

    operations = [migrations.RunPython(_recreate(", prefix='2 3'"), _recreate(""))]
