"""Structured logs: one line per event, JSON when ``NEARER_LOG_FORMAT=json``.

Call ``event(logger, "task.started", task=..., id=...)``: the event name and its fields are
kept apart from the message, so the JSON formatter (python-json-logger) puts each field in
its own key, and the plain formatter writes ``key=value`` pairs.

What may go in a field: ids, dotted paths, statuses, counts, durations, addresses and
paths without their query string. Never what a person wrote or chose (notes, answers,
search words, names, email addresses): a test walks a full journey and scans the log.
"""

import logging
import traceback
from datetime import UTC, datetime

from pythonjsonlogger.json import JsonFormatter


def event(logger: logging.Logger, name: str, level: int = logging.INFO, **fields) -> None:
    fields = {key: value for key, value in fields.items() if value is not None}
    logger.log(level, name, extra={"event": name, "fields": fields})


def where(error: BaseException) -> str:
    """``ValueError at nearer/x.py:12``: the kind of error and where, never its message
    (an error's message can quote the data it choked on)."""
    frames = traceback.extract_tb(error.__traceback__)
    place = (
        f" at {frames[-1].filename.rsplit('/nearer/', 1)[-1]}:{frames[-1].lineno}" if frames else ""
    )
    return f"{type(error).__name__}{place}"


def _fields(record) -> dict:
    return dict(getattr(record, "fields", None) or {})


def _iso(record) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class PlainFormatter(logging.Formatter):
    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        return _iso(record)

    def format(self, record):
        line = super().format(record)
        pairs = " ".join(f"{key}={value}" for key, value in _fields(record).items())
        return f"{line} {pairs}" if pairs else line


class JsonLineFormatter(JsonFormatter):
    def __init__(self):
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            reserved_attrs=[*logging.LogRecord("", 0, "", 0, "", None, None).__dict__, "fields"],
        )

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        return _iso(record)

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        log_record.update(_fields(record))


def startup(role: str) -> None:
    """Log the configuration a process starts with (never a secret or a password)."""
    from django.conf import settings
    from django.db import connection

    tasks = settings.TASKS.get("default", {}).get("BACKEND", "")
    event(
        logging.getLogger("nearer.startup"),
        "startup",
        role=role,
        env=settings.NEARER_ENV,
        debug=settings.DEBUG,
        database=connection.vendor,
        cache=settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
        tasks=tasks.rsplit(".", 1)[-1],
        trusted_proxies=settings.NEARER_TRUSTED_PROXY_COUNT,
        email=getattr(settings, "EMAIL_BACKEND", "").rsplit(".", 1)[-1],
        signup_open=settings.NEARER_SIGNUP_OPEN,
        log_format=settings.NEARER_LOG_FORMAT,
        hosts=",".join(settings.ALLOWED_HOSTS),
        site=settings.SITE_URL,
    )
