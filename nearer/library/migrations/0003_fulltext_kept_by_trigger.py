"""PostgreSQL: the search column becomes a plain tsvector kept by a trigger.

A generated column forbids any later change to the type of ``title`` or ``body`` (PostgreSQL
refuses to alter a column a generated column reads), so a routine ``max_length`` change
would fail to migrate. A trigger keeps the column just as current and lets later
migrations alter those fields. ``nearer/library/fulltext.py`` puts the trigger back after
every migrate should anything drop it. SQLite: nothing to do here (same module).
"""

from django.db import migrations

VECTOR = """setweight(to_tsvector('english', coalesce({row}title, '')), 'A')
    || setweight(to_tsvector('english', coalesce({row}body, '')), 'B')"""

FORWARD = [
    "DROP INDEX IF EXISTS library_item_search",
    "ALTER TABLE library_item DROP COLUMN IF EXISTS search",
    "ALTER TABLE library_item ADD COLUMN search tsvector",
    f"""CREATE OR REPLACE FUNCTION library_item_search_update() RETURNS trigger AS $$
    BEGIN
        NEW.search := {VECTOR.format(row="NEW.")};
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS library_item_search ON library_item",
    """CREATE TRIGGER library_item_search BEFORE INSERT OR UPDATE ON library_item
    FOR EACH ROW EXECUTE FUNCTION library_item_search_update()""",
    f"UPDATE library_item SET search = {VECTOR.format(row='')}",
    "CREATE INDEX library_item_search ON library_item USING GIN (search)",
]
BACKWARD = [
    "DROP TRIGGER IF EXISTS library_item_search ON library_item",
    "DROP FUNCTION IF EXISTS library_item_search_update()",
    "DROP INDEX IF EXISTS library_item_search",
    "ALTER TABLE library_item DROP COLUMN IF EXISTS search",
    f"""ALTER TABLE library_item ADD COLUMN search tsvector
    GENERATED ALWAYS AS ({VECTOR.format(row="")}) STORED""",
    "CREATE INDEX library_item_search ON library_item USING GIN (search)",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("library", "0002_fulltext")]
    operations = [migrations.RunPython(forward, backward)]
