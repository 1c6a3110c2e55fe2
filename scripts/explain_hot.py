"""EXPLAIN ANALYZE the hot queries of Today, the question page and the notes inbox.

Run against a seeded database (``manage.py seed_scale``), e.g. PostgreSQL::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/perfbench python -m scripts.explain_hot

It records the SQL that those pages run for one seeded person and prints each statement's
plan, so a sequential scan over a big table stands out.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")

PAGES = ["/today/", "/question/", "/notes/", "/api/v1/today", "/calendar/", "/timeline/",
         "/appreciations/", "/journal/", "/plan/", "/api/v1/notes", "/api/v1/timeline"]  # fmt: skip


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from nearer.accounts.models import User

    setup_test_environment()
    email = sys.argv[1] if len(sys.argv) > 1 else "scale-7-a@example.test"
    client = Client()
    client.force_login(User.objects.get(email=email))
    seen = set()
    for page in PAGES:
        client.get(page, secure=True)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page, secure=True).status_code == 200
        for q in queries.captured_queries:
            sql = q["sql"]
            if sql in seen or "django_session" in sql or not sql.startswith("SELECT"):
                continue
            seen.add(sql)
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN ANALYZE " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            print(f"--- {page}\n{sql}\n{plan}\n")


if __name__ == "__main__":
    main()
