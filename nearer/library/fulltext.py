"""Keep the full-text index in step with the items, whatever later migrations do.

SQLite: an FTS5 table kept up to date by triggers on ``library_item``. SQLite applies most
field changes by copying the table and dropping the old one, which silently drops those
triggers. So the triggers are (re)created after every ``migrate`` (post_migrate) with
``CREATE … IF NOT EXISTS``, and the index is rebuilt when the triggers had gone missing.

PostgreSQL: a tsvector column kept by a trigger (migration 0003; PostgreSQL alters tables in
place, so the trigger survives field changes); should anything drop the column or the
trigger, both are put back here and the column refilled.
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
VECTOR = """setweight(to_tsvector('english', coalesce({row}title, '')), 'A')
    || setweight(to_tsvector('english', coalesce({row}body, '')), 'B')"""
POSTGRES_FUNCTION = f"""CREATE OR REPLACE FUNCTION library_item_search_update()
    RETURNS trigger AS $$
    BEGIN
        NEW.search := {VECTOR.format(row="NEW.")};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql"""
POSTGRES_TRIGGER = """CREATE TRIGGER library_item_search BEFORE INSERT OR UPDATE ON library_item
    FOR EACH ROW EXECUTE FUNCTION library_item_search_update()"""
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
            cursor.execute(
                "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'library_item'::regclass "
                "AND attname = 'search' AND NOT attisdropped"
            )
            column = cursor.fetchone()
            if column is not None and column[0]:
                return False  # still the generated column of 0002 (migrated to a target)
            cursor.execute(
                "SELECT 1 FROM pg_trigger WHERE tgrelid = 'library_item'::regclass "
                "AND tgname = 'library_item_search'"
            )
            if column is not None and cursor.fetchone():
                cursor.execute(POSTGRES_INDEX)
                return False
            if column is None:
                cursor.execute("ALTER TABLE library_item ADD COLUMN search tsvector")
            cursor.execute(POSTGRES_FUNCTION)
            cursor.execute("DROP TRIGGER IF EXISTS library_item_search ON library_item")
            cursor.execute(POSTGRES_TRIGGER)
            cursor.execute(f"UPDATE library_item SET search = {VECTOR.format(row='')}")  # noqa: S608
            cursor.execute(POSTGRES_INDEX)
            return True
    return False
