"""The data folder (``NEARER_DATA_DIR``) is readable by its owner only.

It holds the SQLite database, the generated secret and server keys, exports waiting to be
downloaded and, in development, the outbox. The folder is created (or tightened) to 0700
and the database file to 0600 before SQLite opens it; SQLite gives its ``-wal`` and
``-shm`` files the same permissions as the database file.
"""

import os
from pathlib import Path


def _owned(path: Path) -> bool:
    return path.stat().st_uid == os.getuid()


def prepare(data_dir: Path) -> Path:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if _owned(data_dir):
        data_dir.chmod(0o700)
    return data_dir


def private_file(path: Path) -> Path:
    """Create ``path`` empty and 0600 if missing; tighten it if it exists and is ours."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists() and _owned(candidate):
            candidate.chmod(0o600)
    return path
