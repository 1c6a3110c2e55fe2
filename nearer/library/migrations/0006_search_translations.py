"""Search reads every translation too, and ignores accents.

SQLite: a second FTS5 index, ``library_item_fts_translated``, holds the translations'
titles and bodies, kept by the same triggers; both indexes fold accents
(``remove_diacritics``). PostgreSQL: the ``search`` column adds each
translation's title (weight C) and body (weight D), read with the language's text search
configuration, and every text has its accents folded. The SQL is this version's, from
``fulltext.py`` (frozen below); going back restores the index of 0002/0003 (copied here, as it was).
"""

from django.db import migrations

# This version's SQL, as fulltext.py wrote it when this migration was made (frozen here,
# so that a later change to fulltext.py comes with its own migration).
SQLITE_CREATE = ['DROP TRIGGER IF EXISTS library_item_ai', 'DROP TRIGGER IF EXISTS library_item_ad', 'DROP TRIGGER IF EXISTS library_item_au', 'DROP TABLE IF EXISTS library_item_fts', 'DROP TABLE IF EXISTS library_item_fts_translated', "CREATE VIRTUAL TABLE IF NOT EXISTS library_item_fts USING fts5(\n        title, body, content='library_item', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'\n    )", "CREATE VIRTUAL TABLE IF NOT EXISTS\n        library_item_fts_translated USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')", "CREATE TRIGGER IF NOT EXISTS library_item_ai\n        AFTER INSERT ON library_item BEGIN\n        INSERT INTO library_item_fts(rowid, title, body)\n        VALUES (new.id, new.title, new.body);\n        INSERT INTO library_item_fts_translated(rowid, title, body)\n        VALUES (new.id, (SELECT group_concat(json_extract(value, '$.title'), ' ')\n        FROM json_each(new.translations)),\n    (SELECT group_concat(json_extract(value, '$.body'), ' ') FROM json_each(new.translations)));\n    END", "CREATE TRIGGER IF NOT EXISTS library_item_ad\n        AFTER DELETE ON library_item BEGIN\n        INSERT INTO library_item_fts(library_item_fts, rowid, title, body)\n        VALUES ('delete', old.id, old.title, old.body);\n        DELETE FROM library_item_fts_translated WHERE rowid = old.id;\n    END", "CREATE TRIGGER IF NOT EXISTS library_item_au\n        AFTER UPDATE ON library_item BEGIN\n        INSERT INTO library_item_fts(library_item_fts, rowid, title, body)\n        VALUES ('delete', old.id, old.title, old.body);\n        DELETE FROM library_item_fts_translated WHERE rowid = old.id;\n        INSERT INTO library_item_fts(rowid, title, body)\n        VALUES (new.id, new.title, new.body);\n        INSERT INTO library_item_fts_translated(rowid, title, body)\n        VALUES (new.id, (SELECT group_concat(json_extract(value, '$.title'), ' ')\n        FROM json_each(new.translations)),\n    (SELECT group_concat(json_extract(value, '$.body'), ' ') FROM json_each(new.translations)));\n    END", "INSERT INTO library_item_fts(library_item_fts) VALUES ('rebuild')", 'DELETE FROM library_item_fts_translated', "INSERT INTO library_item_fts_translated(rowid, title, body) SELECT id, (SELECT group_concat(json_extract(value, '$.title'), ' ')\n        FROM json_each(translations)),\n    (SELECT group_concat(json_extract(value, '$.body'), ' ') FROM json_each(translations)) FROM library_item"]
SQLITE_DROP = ['DROP TRIGGER IF EXISTS library_item_ai', 'DROP TRIGGER IF EXISTS library_item_ad', 'DROP TRIGGER IF EXISTS library_item_au', 'DROP TABLE IF EXISTS library_item_fts', 'DROP TABLE IF EXISTS library_item_fts_translated']
POSTGRES_FORWARD = ["CREATE OR REPLACE FUNCTION library_item_search_vector(\n    title text, body text, translations jsonb\n) RETURNS tsvector AS $$\n    DECLARE\n        vector tsvector;\n        language text;\n        text_ jsonb;\n    BEGIN\n        vector := setweight(to_tsvector('english', translate(coalesce(title, ''), 'áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ', 'aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC')), 'A')\n            || setweight(to_tsvector('english', translate(coalesce(body, ''), 'áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ', 'aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC')), 'B');\n        FOR language, text_ IN SELECT * FROM jsonb_each(coalesce(translations, '{}'::jsonb))\n        LOOP\n            vector := vector\n                || setweight(to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'es' THEN 'spanish'::regconfig ELSE 'simple'::regconfig END, translate(coalesce(text_ ->> 'title', ''), 'áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ', 'aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC')), 'C')\n                || setweight(to_tsvector(CASE language WHEN 'en' THEN 'english'::regconfig WHEN 'es' THEN 'spanish'::regconfig ELSE 'simple'::regconfig END, translate(coalesce(text_ ->> 'body', ''), 'áàâäãåéèêëíìîïóòôöõúùûüñçÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇ', 'aaaaaaeeeeiiiiooooouuuuncAAAAAAEEEEIIIIOOOOOUUUUNC')), 'D');\n        END LOOP;\n        RETURN vector;\n    END\n    $$ LANGUAGE plpgsql STABLE", 'CREATE OR REPLACE FUNCTION library_item_search_update()\n    RETURNS trigger AS $$\n    BEGIN\n        NEW.search := library_item_search_vector(NEW.title, NEW.body, NEW.translations);\n        RETURN NEW;\n    END\n    $$ LANGUAGE plpgsql', 'UPDATE library_item SET search = library_item_search_vector(title, body, translations)']

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
        statements = SQLITE_CREATE
    elif vendor == "postgresql":
        statements = POSTGRES_FORWARD
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": [*SQLITE_DROP, *OLD_SQLITE], "postgresql": OLD_POSTGRES}
    for statement in statements.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("library", "0005_translations")]
    operations = [migrations.RunPython(forward, backward)]
