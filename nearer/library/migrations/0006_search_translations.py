"""Search reads every translation too, and ignores accents.

SQLite: a second FTS5 index, ``library_item_fts_translated``, holds the translations'
titles and bodies, kept by the same triggers; both indexes fold accents
(``remove_diacritics``). PostgreSQL: the ``search`` column adds each
translation's title (weight C) and body (weight D), read with the language's text search
configuration, and every text has its accents folded. The SQL is this version's, from
``fulltext.py``; going back restores the index of 0002/0003 (copied here, as it was).
"""

from django.db import migrations

from nearer.library import fulltext

OLD_SQLITE = [
    """CREATE VIRTUAL TABLE library_item_fts USING fts5(
        title, body, content='library_item', content_rowid='id', tokenize='porter unicode61'
    )""",
    """CREATE TRIGGER library_item_ai AFTER INSERT ON library_item BEGIN
        INSERT INTO library_item_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER library_item_ad AFTER DELETE ON library_item BEGIN
        INSERT INTO library_item_fts(library_item_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER library_item_au AFTER UPDATE ON library_item BEGIN
        INSERT INTO library_item_fts(library_item_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO library_item_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    "INSERT INTO library_item_fts(library_item_fts) VALUES ('rebuild')",
]
OLD_VECTOR = """setweight(to_tsvector('english', coalesce({row}title, '')), 'A')
    || setweight(to_tsvector('english', coalesce({row}body, '')), 'B')"""
OLD_POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION library_item_search_update() RETURNS trigger AS $$
    BEGIN
        NEW.search := {OLD_VECTOR.format(row="NEW.")};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    "DROP FUNCTION IF EXISTS library_item_search_vector(text, text, jsonb)",
    f"UPDATE library_item SET search = {OLD_VECTOR.format(row='')}",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = fulltext.SQLITE_CREATE
    elif vendor == "postgresql":
        statements = [
            fulltext.POSTGRES_VECTOR_FUNCTION,
            fulltext.POSTGRES_FUNCTION,
            f"UPDATE library_item SET search = {fulltext.VECTOR.format(row='')}",  # noqa: S608
        ]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [*fulltext.SQLITE_DROP, *OLD_SQLITE], "postgresql": OLD_POSTGRES}
    for statement in statements.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("library", "0005_translations")]
    operations = [migrations.RunPython(forward, backward)]
