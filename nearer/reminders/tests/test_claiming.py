"""Three worker processes over the same 10,000 due reminders: each is sent exactly once.

The workers are real processes (``scripts/bench_reminders.py``) on a scratch database of the
kind the suite runs on: on PostgreSQL (``DATABASE_URL=postgres://…``) a scratch database
beside the test database, where claiming is ``SELECT … FOR UPDATE SKIP LOCKED`` plus a
conditional UPDATE; otherwise the app's own SQLite set-up (WAL, one writer at a time).
"""

from django.db import connection

from scripts import bench_reminders

TOTAL = 10_000


def _scratch_url() -> str:
    if connection.vendor != "postgresql":
        return ""
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    name = f"{s['NAME'] or 'nearer'}_claims"
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def test_three_worker_processes_send_each_of_ten_thousand_reminders_exactly_once(db):
    numbers = bench_reminders.run(_scratch_url(), TOTAL, workers=3, batch=100)
    assert numbers["claimed"] == TOTAL  # every claim a worker made, added up
    assert numbers["distinct"] == TOTAL  # ...and no reminder claimed by two workers
    assert numbers["sent"] == TOTAL
    assert numbers["emails"] == TOTAL  # one email per reminder, none twice
    assert sum(1 for n in numbers["per_worker"] if n) >= 2  # the work really was shared
