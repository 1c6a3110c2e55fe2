"""Full-text search on the library: an FTS5 index on SQLite kept in step by triggers.

PostgreSQL needs nothing stored: it searches with to_tsvector at query time (the library is
a few thousand rows), see nearer/library/search.py.
"""

from django.db import migrations

SQLITE_FORWARD = [
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
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS library_item_ai",
    "DROP TRIGGER IF EXISTS library_item_ad",
    "DROP TRIGGER IF EXISTS library_item_au",
    "DROP TABLE IF EXISTS library_item_fts",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
