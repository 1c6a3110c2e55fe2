"""Recurring time, expanded with python-dateutil's RFC 5545 rules in local wall-clock time.

The rule runs over naive local datetimes; each occurrence is then placed in its zone, so a
weekly 19:00 stays 19:00 on both sides of a daylight-saving change (its UTC instant moves).
A wall-clock time that does not exist on the day clocks go forward is moved forward by the
gap (``fold``/zoneinfo semantics), as calendar apps do.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr


class RuleError(ValueError):
    pass


def parse(rule: str, starts_local: datetime):
    """A dateutil rule for ``rule`` starting at naive ``starts_local``; RuleError if invalid."""
    text = (rule or "").strip().removeprefix("RRULE:")
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise RuleError("empty or malformed rule")
    try:
        return rrulestr(text, dtstart=starts_local.replace(tzinfo=None))
    except (ValueError, TypeError) as exc:
        raise RuleError(str(exc)) from exc


def _aware(local: datetime, zone: ZoneInfo) -> datetime:
    aware = local.replace(tzinfo=zone)
    # A time in the spring-forward gap does not exist: round-tripping through UTC moves it
    # forward by the gap, so it lands on the first real instant after it.
    return aware.astimezone(ZoneInfo("UTC")).astimezone(zone)


def occurrences(
    rule: str,
    starts_local: datetime,
    time_zone: str,
    start: datetime,
    end: datetime,
    exceptions=(),
) -> list[datetime]:
    """Aware starts (in ``time_zone``) of the occurrences between aware ``start`` and ``end``."""
    zone = ZoneInfo(time_zone)
    skipped = {datetime.fromisoformat(e).replace(tzinfo=None) for e in exceptions}
    parsed = parse(rule, starts_local)
    # Search a day wider in local time: zone offsets are at most ±14 h.
    lo = start.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
    hi = end.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    found = []
    for local in parsed.between(lo, hi, inc=True):
        if local in skipped:
            continue
        aware = _aware(local, zone)
        if start <= aware < end:
            found.append(aware)
    return found
