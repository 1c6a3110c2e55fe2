"""Keep the full-text index in step with the items, whatever later migrations do.

SQLite: an FTS5 table kept up to date by triggers on ``library_item``. SQLite applies most
field changes by copying the table and dropping the old one, which silently drops those
triggers. So the triggers are (re)created after every ``migrate`` (post_migrate) with
``CREATE … IF NOT EXISTS``, and the index is rebuilt when the triggers had gone missing.

PostgreSQL: a generated tsvector column (migration 0002) is part of the table and is kept
by the database on every write; if a migration ever dropped it, it is added back here.
"""

from django.db import connections

SQLITE_TABLE = """CREATE VIRTUAL TABLE IF NOT EXISTS library_item_fts USING fts5(
    title, body, content='library_item', content_rowid='id', tokenize='porter unicode61'
)"""
SQLITE_TRIGGERS = {
    "library_item_ai": """CREATE TRIGGER IF NOT EXISTS library_item_ai
        AFTER INSERT ON library_item BEGIN
        INSERT INTO library_item_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    "library_item_ad": """CREATE TRIGGER IF NOT EXISTS library_item_ad
        AFTER DELETE ON library_item BEGIN
        INSERT INTO library_item_fts(library_item_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    END""",
    "library_item_au": """CREATE TRIGGER IF NOT EXISTS library_item_au
        AFTER UPDATE ON library_item BEGIN
        INSERT INTO library_item_fts(library_item_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO library_item_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
}
POSTGRES_COLUMN = """ALTER TABLE library_item ADD COLUMN IF NOT EXISTS search tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(body, '')), 'B')
    ) STORED"""
POSTGRES_INDEX = "CREATE INDEX IF NOT EXISTS library_item_search ON library_item USING GIN (search)"


def ensure_fulltext(sender=None, using="default", **kwargs) -> bool:
    """Make sure the index and what keeps it current exist; True when something was
    missing and has been put back (the SQLite index is then rebuilt from the items)."""
    connection = connections[using]
    tables = connection.introspection.table_names()
    if "library_item" not in tables:
        return False  # migrated backwards past the library
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'library_item'"
            )
            present = {row[0] for row in cursor.fetchall()}
            missing = set(SQLITE_TRIGGERS) - present or "library_item_fts" not in tables
            if not missing:
                return False
            cursor.execute(SQLITE_TABLE)
            for statement in SQLITE_TRIGGERS.values():
                cursor.execute(statement)
            cursor.execute("INSERT INTO library_item_fts(library_item_fts) VALUES ('rebuild')")
            return True
        if connection.vendor == "postgresql":
            columns = {
                c.name
                for c in connection.introspection.get_table_description(cursor, "library_item")
            }
            if "search" in columns:
                return False
            cursor.execute(POSTGRES_COLUMN)
            cursor.execute(POSTGRES_INDEX)
            return True
    return False
