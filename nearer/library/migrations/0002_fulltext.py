"""Full-text search on the library.

SQLite: an FTS5 index kept in step by triggers. PostgreSQL: a stored, generated tsvector
column (title weighted above body) with a GIN index. See nearer/library/search.py.
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


POSTGRES_FORWARD = [
    """ALTER TABLE library_item ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(body, '')), 'B')
    ) STORED""",
    "CREATE INDEX library_item_search ON library_item USING GIN (search)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS library_item_search",
    "ALTER TABLE library_item DROP COLUMN IF EXISTS search",
]
STATEMENTS = {
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
    "postgresql": (POSTGRES_FORWARD, POSTGRES_BACKWARD),
}


def forward(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[0]:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    for statement in STATEMENTS.get(schema_editor.connection.vendor, ([], []))[1]:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
