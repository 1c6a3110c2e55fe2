"""Dates: proposing, answering, reflecting, marking ideas; recurring time, visits, free times.

Views and the API adapt input and output; every rule lives here. A proposal goes to the
partner at once (it is shared); times are aware datetimes (forms read them in the person's
own zone). Reminders are scheduled through ``nearer.reminders.services``.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from nearer.couples.services import state_of
from nearer.dates import recurrence
from nearer.dates.models import (
    CancelReason,
    DeclineReason,
    FreeTime,
    IdeaMark,
    Proposal,
    ProposedTime,
    Reflection,
    Series,
    Status,
    Visit,
)
from nearer.library.models import Item, Kind
from nearer.visibility import Visibility, can_view

MAX_TIMES = 5
MAX_TITLE = 200
MAX_TEXT = 4000
MAX_SERIES = 50  # recurring times one person keeps
MAX_FREE_TIMES = 50  # weekly free ranges one person keeps
MAX_VISIT_DAYS = 366
# The years a calendar window, a time or a day may fall in (pages and API alike): wide enough
# for any anniversary, narrow enough that a window never runs off the end of Python's dates.
FIRST_YEAR, LAST_YEAR = 1970, 2200


class DateError(Exception):
    """A rule stopped the change; ``message`` is for people, ``code`` for the API."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def check_instant(value: datetime, what: str = "") -> datetime:
    """An aware datetime within FIRST_YEAR..LAST_YEAR (in UTC), or a DateError that says so."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise DateError("naive", _("Times need a time zone offset, e.g. 2026-12-01T19:00:00Z."))
    # Its own year first: turning year 1 or 9999 to UTC can run off the end of Python's dates.
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise DateError("years", _years_message())
    if not FIRST_YEAR <= value.astimezone(UTC).year <= LAST_YEAR:
        raise DateError("years", _years_message())
    return value


def check_day(value: date) -> date:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise DateError("years", _years_message())
    return value


def _years_message() -> str:
    return _("Choose a time between the years %(first)s and %(last)s.") % {
        "first": FIRST_YEAR,
        "last": LAST_YEAR,
    }


def date_idea(key: str | None) -> Item | None:
    if not key:
        return None
    return Item.objects.current().filter(kind=Kind.DATE, key=key).first()


def _check_times(times) -> list[datetime]:
    now = timezone.now()
    given = [check_instant(t) for t in times if t is not None]
    clean = sorted(set(given))
    if not clean:
        raise DateError("no_time", _("Offer at least one time."))
    if len(clean) > MAX_TIMES:
        raise DateError("too_many", _("Offer at most %(n)d times.") % {"n": MAX_TIMES})
    if any(t <= now for t in clean):
        raise DateError("past", _("Choose times that are still ahead."))
    return clean


def propose(
    user,
    times,
    *,
    item: Item | None = None,
    title: str = "",
    message: str = "",
    minutes: int = 120,
    kind: str = Proposal.Kind.DATE,
) -> Proposal:
    partner = state_of(user).partner
    if partner is None:
        raise DateError("no_partner", _("Dates are planned with a partner; invite yours first."))
    if kind not in Proposal.Kind.values:
        raise DateError("kind", _("Choose what kind of time this is."))
    title = (title or "").strip()[:MAX_TITLE]
    if item is None and not title:
        raise DateError("no_idea", _("Choose an idea from the library or write your own."))
    if not 5 <= minutes <= 24 * 60:
        raise DateError("minutes", _("Choose a length between 5 minutes and a day."))
    clean = _check_times(times)
    with transaction.atomic():
        proposal = Proposal(recipient=partner, item=item, minutes=minutes, kind=kind)
        proposal.attach(user, Visibility.SHARED)
        proposal.title = title
        proposal.message = (message or "").strip()[:MAX_TEXT]
        proposal.save()
        ProposedTime.objects.bulk_create(
            ProposedTime(proposal=proposal, starts_at=t) for t in clean
        )
        _notify(partner, "date_proposed", proposal)
    return proposal


def whose_turn(proposal: Proposal):
    """The id of the person who answers next: the partner, or the proposer after the
    partner suggested another time. None once the date is settled."""
    if proposal.status == Status.PROPOSED:
        return proposal.recipient_id
    if proposal.status == Status.COUNTERED:
        # From the prefetched times when there are (no query per proposal in lists).
        last = max(proposal.times.all(), key=lambda t: t.pk, default=None)
        return proposal.author_id if last and last.from_recipient else proposal.recipient_id
    return None


def _other(user, proposal: Proposal):
    return proposal.recipient if proposal.author_id == user.pk else proposal.author


def _open_for(user, proposal: Proposal) -> None:
    if not can_view(user, proposal):
        raise DateError("unknown", _("This date is not yours to answer."))
    if proposal.status not in (Status.PROPOSED, Status.COUNTERED):
        raise DateError("closed", _("This date has already been answered."))


def accept(user, proposal: Proposal, time: ProposedTime) -> Proposal:
    """Accept a time offered by the other person."""
    _open_for(user, proposal)
    if time.proposal_id != proposal.pk:
        raise DateError("time", _("Choose one of the times offered."))
    offered_by_me = time.from_recipient == (proposal.recipient_id == user.pk)
    if offered_by_me:
        raise DateError("own_time", _("Your partner chooses from the times you offered."))
    if time.starts_at <= timezone.now():
        raise DateError("past", _("That time has passed; suggest another."))
    with transaction.atomic():
        updated = Proposal.objects.filter(
            pk=proposal.pk, status__in=(Status.PROPOSED, Status.COUNTERED)
        ).update(
            status=Status.ACCEPTED,
            starts_at=time.starts_at,
            responded_at=timezone.now(),
        )
        if not updated:
            raise DateError("closed", _("This date has already been answered."))
        proposal.refresh_from_db()
        for person in (proposal.author, proposal.recipient):
            _notify(
                person,
                "date_coming_up",
                proposal,
                at=proposal.starts_at - timedelta(hours=24),
                before=proposal.starts_at,
            )
    return proposal


def suggest_time(user, proposal: Proposal, when: datetime) -> ProposedTime:
    """The partner (or the proposer, answering back) offers another time."""
    _open_for(user, proposal)
    (clean,) = _check_times([when])
    if proposal.times.count() >= MAX_TIMES * 2:
        raise DateError("too_many", _("That is a lot of times; talk it over together."))
    from_recipient = proposal.recipient_id == user.pk
    with transaction.atomic():
        time = ProposedTime.objects.create(
            proposal=proposal, starts_at=clean, from_recipient=from_recipient
        )
        proposal.status = Status.COUNTERED
        proposal.save(update_fields=["status", "updated_at"])
        _notify(_other(user, proposal), "date_proposed", proposal)
    return time


def decline(user, proposal: Proposal, reason: str) -> Proposal:
    _open_for(user, proposal)
    if proposal.recipient_id != user.pk:
        raise DateError("not_yours", _("Only the person a date was proposed to declines it."))
    if reason not in DeclineReason.values:
        raise DateError("reason", _("Choose one of the answers."))
    proposal.status = Status.DECLINED
    proposal.decline_reason = reason
    proposal.responded_at = timezone.now()
    proposal.save(update_fields=["status", "decline_reason", "responded_at", "updated_at"])
    return proposal


def can_call_off(user, proposal: Proposal) -> bool:
    """Either partner may call off a planned date that is still ahead; a proposal still
    waiting for an answer is withdrawn only by the person who proposed it (the partner
    declines it instead)."""
    if not can_view(user, proposal):
        return False
    if proposal.status == Status.ACCEPTED:
        return (
            user.pk in (proposal.author_id, proposal.recipient_id)
            and proposal.starts_at > timezone.now()
        )
    if proposal.status in (Status.PROPOSED, Status.COUNTERED):
        return proposal.author_id == user.pk
    return False


def cancel(user, proposal: Proposal, reason: str = "") -> Proposal:
    """Call off a date, kindly: ``reason`` is one of ``CancelReason`` or empty. The other
    person hears only that a planned date was called off (never a reason or any words)."""
    if reason and reason not in CancelReason.values:
        raise DateError("reason", _("Choose one of the answers, or none."))
    if not can_call_off(user, proposal):
        raise DateError("closed", _("This date cannot be called off."))
    was_planned = proposal.status == Status.ACCEPTED
    with transaction.atomic():
        updated = Proposal.objects.filter(pk=proposal.pk, status=proposal.status).update(
            status=Status.CANCELLED,
            cancelled_by=user,
            cancel_reason=reason,
            updated_at=timezone.now(),
        )
        if not updated:
            raise DateError("closed", _("This date cannot be called off."))
        proposal.refresh_from_db()
        from nearer.reminders.services import cancel_for

        cancel_for(f"proposal:{proposal.pk}")
        other = _other(user, proposal)
        if was_planned and other is not None:
            _notify(other, "date_coming_up", proposal)
    return proposal


def is_past(proposal: Proposal) -> bool:
    return proposal.status == Status.ACCEPTED and proposal.starts_at <= timezone.now()


def reflect(user, proposal: Proposal, text: str, visibility: str) -> Reflection:
    if not can_view(user, proposal) or not is_past(proposal):
        raise DateError("not_yet", _("Reflections open once the date has happened."))
    text = (text or "").strip()
    if not text:
        raise DateError("empty", _("Write a few words, or leave it for later."))
    if visibility not in (Visibility.PRIVATE, Visibility.SHARED):
        raise DateError("visibility", _("Choose who can see it."))
    reflection = Reflection(proposal=proposal)
    reflection.attach(user, visibility)
    reflection.text = text[:MAX_TEXT]
    reflection.save()
    return reflection


def mark_tried_new(user, proposal: Proposal, tried: bool = True) -> Proposal:
    """ "We tried something new": a shared mark either partner may set or clear."""
    if not can_view(user, proposal) or not is_past(proposal):
        raise DateError("not_yet", _("You can mark this once the date has happened."))
    proposal.tried_new_at = timezone.now() if tried else None
    proposal.save(update_fields=["tried_new_at", "updated_at"])
    if tried and proposal.item_id:
        mark_idea(user, proposal.item, done=True)
    return proposal


def new_things_tried(user):
    return (
        Proposal.objects.visible_to(user)
        .filter(tried_new_at__isnull=False)
        .select_related("item", "author")
        .order_by("-starts_at", "-id")
    )


def mark_idea(user, item: Item, *, favourite: bool | None = None, done: bool | None = None):
    mark, _created = IdeaMark.objects.get_or_create(user=user, item=item)
    if favourite is not None:
        mark.favourite = favourite
    if done is not None:
        mark.done = done
    mark.save()
    return mark


def ideas_for(user, order: str = "not_tried"):
    """Date ideas, with "not tried yet" first when asked; each carries the person's marks."""
    marks = {m.item_id: m for m in IdeaMark.objects.owned_by(user)}
    ideas = list(Item.objects.current().filter(kind=Kind.DATE).order_by("title"))
    for idea in ideas:
        mark = marks.get(idea.pk)
        idea.favourite = bool(mark and mark.favourite)
        idea.done = bool(mark and mark.done)
    if order == "not_tried":
        ideas.sort(key=lambda i: (i.done, not i.favourite))
    elif order == "favourites":
        ideas = [i for i in ideas if i.favourite]
    return ideas


def proposals_for(user):
    return (
        Proposal.objects.visible_to(user)
        .select_related("item", "author", "recipient")
        .prefetch_related("times")
    )


def current_proposals(user, now: datetime):
    """Dates still being answered, and planned dates still to come (the newest first)."""
    still_open = Q(status__in=[Status.PROPOSED, Status.COUNTERED])
    return proposals_for(user).filter(still_open | Q(status=Status.ACCEPTED, starts_at__gt=now))


def past_dates(user, now: datetime):
    """Planned dates whose time has come (the newest first): they grow, so page them."""
    return proposals_for(user).filter(status=Status.ACCEPTED, starts_at__lte=now)


# --- recurring time ---------------------------------------------------------------------


def _series_fields(kind: str, title: str, rule: str, starts_local: datetime, minutes: int):
    """The checked fields of recurring time, the same for adding and for changing it."""
    if kind not in Series.Kind.values:
        raise DateError("kind", _("Choose what kind of time this is."))
    check_day(starts_local.date())
    try:
        recurrence.check(rule, starts_local)
    except recurrence.RuleError:
        raise DateError("rule", _("That repeat rule is not one Nearer understands.")) from None
    if not 5 <= minutes <= 24 * 60:
        raise DateError("minutes", _("Choose a length between 5 minutes and a day."))
    return {
        "kind": kind,
        "title": (title or "").strip()[:MAX_TITLE],
        "rule": rule.strip().removeprefix("RRULE:"),
        "first_day": starts_local.date(),
        "at": starts_local.time().replace(tzinfo=None),
        "minutes": minutes,
    }


def add_series(
    user,
    *,
    kind: str,
    title: str,
    rule: str,
    starts_local: datetime,
    minutes: int = 60,
    visibility: str = Visibility.SHARED,
) -> Series:
    """Recurring time from naive ``starts_local``, a wall-clock time in the person's zone."""
    fields = _series_fields(kind, title, rule, starts_local, minutes)
    if visibility not in (Visibility.PRIVATE, Visibility.SHARED):
        raise DateError("visibility", _("Choose who can see it."))
    if Series.objects.authored_by(user).count() >= MAX_SERIES:
        raise DateError("too_many", _("That is a lot of recurring time; remove one first."))
    title = fields.pop("title")
    series = Series(**fields, time_zone=user.time_zone)
    linked = state_of(user).is_linked
    series.attach(user, visibility if linked else Visibility.PRIVATE)
    series.title = title
    series.save()
    return series


def _check_author(user, series: Series) -> None:
    # The rule for deleting a series: only its author changes it (``visibility.can_change``).
    if series.author_id != user.pk:
        raise DateError("not_yours", _("Only the person who set this up can change it."))


def update_series(
    user,
    series: Series,
    *,
    kind: str | None = None,
    title: str | None = None,
    rule: str | None = None,
    starts_local: datetime | None = None,
    minutes: int | None = None,
) -> Series:
    """Change recurring time (only its author does); what is None stays as it is.

    ``starts_local`` is naive wall-clock time in the author's own zone, as when adding. If it
    is the same instant the series starts at now, the series keeps the zone it was written
    in; otherwise it repeats from then on in the author's zone. Skipped times stay skipped
    where the changed rule still meets on that day (at its new time); the others no longer
    belong to any time and are let go. Reminders already planned are forgotten and planned
    again for the new times.
    """
    _check_author(user, series)
    zone = series.time_zone
    if starts_local is not None:
        mine = ZoneInfo(user.time_zone)
        now_starts = recurrence.aware(series.starts_local, ZoneInfo(series.time_zone))
        if recurrence.aware(starts_local, mine) == now_starts:
            starts_local = None
        else:
            zone = user.time_zone
    fields = _series_fields(
        series.kind if kind is None else kind,
        series.title if title is None else title,
        series.rule if rule is None else rule,
        series.starts_local if starts_local is None else starts_local,
        series.minutes if minutes is None else minutes,
    )
    title = fields.pop("title")
    timing = (fields["rule"], fields["first_day"], fields["at"], zone)
    moved = timing != (series.rule, series.first_day, series.at, series.time_zone)
    # A call's reminders are planned ahead: a new time, or no longer a call, forgets them.
    replan = moved or fields["kind"] != series.kind
    for name, value in fields.items():
        setattr(series, name, value)
    series.title = title
    series.time_zone = zone
    if moved:
        series.exceptions = recurrence.same_days(
            series.rule, series.starts_local, series.exceptions
        )
    with transaction.atomic():
        series.save()
        if replan:
            from nearer.reminders.services import cancel_starting

            cancel_starting(f"series:{series.pk}:")
    return series


def _rule_time(series: Series, when: datetime) -> datetime:
    """The naive local start of the occurrence at ``when`` (a naive time is read as
    wall-clock time in the series' own zone), or a DateError."""
    if when.tzinfo is None:
        check_day(when.date())
        when = when.replace(tzinfo=ZoneInfo(series.time_zone))
    check_instant(when)
    local = recurrence.rule_time(series.rule, series.starts_local, series.time_zone, when)
    if local is None:
        raise DateError("not_a_time", _("That is not one of the times this repeats at."))
    return local


def skip_occurrence(user, series: Series, when: datetime) -> Series:
    """Skip one occurrence (an exception), given by the instant it starts at (a naive time
    is read as wall-clock time in the series' own zone)."""
    _check_author(user, series)
    local = _rule_time(series, when)
    value = local.isoformat()
    if value not in series.exceptions:
        series.exceptions = [*series.exceptions, value]
        with transaction.atomic():
            series.save(update_fields=["exceptions", "updated_at"])
            from nearer.reminders.services import cancel_for

            start = recurrence.aware(local, ZoneInfo(series.time_zone)).astimezone(UTC)
            cancel_for(f"series:{series.pk}:{start.isoformat()}")
    return series


def unskip_occurrence(user, series: Series, when: datetime) -> Series:
    """Bring back one skipped occurrence, given as when skipping it (an instant, or a naive
    wall-clock time in the series' own zone, as listed in ``exceptions``)."""
    _check_author(user, series)
    value = _rule_time(series, when).isoformat()
    if value not in series.exceptions:
        raise DateError("not_skipped", _("That time is not skipped."))
    series.exceptions = [e for e in series.exceptions if e != value]
    series.save(update_fields=["exceptions", "updated_at"])
    return series


def delete_series(user, series: Series) -> None:
    _check_author(user, series)
    with transaction.atomic():
        from nearer.reminders.services import cancel_starting

        cancel_starting(f"series:{series.pk}:")
        series.delete()


def series_first_start(series: Series) -> datetime:
    """The first start as an aware instant (the wall-clock time placed in its zone)."""
    return recurrence.aware(series.starts_local, ZoneInfo(series.time_zone))


def skipped_ahead(series: Series, now: datetime) -> list[datetime]:
    """The skipped times still to come, as aware starts in the series' zone, soonest first."""
    zone = ZoneInfo(series.time_zone)
    found = []
    for value in series.exceptions:
        aware = recurrence.aware(datetime.fromisoformat(value).replace(tzinfo=None), zone)
        if aware >= now:
            found.append(aware)
    return sorted(found)


def series_occurrences(series: Series, start: datetime, end: datetime) -> list[datetime]:
    return recurrence.occurrences(
        series.rule, series.starts_local, series.time_zone, start, end, series.exceptions
    )


# --- visits and free time ---------------------------------------------------------------


def _visit_fields(starts_on, ends_on, place: str, plans: str) -> dict:
    check_day(starts_on)
    check_day(ends_on)
    if ends_on < starts_on:
        raise DateError("order", _("A visit ends on or after the day it starts."))
    if (ends_on - starts_on).days >= MAX_VISIT_DAYS:
        raise DateError("length", _("A visit here lasts at most a year."))
    return {
        "starts_on": starts_on,
        "ends_on": ends_on,
        "place": (place or "").strip()[:MAX_TITLE],
        "plans": (plans or "").strip()[:MAX_TEXT],
    }


def add_visit(user, starts_on, ends_on, place: str = "", plans: str = "") -> Visit:
    fields = _visit_fields(starts_on, ends_on, place, plans)
    visit = Visit(starts_on=fields["starts_on"], ends_on=fields["ends_on"])
    visit.attach(user, Visibility.SHARED if state_of(user).is_linked else Visibility.PRIVATE)
    visit.place = fields["place"]
    visit.plans = fields["plans"]
    visit.save()
    return visit


def update_visit(user, visit: Visit, **changes) -> Visit:
    """Change a visit's days, place or plans (only its author does)."""
    if visit.author_id != user.pk:
        raise DateError("not_yours", _("Only the person who set this up can change it."))
    current = {
        "starts_on": visit.starts_on,
        "ends_on": visit.ends_on,
        "place": visit.place,
        "plans": visit.plans,
    }
    fields = _visit_fields(**{**current, **{k: v for k, v in changes.items() if v is not None}})
    visit.starts_on, visit.ends_on = fields["starts_on"], fields["ends_on"]
    visit.place, visit.plans = fields["place"], fields["plans"]
    visit.save()
    return visit


@dataclass(frozen=True)
class Countdown:
    visit: Visit
    days: int


def next_visit(user) -> Countdown | None:
    today = user.local_now().date()
    upcoming = Visit.objects.visible_to(user).filter(ends_on__gte=today).select_related("author")
    visit = upcoming.order_by("starts_on").first()
    if visit is None:
        return None
    return Countdown(visit, max(0, (visit.starts_on - today).days))


def _check_free_time(weekday: int, start, end) -> None:
    if not 0 <= weekday <= 6:
        raise DateError("weekday", _("Choose a day of the week."))
    if end <= start:
        raise DateError("order", _("The end comes after the start (split times past midnight)."))


def add_free_time(user, weekday: int, start, end) -> FreeTime:
    _check_free_time(weekday, start, end)
    if FreeTime.objects.authored_by(user).count() >= MAX_FREE_TIMES:
        raise DateError("too_many", _("That is a lot of free times; remove one first."))
    free = FreeTime(weekday=weekday, start=start, end=end)
    free.attach(user, Visibility.SHARED if state_of(user).is_linked else Visibility.PRIVATE)
    free.save()
    return free


def set_free_times(user, ranges) -> list[FreeTime]:
    """Replace all of a person's usual free times with ``ranges`` of (weekday, start, end)."""
    ranges = list(ranges)
    for weekday, start, end in ranges:
        _check_free_time(weekday, start, end)
    if len(ranges) > MAX_FREE_TIMES:
        raise DateError("too_many", _("That is a lot of free times; remove one first."))
    visibility = Visibility.SHARED if state_of(user).is_linked else Visibility.PRIVATE
    with transaction.atomic():
        FreeTime.objects.authored_by(user).delete()
        created = []
        for weekday, start, end in ranges:
            free = FreeTime(weekday=weekday, start=start, end=end)
            free.attach(user, visibility)
            created.append(free)
        FreeTime.objects.bulk_create(created)
    return list(FreeTime.objects.authored_by(user))


def _notify(person, kind: str, proposal: Proposal, at=None, before=None) -> None:
    from nearer.reminders.services import schedule

    schedule(person, kind, f"proposal:{proposal.pk}", at=at, before=before)
