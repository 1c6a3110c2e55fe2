"""Reminders claimed per second, with several worker processes over the same due rows.

    .venv/bin/python -m scripts.bench_reminders                       # SQLite (a temp file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch \\
        .venv/bin/python -m scripts.bench_reminders

Creates a scratch database (SQLite in a temporary folder, or the PostgreSQL database named
in DATABASE_URL, which is dropped and created again: point it at a scratch name), fills it
with due reminders, starts the worker processes at once and prints how many reminders per
second they claimed and sent together. It also checks that every reminder was claimed by
exactly one worker, and says so. Emails go to Django's in-memory backend, so the number is
the scheduler's, not a mail server's.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(database_url: str, data_dir: str):
    # No DATABASE_URL means the app's own SQLite set-up (WAL, IMMEDIATE) in the data folder.
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    os.environ["NEARER_DATA_DIR"] = data_dir
    os.environ.setdefault("NEARER_ENV", "test")
    os.environ["DATABASE_POOL"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.test.utils import setup_test_environment

    setup_test_environment()


def _recreate_postgres(database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1].split("?")[0]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def seed(total: int) -> None:
    from datetime import time as clock
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from nearer.reminders import services
    from nearer.reminders.models import Reminder
    from nearer.testing import make_user

    call_command("migrate", verbosity=0)
    people = [make_user(f"bench{i}@example.com", f"B{i}") for i in range(10)]
    for person in people:  # no quiet hours, whatever the hour the bench runs at
        services.save_preference(person, quiet_start=clock(0), quiet_end=clock(0))
    due = timezone.now() - timedelta(minutes=1)
    Reminder.objects.bulk_create(
        (
            Reminder(user=people[i % len(people)], kind="plan_step", key=f"b{i}", due_at=due)
            for i in range(total)
        ),
        batch_size=2000,
    )


def work(out: str, batch: int, claim_only: bool) -> None:
    """One worker process: claim and send until nothing is left; write what it claimed.

    ``claim_only`` measures the scheduler alone: claim a batch, mark it sent, no message."""
    from django.core import mail
    from django.utils import timezone

    from nearer.reminders import services
    from nearer.reminders.models import Reminder

    if claim_only:
        claimed = []
        start = time.perf_counter()
        while got := services.claim(batch):
            claimed.extend(r.pk for r in got)
            Reminder.objects.filter(pk__in=[r.pk for r in got]).update(sent_at=timezone.now())
        elapsed = time.perf_counter() - start
        result = {"claimed": claimed, "sent": len(claimed), "emails": 0, "seconds": elapsed}
        Path(out).write_text(json.dumps(result))
        return

    claimed = []
    real_claim = services.claim

    def recording_claim(*args, **kwargs):
        got = real_claim(*args, **kwargs)
        claimed.extend(r.pk for r in got)
        return got

    services.claim = recording_claim
    start = time.perf_counter()
    sent = services.send_due(batch=batch)
    elapsed = time.perf_counter() - start
    Path(out).write_text(
        json.dumps(
            {"claimed": claimed, "sent": sent, "emails": len(mail.outbox), "seconds": elapsed}
        )
    )


def run(database_url: str, total: int, workers: int, batch: int, claim_only=False) -> dict:
    """Seed, run the workers as separate processes, check exactly-once, return the numbers."""
    data_dir = tempfile.mkdtemp(prefix="nearer-claims-")
    if database_url.startswith("postgres"):
        _recreate_postgres(database_url)
    env = {**os.environ, "DATABASE_URL": database_url, "NEARER_DATA_DIR": data_dir}
    if not database_url:
        env.pop("DATABASE_URL")
    env.update(NEARER_ENV="test", DATABASE_POOL="false")
    python = sys.executable
    subprocess.run(  # noqa: S603 - our own module, with our own interpreter
        [python, "-m", "scripts.bench_reminders", "--seed", str(total)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    outs = [str(Path(data_dir) / f"worker{n}.json") for n in range(workers)]
    start = time.perf_counter()
    procs = [
        subprocess.Popen(  # noqa: S603 - our own module, with our own interpreter
            [python, "-m", "scripts.bench_reminders", "--work", out, "--batch", str(batch)]
            + (["--claim-only"] if claim_only else []),
            cwd=ROOT,
            env=env,
        )
        for out in outs
    ]
    codes = [p.wait() for p in procs]
    wall = time.perf_counter() - start
    if any(codes):
        raise RuntimeError(f"a worker failed: exit codes {codes}")
    results = [json.loads(Path(out).read_text()) for out in outs]
    claimed = [pk for r in results for pk in r["claimed"]]
    return {
        "database": "postgresql" if database_url.startswith("postgres") else "sqlite (WAL)",
        "total": total,
        "workers": workers,
        "claimed": len(claimed),
        "distinct": len(set(claimed)),
        "sent": sum(r["sent"] for r in results),
        "emails": sum(r["emails"] for r in results),
        "per_worker": [r["sent"] for r in results],
        "seconds": wall,
        "per_second": total / max(max(r["seconds"] for r in results), 1e-9),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--total", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--claim-only", action="store_true", help="claim and mark, send nothing")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed is not None or args.work:
        _setup(os.environ.get("DATABASE_URL", ""), os.environ["NEARER_DATA_DIR"])
        if args.seed is not None:
            seed(args.seed)
        else:
            work(args.work, args.batch, args.claim_only)
        return
    url = os.environ.get("DATABASE_URL", "")
    numbers = run(url, args.total, args.workers, args.batch, args.claim_only)
    ok = numbers["claimed"] == numbers["distinct"] == numbers["sent"] == numbers["total"]
    what = "claimed (nothing sent)" if args.claim_only else "claimed and emailed"
    print(
        f"{numbers['database']}: {numbers['workers']} workers, {numbers['total']} reminders, "
        f"{numbers['per_second']:.0f} {what} per second "
        f"({numbers['seconds']:.1f} s wall, per worker {numbers['per_worker']}); "
        f"each exactly once: {'yes' if ok else 'NO'}"
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
