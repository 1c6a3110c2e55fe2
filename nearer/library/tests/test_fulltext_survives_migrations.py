"""Search keeps working after a later migration changes an ``Item`` field.

SQLite applies such a change by rebuilding the table, which drops the FTS triggers; on
PostgreSQL a generated column would forbid the change altogether. The test runs a real
``migrate`` in a separate project database: the library's migrations plus one more that
widens ``Item.title``, then writes and searches.
"""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[3]

EXTRA = """
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("library", "{leaf}")]
    operations = [
        migrations.AlterField("item", "title", models.CharField(max_length=400)),
        migrations.AlterField("item", "source", models.CharField(max_length=250)),
    ]
"""

WRITE = """
import django, sys
django.setup()
from django.utils import timezone
from nearer.library.models import Item
Item.objects.create(
    key=sys.argv[1], kind="question", title=sys.argv[2], body="", tags=" situation:all ",
    content_hash="x", source="test", loaded_at=timezone.now(),
)
"""

SEARCH = """
import django, sys
django.setup()
from nearer.library.models import Item
from nearer.library.search import Filters, search
if len(sys.argv) > 2:
    Item.objects.filter(key=sys.argv[2]).update(title=sys.argv[3])
print(",".join(sorted(item.key for item in search(Filters(q=sys.argv[1])))))
"""


@pytest.fixture
def project(tmp_path):
    """Settings whose library migrations end with one more field change."""
    package = tmp_path / "extra_library_migrations"
    package.mkdir()
    source = ROOT / "nearer" / "library" / "migrations"
    for path in source.glob("*.py"):
        shutil.copy(path, package / path.name)
    (leaf,) = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("library")
    (package / "9999_wider_title.py").write_text(EXTRA.format(leaf=leaf[1]))
    (tmp_path / "fts_settings.py").write_text(
        "from nearer.settings import *  # noqa\n"
        "MIGRATION_MODULES = {'library': 'extra_library_migrations'}\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "NEARER_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="fts_settings",
        PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}",
        NEARER_ENV="test",
        NEARER_DATA_DIR=str(tmp_path),
        TASKS_BACKEND="immediate",
    )
    url = os.environ.get("DATABASE_URL", "")
    scratch = None
    if url.startswith("postgres"):
        import psycopg

        scratch = f"fts_{uuid.uuid4().hex[:10]}"
        base = url.rsplit("/", 1)[0]
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{scratch}"')
        env["DATABASE_URL"] = f"{base}/{scratch}"
        env["DATABASE_POOL"] = "false"
    yield env, leaf[1]
    if scratch:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


def run(env, *args):
    out = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout.strip()


def test_search_survives_a_migration_that_changes_an_item_field(project):
    env, leaf = project
    run(env, "manage.py", "migrate", "library", leaf, "--noinput", "-v0")
    run(env, "-c", WRITE, "q-before", "Lanterns along the harbour")
    # The field change: SQLite rebuilds library_item here.
    run(env, "manage.py", "migrate", "--noinput", "-v0")
    run(env, "-c", WRITE, "q-after", "Porcupines at dusk")
    assert run(env, "-c", SEARCH, "lanterns") == "q-before"
    assert run(env, "-c", SEARCH, "porcupines") == "q-after"
    # An edit after the migration is found under its new words, not its old ones.
    assert run(env, "-c", SEARCH, "meadow", "q-before", "A meadow of fireflies") == "q-before"
    assert run(env, "-c", SEARCH, "lanterns") == ""


def test_the_index_is_restored_when_its_triggers_are_gone(db):
    """The post_migrate handler itself, on the test database (SQLite or PostgreSQL)."""
    from django.db import connection
    from django.utils import timezone

    from nearer.library.fulltext import ensure_fulltext
    from nearer.library.models import Item
    from nearer.library.search import Filters, search

    assert ensure_fulltext() is False  # everything in place after the test run's migrate
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in ("library_item_ai", "library_item_ad", "library_item_au"):
                cursor.execute(f"DROP TRIGGER {name}")
        else:
            cursor.execute("DROP TRIGGER library_item_search ON library_item")
    Item.objects.create(
        key="q-lost",
        kind="question",
        title="Kites over the bay",
        tags=" situation:all ",
        content_hash="x",
        source="t",
        loaded_at=timezone.now(),
    )
    assert [i.key for i in search(Filters(q="kites"))] == []  # what went wrong before
    assert ensure_fulltext() is True
    assert [i.key for i in search(Filters(q="kites"))] == ["q-lost"]
    Item.objects.filter(key="q-lost").update(title="Boats over the bay")
    assert [i.key for i in search(Filters(q="boats"))] == ["q-lost"]
