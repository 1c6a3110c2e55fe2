"""Crypto-shredding that holds on disk (SQLite): after the purge, no database file still
holds the deleted person's wrapped data key or their ciphertext. Runs a real SQLite file in
a fresh data folder, the way `make run` does, through separate processes like cron would."""

import os
import stat
import subprocess
import sys

from django.conf import settings

CREATE = """
from datetime import date, timedelta
from django.utils import timezone
from nearer.testing import make_user, make_moment
ada = make_user("ada@example.com", "Ada")
moment = make_moment(ada, title="a secret only Ada knows", happened_on=date(2024, 1, 1))
# Churn, so that the pages holding Ada's rows are rewritten more than once in the WAL.
for n in range(30):
    make_moment(make_user(f"p{n}@example.com", f"P{n}"), title=f"someone else {n}")
print(bytes(ada.wrapped_key).hex())
print(bytes(moment.title_encrypted).hex())
ada.deletion_requested_at = timezone.now() - timedelta(days=15)
ada.save(update_fields=["deletion_requested_at"])
"""


def manage(data_dir, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASKS_BACKEND")}
    env.update(NEARER_ENV="test", NEARER_DATA_DIR=str(data_dir), TASKS_BACKEND="immediate")
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def database_files(data_dir):
    return [p for p in data_dir.iterdir() if p.name.startswith("nearer.sqlite3")]


def test_after_the_purge_no_database_file_holds_the_key_or_the_ciphertext(tmp_path):
    data_dir = tmp_path / "data"
    manage(data_dir, "migrate", "--noinput", "-v0")
    wrapped, ciphertext = manage(data_dir, "shell", "-c", CREATE).split()[-2:]
    wrapped, ciphertext = bytes.fromhex(wrapped), bytes.fromhex(ciphertext)
    before = b"".join(p.read_bytes() for p in database_files(data_dir))
    assert wrapped in before and ciphertext in before  # the search can find them

    assert "Deleted 1 account(s)" in manage(data_dir, "purge_deleted_accounts")

    for path in database_files(data_dir):
        content = path.read_bytes()
        assert wrapped not in content, f"the wrapped key is still in {path.name}"
        assert ciphertext not in content, f"the ciphertext is still in {path.name}"
        assert wrapped[:40] not in content and ciphertext[-24:] not in content, path.name


def test_the_data_folder_and_database_are_for_the_owner_only(tmp_path):
    data_dir = tmp_path / "fresh"
    manage(data_dir, "migrate", "--noinput", "-v0")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in database_files(data_dir):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_an_existing_open_data_folder_is_tightened(tmp_path):
    data_dir = tmp_path / "old"
    data_dir.mkdir(mode=0o755)
    (data_dir / "nearer.sqlite3").touch(mode=0o644)
    manage(data_dir, "check")
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "nearer.sqlite3").stat().st_mode) == 0o600
