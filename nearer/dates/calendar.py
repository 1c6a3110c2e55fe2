"""The shared calendar: every event a person may see, in a window, and its iCalendar form.

Only what ``nearer.visibility`` lets the person see appears: planned dates and calls (shared
by nature), recurring time, anniversaries and visits that are theirs or shared with them,
and the milestones of their own plan (a plan is private, so only its owner ever sees them).
The subscription feed uses the ``icalendar`` library; each event starts at its UTC instant
(recurring time is expanded here, with its wall-clock rule, so calendar apps need no zone
database of their own to get it right).
"""

import calendar as pycalendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nearer.dates.models import CalendarFeed, Proposal, Series, Visit
from nearer.dates.services import series_occurrences
from nearer.plans.definitions import DAYS, TOTAL_DAYS, WEEKS
from nearer.plans.services import current_enrollment, local_today

FEED_PAST = timedelta(days=90)
FEED_AHEAD = timedelta(days=400)


@dataclass(frozen=True)
class Event:
    uid: str
    kind: str
    title: str
    start: datetime | date
    end: datetime | date
    all_day: bool
    url: str
    mine: bool

    def local_day(self, zone) -> date:
        return self.start if self.all_day else self.start.astimezone(zone).date()


def _proposal_events(user, start, end):
    planned = (
        Proposal.objects.visible_to(user)
        .planned()
        .filter(starts_at__lt=end, starts_at__gte=start - timedelta(days=1))
        .select_related("item", "author")
    )
    for p in planned:
        if p.ends_at <= start:
            continue
        yield Event(
            uid=f"proposal-{p.pk}@nearer",
            kind=p.kind,
            title=p.name or p.get_kind_display(),
            start=p.starts_at,
            end=p.ends_at,
            all_day=False,
            url=reverse("dates:detail", kwargs={"pk": p.pk}),
            mine=p.author_id == user.pk,
        )


def _series_events(user, start, end, only=None):
    found = only if only is not None else Series.objects.visible_to(user).select_related("author")
    for s in found:
        title = s.title or s.get_kind_display()
        for occurrence in series_occurrences(s, start - timedelta(days=1), end):
            if s.kind == Series.Kind.ANNIVERSARY:
                day = occurrence.date()
                event_start, event_end, all_day = day, day + timedelta(days=1), True
            else:
                event_start = occurrence
                event_end = occurrence + timedelta(minutes=s.minutes)
                all_day = False
                if event_end <= start:
                    continue
            stamp = occurrence.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            yield Event(
                uid=f"series-{s.pk}-{stamp}@nearer",
                kind=s.kind,
                title=title,
                start=event_start,
                end=event_end,
                all_day=all_day,
                url=reverse("dates:series"),
                mine=s.author_id == user.pk,
            )


def _visit_event(user, v: Visit) -> Event:
    return Event(
        uid=f"visit-{v.pk}@nearer",
        kind="visit",
        title=_("Visit: %(place)s") % {"place": v.place} if v.place else _("Visit"),
        start=v.starts_on,
        end=v.ends_on + timedelta(days=1),
        all_day=True,
        url=reverse("dates:distance"),
        mine=v.author_id == user.pk,
    )


def _visit_events(user, start, end):
    zone = user.tz
    first, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    visits = Visit.objects.visible_to(user).select_related("author")
    for v in visits.filter(ends_on__gte=first, starts_on__lte=last):
        yield _visit_event(user, v)


def plan_milestones(user) -> list[tuple[date, str, str]]:
    """(day, key, title) for the start of each week of the person's own current plan and its
    last day. Days move on with the plan's pauses, as the plan's own days do."""
    enrollment = current_enrollment(user)
    if enrollment is None:
        return []
    paused = enrollment.paused_days
    if enrollment.paused_on is not None:  # while paused, the rest waits from today
        paused += max(0, (local_today(user) - enrollment.paused_on).days)
    first = enrollment.started_on + timedelta(days=paused)
    found = [(first, f"{enrollment.pk}-start", _("Your plan begins"))]
    for week in range(2, WEEKS + 1):
        found.append(
            (
                first + timedelta(days=DAYS * (week - 1)),
                f"{enrollment.pk}-w{week}",
                _("Week %(week)s of your plan") % {"week": week},
            )
        )
    found.append(
        (first + timedelta(days=TOTAL_DAYS - 1), f"{enrollment.pk}-end", _("Your six weeks end"))
    )
    return found


def _plan_events(user, start, end):
    zone = user.tz
    first, last = start.astimezone(zone).date(), end.astimezone(zone).date()
    for day, key, title in plan_milestones(user):
        if first <= day <= last:
            yield Event(
                uid=f"plan-{key}@nearer",
                kind="plan",
                title=title,
                start=day,
                end=day + timedelta(days=1),
                all_day=True,
                url=reverse("plans:overview"),
                mine=True,
            )


def events_for(user, start: datetime, end: datetime) -> list[Event]:
    events = [
        *_proposal_events(user, start, end),
        *_series_events(user, start, end),
        *_visit_events(user, start, end),
        *_plan_events(user, start, end),
    ]

    def key(event):
        # All-day events first on their day, then timed ones by their local start.
        if event.all_day:
            return (event.start, 0, "")
        local = event.start.astimezone(user.tz)
        return (local.date(), 1, local.time().isoformat())

    return sorted(events, key=key)


@dataclass(frozen=True)
class Month:
    first: date
    weeks: list  # of lists of (day, [events])
    previous: date
    next: date


def month_for(user, year: int, month: int) -> Month:
    first = date(year, month, 1)
    days = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    zone = user.tz
    start = datetime.combine(days[0][0], datetime.min.time(), tzinfo=zone)
    end = datetime.combine(days[-1][-1] + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    by_day: dict[date, list[Event]] = {}
    for event in events_for(user, start, end):
        if event.all_day:
            day = event.start
            while day < event.end:
                by_day.setdefault(day, []).append(event)
                day += timedelta(days=1)
        else:
            by_day.setdefault(event.local_day(zone), []).append(event)
    weeks = [[(d, by_day.get(d, []), d.month == month) for d in week] for week in days]
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Month(first, weeks, previous, following)


def agenda_for(user, days: int = 60) -> list[Event]:
    now = timezone.now()
    return events_for(user, now, now + timedelta(days=days))


# --- iCalendar --------------------------------------------------------------------------


def neutral_titles(user) -> bool:
    from nearer.safety.services import in_danger

    feed = CalendarFeed.objects.owned_by(user).first()
    if feed is not None and feed.neutral_titles is not None:
        return feed.neutral_titles
    return in_danger(user)


def _vevent(event: Event, neutral: bool) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", timezone.now().astimezone(UTC))
    if event.all_day:
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.end)
    else:
        vevent.add("dtstart", event.start.astimezone(UTC))
        vevent.add("dtend", event.end.astimezone(UTC))
    vevent.add("summary", _("Time together") if neutral else event.title)
    if not neutral:
        vevent.add("url", settings.SITE_URL + event.url)
    vevent.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return vevent


def to_ical(events, neutral: bool) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Nearer//Time together//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", _("Time together") if neutral else _("Nearer"))
    for event in events:
        cal.add_component(_vevent(event, neutral))
    return cal.to_ical()


def feed_for(user) -> bytes:
    now = timezone.now()
    return to_ical(events_for(user, now - FEED_PAST, now + FEED_AHEAD), neutral_titles(user))


def proposal_ical(user, proposal: Proposal) -> bytes:
    events = [
        e
        for e in _proposal_events(user, proposal.starts_at, proposal.ends_at)
        if e.uid == f"proposal-{proposal.pk}@nearer"
    ]
    return to_ical(events, neutral_titles(user))


def series_ical(user, series: Series) -> bytes:
    """One recurring time's occurrences over the feed's window, for a one-off download."""
    now = timezone.now()
    events = list(_series_events(user, now - FEED_PAST, now + FEED_AHEAD, only=[series]))
    return to_ical(events, neutral_titles(user))


def visit_ical(user, visit: Visit) -> bytes:
    return to_ical([_visit_event(user, visit)], neutral_titles(user))


def feed_settings(user) -> CalendarFeed:
    return CalendarFeed.objects.owned_by(user).first() or CalendarFeed(user=user)


def regenerate_feed(user) -> CalendarFeed:
    feed = feed_settings(user)
    feed.regenerate()
    feed.save()
    return feed


def revoke_feed(user) -> None:
    feed = CalendarFeed.objects.owned_by(user).first()
    if feed is not None:
        feed.revoke()
        feed.save()


def set_neutral_titles(user, value: bool | None) -> CalendarFeed:
    feed = feed_settings(user)
    feed.neutral_titles = value
    feed.save()
    return feed


# How titles look in the feed, as pages and the API name the choice.
TITLES = {"default": None, "neutral": True, "full": False}


def titles_choice(feed: CalendarFeed) -> str:
    return next(name for name, value in TITLES.items() if value is feed.neutral_titles)


def set_titles_choice(user, choice: str) -> CalendarFeed:
    if choice not in TITLES:
        raise ValueError(choice)
    return set_neutral_titles(user, TITLES[choice])


def feed_url(feed: CalendarFeed) -> str:
    if not feed.pk or not feed.token_hash:
        return ""
    return settings.SITE_URL + reverse("dates:feed", kwargs={"token": feed.token})
