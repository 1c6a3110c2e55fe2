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
from django.db.migrations.recorder import MigrationRecorder

# The migration that built the index this module keeps (a later change to the index comes
# with its own migration, and this name follows it).
INDEX_MIGRATION = "0006_search_translations"

# Each language's text search configuration on PostgreSQL: its stemmer and stop words, so
# «citas» finds «cita» as "dates" finds "date". A language without one here uses 'simple'
# (lower-cased words, no stemming), which still finds every word and its prefixes.
POSTGRES_CONFIGS = {"en": "english", "es": "spanish"}

# Accents folded away on PostgreSQL, on the text and on the words typed alike (both cases:
# lower() leaves non-ASCII letters alone under the C locale). translate() is built in, so
# no extension (unaccent) is needed. SQLite's unicode61 tokenizer does the same with
# remove_diacritics.
ACCENTED = "áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ"
PLAIN = "aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC"


def fold(sql: str) -> str:
    return f"translate({sql}, '{ACCENTED}', '{PLAIN}')"


# SQLite: two FTS5 indexes. ``library_item_fts`` reads the English title and body from the
# items (external content); ``library_item_fts_translated`` keeps its own copy of the title
# and body of every translation (they live in a JSON column, which an external-content
# table cannot read). Two tables rather than more columns, so that the translations do not
# lengthen the English documents (bm25 weighs a match by the whole row's length) and the
# English ranking stays as it was. Both fold accents (remove_diacritics).
TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"
SQLITE_TABLES = {
    "library_item_fts": f"""CREATE VIRTUAL TABLE IF NOT EXISTS library_item_fts USING fts5(
        title, body, content='library_item', content_rowid='id', {TOKENIZE}
    )""",
    "library_item_fts_translated": f"""CREATE VIRTUAL TABLE IF NOT EXISTS
        library_item_fts_translated USING fts5(title, body, {TOKENIZE})""",
}
SQLITE_TRANSLATED = """(SELECT group_concat(json_extract(value, '$.title'), ' ')
        FROM json_each({row}translations)),
    (SELECT group_concat(json_extract(value, '$.body'), ' ') FROM json_each({row}translations))"""
SQLITE_INSERT = f"""INSERT INTO library_item_fts(rowid, title, body)
        VALUES (new.id, new.title, new.body);
        INSERT INTO library_item_fts_translated(rowid, title, body)
        VALUES (new.id, {SQLITE_TRANSLATED.format(row="new.")});"""  # noqa: S608
SQLITE_DELETE = """INSERT INTO library_item_fts(library_item_fts, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
        DELETE FROM library_item_fts_translated WHERE rowid = old.id;"""
SQLITE_TRIGGERS = {
    "library_item_ai": f"""CREATE TRIGGER IF NOT EXISTS library_item_ai
        AFTER INSERT ON library_item BEGIN
        {SQLITE_INSERT}
    END""",
    "library_item_ad": f"""CREATE TRIGGER IF NOT EXISTS library_item_ad
        AFTER DELETE ON library_item BEGIN
        {SQLITE_DELETE}
    END""",
    "library_item_au": f"""CREATE TRIGGER IF NOT EXISTS library_item_au
        AFTER UPDATE ON library_item BEGIN
        {SQLITE_DELETE}
        {SQLITE_INSERT}
    END""",
}
SQLITE_FILL = [
    "INSERT INTO library_item_fts(library_item_fts) VALUES ('rebuild')",
    "DELETE FROM library_item_fts_translated",
    "INSERT INTO library_item_fts_translated(rowid, title, body) "  # noqa: S608
    f"SELECT id, {SQLITE_TRANSLATED.format(row='')} FROM library_item",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS library_item_ai",
    "DROP TRIGGER IF EXISTS library_item_ad",
    "DROP TRIGGER IF EXISTS library_item_au",
    "DROP TABLE IF EXISTS library_item_fts",
    "DROP TABLE IF EXISTS library_item_fts_translated",
]
SQLITE_CREATE = [*SQLITE_DROP, *SQLITE_TABLES.values(), *SQLITE_TRIGGERS.values(), *SQLITE_FILL]

# PostgreSQL: the English title (weight A) and body (B) read as English; each translation's
# title (C) and body (D) read with its language's configuration. ts_rank's weights then
# put the reader's language first (search.py).
_CONFIG = (
    "CASE language "
    + " ".join(f"WHEN '{code}' THEN '{name}'::regconfig" for code, name in POSTGRES_CONFIGS.items())
    + " ELSE 'simple'::regconfig END"
)
POSTGRES_VECTOR_FUNCTION = f"""CREATE OR REPLACE FUNCTION library_item_search_vector(
    title text, body text, translations jsonb
) RETURNS tsvector AS $$
    DECLARE
        vector tsvector;
        language text;
        text_ jsonb;
    BEGIN
        vector := setweight(to_tsvector('english', {fold("coalesce(title, '')")}), 'A')
            || setweight(to_tsvector('english', {fold("coalesce(body, '')")}), 'B');
        FOR language, text_ IN SELECT * FROM jsonb_each(coalesce(translations, '{{}}'::jsonb))
        LOOP
            vector := vector
                || setweight(to_tsvector({_CONFIG}, {fold("coalesce(text_ ->> 'title', '')")}), 'C')
                || setweight(to_tsvector({_CONFIG}, {fold("coalesce(text_ ->> 'body', '')")}), 'D');
        END LOOP;
        RETURN vector;
    END
    $$ LANGUAGE plpgsql STABLE"""  # noqa: S608
VECTOR = "library_item_search_vector({row}title, {row}body, {row}translations)"
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
    if ("library", INDEX_MIGRATION) not in MigrationRecorder(connection).applied_migrations():
        return False  # migrated back to an older index: its own migrations keep it
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master "
                "WHERE type = 'trigger' AND tbl_name = 'library_item'"
            )
            present = {row[0] for row in cursor.fetchall()}
            missing = set(SQLITE_TRIGGERS) - present or set(SQLITE_TABLES) - set(tables)
            if not missing:
                return False
            # Put back this version's indexes whole (whatever an older one left behind).
            for statement in SQLITE_CREATE:
                cursor.execute(statement)
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
            cursor.execute(POSTGRES_VECTOR_FUNCTION)
            cursor.execute(POSTGRES_FUNCTION)
            cursor.execute("DROP TRIGGER IF EXISTS library_item_search ON library_item")
            cursor.execute(POSTGRES_TRIGGER)
            cursor.execute(f"UPDATE library_item SET search = {VECTOR.format(row='')}")  # noqa: S608
            cursor.execute(POSTGRES_INDEX)
            return True
    return False
