"""Recurring time, expanded with python-dateutil's RFC 5545 rules in local wall-clock time.

The rule runs over naive local datetimes; each occurrence is then placed in its zone, so a
weekly 19:00 stays 19:00 on both sides of a daylight-saving change (its UTC instant moves).
A wall-clock time that does not exist on the day clocks go forward is moved forward by the
gap (``fold``/zoneinfo semantics), as calendar apps do.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, rrule, rrulestr


class RuleError(ValueError):
    pass


# Time together happens at most once a day: an hourly or by-the-minute rule would put
# thousands of events on a calendar (and cost as much to expand on every page).
_TOO_FINE = ("BYHOUR", "BYMINUTE", "BYSECOND")
# A rule must come round within this many years of its first day (a leap day on a Monday
# comes round every 28), so a rule that never happens is refused, not expanded for ever.
_COMES_ROUND_YEARS = 30


def parse(rule: str, starts_local: datetime):
    """A dateutil rule for ``rule`` starting at naive ``starts_local``; RuleError if invalid."""
    text = (rule or "").strip().removeprefix("RRULE:")
    if not text or "\n" in text or "DTSTART" in text.upper():
        raise RuleError("empty or malformed rule")
    if any(part in text.upper() for part in _TOO_FINE):
        raise RuleError("more often than once a day")
    try:
        parsed = rrulestr(text, dtstart=starts_local.replace(tzinfo=None))
    except (ValueError, TypeError, OverflowError, IndexError, KeyError) as exc:
        raise RuleError(str(exc)) from exc
    if not isinstance(parsed, rrule) or parsed._freq > DAILY:
        raise RuleError("more often than once a day")
    return parsed


def check(rule: str, starts_local: datetime) -> None:
    """RuleError unless ``rule`` parses and happens at least once (see ``_COMES_ROUND_YEARS``)."""
    parsed = parse(rule, starts_local)
    first = starts_local.replace(tzinfo=None)
    try:
        horizon = first + timedelta(days=366 * _COMES_ROUND_YEARS)
        until = min(parsed._until, horizon) if parsed._until else horizon
        if parsed.replace(count=None, until=until).after(first, inc=True) is None:
            raise RuleError("never happens")
    except (ValueError, OverflowError) as exc:
        raise RuleError(str(exc)) from exc


def rule_time(rule: str, starts_local: datetime, time_zone: str, instant: datetime):
    """The naive local time the rule gives for the occurrence at aware ``instant``, or None
    when no occurrence starts then (an occurrence moved by a spring-forward gap included)."""
    zone = ZoneInfo(time_zone)
    local = instant.astimezone(zone).replace(tzinfo=None)
    parsed = parse(rule, starts_local)
    for candidate in parsed.between(
        local - timedelta(hours=3), local + timedelta(hours=3), inc=True
    ):
        if aware(candidate, zone) == instant:
            return candidate
    return None


def aware(local: datetime, zone: ZoneInfo) -> datetime:
    placed = local.replace(tzinfo=zone)
    # A time in the spring-forward gap does not exist: round-tripping through UTC moves it
    # forward by the gap, so it lands on the first real instant after it.
    return placed.astimezone(ZoneInfo("UTC")).astimezone(zone)


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
        placed = aware(local, zone)
        if start <= placed < end:
            found.append(placed)
    return found


def same_days(rule: str, starts_local: datetime, exceptions) -> list[str]:
    """``exceptions`` (naive local ISO times) moved onto ``rule``: each skipped day stays
    skipped at the time the rule gives on that day; a day the rule no longer meets is let go."""
    parsed = parse(rule, starts_local)
    kept = []
    for value in exceptions:
        day = datetime.fromisoformat(value).replace(tzinfo=None)
        midnight = day.replace(hour=0, minute=0, second=0, microsecond=0)
        found = parsed.between(midnight, midnight + timedelta(days=1), inc=True)
        for local in [t for t in found if t.date() == day.date()][:1]:
            if local.isoformat() not in kept:
                kept.append(local.isoformat())
    return kept
