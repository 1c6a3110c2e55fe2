"""Long distance: both clocks side by side, and when both partners are usually free.

Each person's free times are weekly wall-clock ranges in their own zone. For a given week we
place every range on real dates in its own zone (so daylight-saving changes move it in UTC
as they should), intersect the two people's ranges as UTC intervals, and show each window in
both zones. A recurring call time is a slot, in the suggester's zone, that lies inside a
shared window in every one of the coming weeks.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from nearer.couples.services import state_of
from nearer.dates.models import FreeTime


def clock(dt: datetime, person) -> str:
    return dt.astimezone(person.tz).strftime("%H:%M")


def both_clocks(dt: datetime, user) -> str:
    """ "19:00 for you, 09:00 for Sam" (or just "19:00" when the partner shares the zone)."""
    partner = state_of(user).partner
    mine = dt.astimezone(user.tz)
    if partner is None or dt.astimezone(partner.tz).utcoffset() == mine.utcoffset():
        return mine.strftime("%H:%M")
    theirs = dt.astimezone(partner.tz)
    day_note = ""
    if theirs.date() != mine.date():
        day_note = " " + formats.date_format(theirs, "D")
    return _("%(mine)s for you, %(theirs)s%(day)s for %(name)s") % {
        "mine": mine.strftime("%H:%M"),
        "theirs": theirs.strftime("%H:%M"),
        "day": day_note,
        "name": partner.display_name,
    }


@dataclass(frozen=True)
class Window:
    start: datetime  # UTC
    end: datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


def _intervals(person, frees, week_start: date, days: int = 7):
    zone = person.tz
    # One extra day each side in local time, as zones differ by up to a day.
    for offset in range(-1, days + 1):
        day = week_start + timedelta(days=offset)
        for free in frees:
            if free.weekday != day.weekday():
                continue
            start = datetime.combine(day, free.start, tzinfo=zone).astimezone(UTC)
            end = datetime.combine(day, free.end, tzinfo=zone).astimezone(UTC)
            if end > start:
                yield (start, end)


def _merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def windows(a, b, week_start: date, days: int = 7, min_minutes: int = 30) -> list[Window]:
    """Times in the ``days`` from ``week_start`` (midnight UTC) when both are usually free."""
    frees_a = list(FreeTime.objects.visible_to(a).filter(author=a))
    frees_b = list(FreeTime.objects.visible_to(a).filter(author=b)) if b else []
    lo = datetime.combine(week_start, time(0), tzinfo=UTC)
    hi = lo + timedelta(days=days)
    left = _merge(_intervals(a, frees_a, week_start, days))
    right = _merge(_intervals(b, frees_b, week_start, days)) if b else []
    found = []
    for s1, e1 in left:
        for s2, e2 in right:
            start, end = max(s1, s2, lo), min(e1, e2, hi)
            if (end - start) >= timedelta(minutes=min_minutes):
                found.append(Window(start, end))
    return sorted(found, key=lambda w: w.start)


@dataclass(frozen=True)
class Suggestion:
    weekday: int  # in the suggester's zone
    at: time  # wall-clock, suggester's zone
    minutes: int
    weeks_checked: int
    first: datetime  # the next occurrence (UTC)


def suggest_call(a, b, minutes: int = 30, weeks: int = 8, now: datetime | None = None):
    """A weekly slot (in ``a``'s zone) free for both in every one of the next ``weeks``."""
    now = now or timezone.now()
    start_day = now.astimezone(UTC).date()
    horizon = windows(a, b, start_day, days=7 * weeks + 1)
    slot = timedelta(minutes=minutes)
    for window in [w for w in horizon if w.start < now + timedelta(days=7)]:
        candidate = window.start
        while candidate + slot <= window.end:
            local = candidate.astimezone(a.tz)
            if candidate > now and all(
                _covered(_weekly(local, i, a.tz), slot, horizon) for i in range(weeks)
            ):
                return Suggestion(local.weekday(), local.time(), minutes, weeks, candidate)
            candidate += timedelta(minutes=15)
    return None


def _weekly(local: datetime, i: int, zone) -> datetime:
    """The same wall-clock time ``i`` weeks later, in ``zone`` (moves in UTC across DST)."""
    return datetime.combine(local.date() + timedelta(weeks=i), local.time(), tzinfo=zone)


def _covered(start: datetime, slot: timedelta, horizon: list[Window]) -> bool:
    return any(w.start <= start and start + slot <= w.end for w in horizon)
