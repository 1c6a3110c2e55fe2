"""Dates, the calendar and long-distance windows in the JSON API (rules live in services)."""

from datetime import UTC, date, datetime, time, timedelta
from typing import Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.couples.services import state_of
from nearer.dates import calendar as cal
from nearer.dates import distance, services
from nearer.dates.models import CancelReason, FreeTime, Proposal, Series, Visit
from nearer.visibility import get_changeable_or_404, get_visible_or_404

router = Router(tags=["dates and calendar"])


class TimeOut(Schema):
    id: int
    starts_at: datetime
    from_me: bool


class ProposalOut(Schema):
    id: int
    kind: str
    idea_key: str | None
    title: str
    message: str
    status: str
    minutes: int
    starts_at: datetime | None
    from_me: bool
    times: list[TimeOut]
    tried_something_new: bool
    can_call_off: bool
    called_off_by: Literal["me", "partner"] | None
    cancel_reason: str = Field(description="A ready-made reason code, or empty")


class ProposalIn(Schema):
    kind: Proposal.Kind = Proposal.Kind.DATE
    idea: str | None = Field(None, description="A library date idea's key")
    title: str = Field("", max_length=200, description="Your own idea, instead of a library one")
    message: str = Field("", max_length=2000)
    minutes: int = 120
    times: list[datetime] = Field(min_length=1, max_length=services.MAX_TIMES)


class EventOut(Schema):
    uid: str
    kind: str
    title: str
    start: str
    end: str
    all_day: bool


class WindowOut(Schema):
    start: datetime
    end: datetime
    minutes: int
    for_you: str


def _proposal(p: Proposal, user) -> dict:
    mine = p.author_id == user.pk
    return {
        "id": p.pk,
        "kind": p.kind,
        "idea_key": p.item.key if p.item_id else None,
        "title": p.name,
        "message": p.message,
        "status": p.status,
        "minutes": p.minutes,
        "starts_at": p.starts_at,
        "from_me": mine,
        "times": [
            {"id": t.pk, "starts_at": t.starts_at, "from_me": t.from_recipient != mine}
            for t in p.times.all()
        ],
        "tried_something_new": p.tried_new_at is not None,
        "can_call_off": services.can_call_off(user, p),
        "called_off_by": None
        if p.status != "cancelled" or p.cancelled_by_id is None
        else ("me" if p.cancelled_by_id == user.pk else "partner"),
        "cancel_reason": p.cancel_reason,
    }


# A rule that refused the change because of where things stand (409), not what was sent (422).
_CONFLICTS = {"closed", "no_partner", "not_skipped", "not_yet", "own_time", "too_many"}


def _error(error: services.DateError):
    if error.code == "unknown":
        raise HttpError(404, error.message)
    raise HttpError(409 if error.code in _CONFLICTS else 422, error.message)


@router.get("/dates", response=list[ProposalOut], summary="Dates proposed by or to me")
@api_paginate
def dates(request):
    return Mapped(services.proposals_for(request.user), lambda p: _proposal(p, request.user))


@router.get(
    "/dates/new-things",
    response=list[ProposalOut],
    summary="The new things we tried together",
)
@api_paginate
def new_things(request):
    found = services.new_things_tried(request.user).prefetch_related("times")
    return Mapped(found, lambda p: _proposal(p, request.user))


class IdeaOut(Schema):
    key: str
    title: str
    favourite: bool
    we_did_this: bool


class IdeaMarkIn(Schema):
    favourite: bool | None = None
    we_did_this: bool | None = None


def _idea(idea) -> dict:
    return {
        "key": idea.key,
        "title": idea.title,
        "favourite": idea.favourite,
        "we_did_this": idea.done,
    }


@router.get(
    "/dates/ideas",
    response=list[IdeaOut],
    summary="Date ideas with my marks, not tried yet first (or only favourites, or by title)",
)
def date_ideas(request, order: Literal["not_tried", "favourites", "title"] = "not_tried"):
    return [_idea(i) for i in services.ideas_for(request.user, order)[:200]]


@router.put(
    "/dates/ideas/{key}/mark",
    response=IdeaOut,
    summary='Mark a date idea as a favourite, or "we did this" (my own marks)',
)
def date_idea_mark(request, key: str, payload: IdeaMarkIn):
    item = services.date_idea(key)
    if item is None:
        raise HttpError(404, _("There is no date idea with that key."))
    mark = services.mark_idea(
        request.user, item, favourite=payload.favourite, done=payload.we_did_this
    )
    return {
        "key": item.key,
        "title": item.title,
        "favourite": mark.favourite,
        "we_did_this": mark.done,
    }


@router.post("/dates", response={201: ProposalOut}, summary="Propose a date to my partner")
def date_create(request, payload: ProposalIn):
    idea = services.date_idea(payload.idea) if payload.idea else None
    if payload.idea and idea is None:
        raise HttpError(422, _("There is no date idea with that key."))
    try:
        proposal = services.propose(
            request.user,
            payload.times,
            item=idea,
            title=payload.title,
            message=payload.message,
            minutes=payload.minutes,
            kind=payload.kind,
        )
    except services.DateError as error:
        _error(error)
    return Status(201, _proposal(proposal, request.user))


@router.get("/dates/{proposal_id}", response=ProposalOut, summary="One date")
def date_detail(request, proposal_id: int):
    return _proposal(get_visible_or_404(Proposal, request.user, pk=proposal_id), request.user)


def _answerable(request, proposal_id: int) -> Proposal:
    proposal = get_visible_or_404(Proposal, request.user, pk=proposal_id)
    if services.whose_turn(proposal) != request.user.pk:
        raise HttpError(404, _("Not found."))
    return proposal


@router.post(
    "/dates/{proposal_id}/times/{time_id}/accept",
    response=ProposalOut,
    summary="Accept a time my partner offered",
)
def date_accept(request, proposal_id: int, time_id: int):
    proposal = _answerable(request, proposal_id)
    time = proposal.times.filter(pk=time_id).first()
    if time is None:
        raise HttpError(404, _("Not found."))
    try:
        services.accept(request.user, proposal, time)
    except services.DateError as error:
        _error(error)
    return _proposal(proposal, request.user)


@router.post("/dates/{proposal_id}/decline", response=ProposalOut, summary="Not this time")
def date_decline(request, proposal_id: int, reason: str = "another_time"):
    proposal = get_visible_or_404(Proposal, request.user, pk=proposal_id)
    if proposal.recipient_id != request.user.pk:
        raise HttpError(404, _("Not found."))
    try:
        services.decline(request.user, proposal, reason)
    except services.DateError as error:
        raise HttpError(422 if error.code == "reason" else 409, error.message) from None
    return _proposal(proposal, request.user)


@router.get("/calendar", response=list[EventOut], summary="What is on our calendar")
def calendar(request, start: datetime | None = None, days: int = 60):
    if not 1 <= days <= 400:
        raise HttpError(422, _("days must be between 1 and 400."))
    start = start or timezone.now()
    if start.tzinfo is None:
        raise HttpError(422, _("start needs a time zone offset, e.g. 2026-12-01T00:00:00Z."))
    first, last = services.FIRST_YEAR, services.LAST_YEAR
    # Its own year first: turning year 1 or 9999 to UTC can run off the end of Python's dates.
    if not (first <= start.year <= last and first <= start.astimezone(UTC).year <= last):
        raise HttpError(
            422,
            _("start must fall between the years %(first)s and %(last)s.")
            % {"first": first, "last": last},
        )
    events = cal.events_for(request.user, start, start + timedelta(days=days))
    return [
        {
            "uid": e.uid,
            "kind": e.kind,
            "title": e.title,
            "start": e.start.isoformat(),
            "end": e.end.isoformat(),
            "all_day": e.all_day,
        }
        for e in events
    ]


@router.get("/distance/windows", response=list[WindowOut], summary="When we are both free")
def free_windows(request):
    partner = state_of(request.user).partner
    if partner is None:
        return []
    found = distance.windows(request.user, partner, timezone.now().date())
    return [
        {
            "start": w.start,
            "end": w.end,
            "minutes": w.minutes,
            "for_you": distance.both_clocks(w.start, request.user),
        }
        for w in found
    ]


# --- more on one date: another time, calling off, afterwards ------------------------------


class SuggestIn(Schema):
    starts_at: datetime = Field(description="Another time, with its offset")


class CancelIn(Schema):
    reason: CancelReason | None = Field(None, description="A kind ready-made reason, or none")


class ReflectionOut(Schema):
    id: int
    text: str
    visibility: str
    from_me: bool
    created_at: datetime


class ReflectionIn(Schema):
    text: str = Field(max_length=services.MAX_TEXT)
    visibility: Literal["private", "shared"] = "private"


class TriedIn(Schema):
    tried: bool = True


@router.post(
    "/dates/{proposal_id}/times",
    response=ProposalOut,
    summary="Suggest another time (when it is my turn to answer)",
)
def date_suggest(request, proposal_id: int, payload: SuggestIn):
    proposal = _answerable(request, proposal_id)
    try:
        services.suggest_time(request.user, proposal, payload.starts_at)
    except services.DateError as error:
        _error(error)
    return _proposal(proposal, request.user)


@router.post(
    "/dates/{proposal_id}/cancel",
    response=ProposalOut,
    summary="Call off a planned date (either of us), or withdraw my proposal",
)
def date_cancel(request, proposal_id: int, payload: CancelIn):
    proposal = get_visible_or_404(Proposal, request.user, pk=proposal_id)
    if not services.can_call_off(request.user, proposal):
        raise HttpError(404, _("Not found."))
    try:
        services.cancel(request.user, proposal, payload.reason or "")
    except services.DateError as error:
        _error(error)
    return _proposal(proposal, request.user)


def _reflection(r, user) -> dict:
    return {
        "id": r.pk,
        "text": r.text,
        "visibility": r.visibility,
        "from_me": r.author_id == user.pk,
        "created_at": r.created_at,
    }


@router.get(
    "/dates/{proposal_id}/reflections",
    response=list[ReflectionOut],
    summary="Reflections on a date: mine, and what my partner shared",
)
def date_reflections(request, proposal_id: int):
    proposal = get_visible_or_404(Proposal, request.user, pk=proposal_id)
    found = proposal.reflections.visible_to(request.user)[:100]
    return [_reflection(r, request.user) for r in found]


@router.post(
    "/dates/{proposal_id}/reflections",
    response={201: ReflectionOut},
    summary="Write a reflection after a date (private or shared)",
)
def date_reflect(request, proposal_id: int, payload: ReflectionIn):
    proposal = get_visible_or_404(Proposal, request.user, pk=proposal_id)
    try:
        reflection = services.reflect(request.user, proposal, payload.text, payload.visibility)
    except services.DateError as error:
        _error(error)
    return Status(201, _reflection(reflection, request.user))


@router.put(
    "/dates/{proposal_id}/tried-new",
    response=ProposalOut,
    summary='Mark (or unmark) "we tried something new" after a date',
)
def date_tried_new(request, proposal_id: int, payload: TriedIn):
    proposal = get_visible_or_404(Proposal, request.user, pk=proposal_id)
    try:
        services.mark_tried_new(request.user, proposal, payload.tried)
    except services.DateError as error:
        _error(error)
    return _proposal(proposal, request.user)


# --- recurring time -----------------------------------------------------------------------


class SeriesOut(Schema):
    id: int
    kind: str
    title: str
    rule: str
    starts_local: str = Field(description="First start, wall-clock time in time_zone")
    time_zone: str
    minutes: int
    visibility: str
    from_me: bool
    skipped: list[str] = Field(description="Local start times skipped, just that once")
    upcoming: list[datetime] = Field(description="The next few times, within two months")


class SeriesIn(Schema):
    kind: Series.Kind = Series.Kind.TOGETHER
    title: str = Field("", max_length=services.MAX_TITLE)
    rule: str = Field(
        max_length=300,
        description="An RFC 5545 RRULE repeating at most daily, e.g. FREQ=WEEKLY;BYDAY=FR",
    )
    starts: datetime = Field(
        description="The first time, with its offset; it repeats at that wall-clock time in "
        "your own time zone, across daylight-saving changes"
    )
    minutes: int = 60
    visibility: Literal["shared", "private"] = "shared"


class SeriesChange(Schema):
    kind: Series.Kind | None = None
    title: str | None = Field(None, max_length=services.MAX_TITLE)
    rule: str | None = Field(
        None,
        max_length=300,
        description="An RFC 5545 RRULE repeating at most daily, e.g. FREQ=WEEKLY;BYDAY=FR",
    )
    starts: datetime | None = Field(
        None,
        description="The first time, with its offset; from a new time it repeats at that "
        "wall-clock time in your own time zone",
    )
    minutes: int | None = None


class SkipIn(Schema):
    starts_at: datetime = Field(description="The start of the one time to skip, with its offset")


class UnskipIn(Schema):
    starts_at: datetime = Field(
        description="The skipped time to bring back: its start with its offset, or a local "
        "time exactly as listed in skipped"
    )


def _series(s: Series, user) -> dict:
    now = timezone.now()
    return {
        "id": s.pk,
        "kind": s.kind,
        "title": s.title,
        "rule": s.rule,
        "starts_local": s.starts_local.isoformat(timespec="minutes"),
        "time_zone": s.time_zone,
        "minutes": s.minutes,
        "visibility": s.visibility,
        "from_me": s.author_id == user.pk,
        "skipped": list(s.exceptions),
        "upcoming": services.series_occurrences(s, now, now + timedelta(days=60))[:4],
    }


def _checked(value: datetime) -> datetime:
    try:
        return services.check_instant(value)
    except services.DateError as error:
        raise HttpError(422, error.message) from None


@router.get("/series", response=list[SeriesOut], summary="Our recurring time")
def series_list(request):
    found = Series.objects.visible_to(request.user)[: services.MAX_SERIES * 2]
    return [_series(s, request.user) for s in found]


@router.post("/series", response={201: SeriesOut}, summary="Add recurring time")
def series_create(request, payload: SeriesIn):
    local = _checked(payload.starts).astimezone(request.user.tz)
    try:
        series = services.add_series(
            request.user,
            kind=payload.kind,
            title=payload.title,
            rule=payload.rule,
            starts_local=local.replace(tzinfo=None),
            minutes=payload.minutes,
            visibility=payload.visibility,
        )
    except services.DateError as error:
        _error(error)
    return Status(201, _series(series, request.user))


@router.post(
    "/series/{series_id}/skip", response=SeriesOut, summary="Skip one time, just that once"
)
def series_skip(request, series_id: int, payload: SkipIn):
    series = get_changeable_or_404(Series, request.user, pk=series_id)
    try:
        services.skip_occurrence(request.user, series, payload.starts_at)
    except services.DateError as error:
        _error(error)
    return _series(series, request.user)


@router.post(
    "/series/{series_id}/unskip",
    response=SeriesOut,
    summary="Bring back one time I skipped",
)
def series_unskip(request, series_id: int, payload: UnskipIn):
    series = get_changeable_or_404(Series, request.user, pk=series_id)
    try:
        services.unskip_occurrence(request.user, series, payload.starts_at)
    except services.DateError as error:
        _error(error)
    return _series(series, request.user)


@router.patch(
    "/series/{series_id}",
    response=SeriesOut,
    summary="Change recurring time I set up (what is left out stays as it is)",
)
def series_update(request, series_id: int, payload: SeriesChange):
    series = get_changeable_or_404(Series, request.user, pk=series_id)
    local = None
    if payload.starts is not None:
        local = _checked(payload.starts).astimezone(request.user.tz).replace(tzinfo=None)
    try:
        services.update_series(
            request.user,
            series,
            kind=payload.kind,
            title=payload.title,
            rule=payload.rule,
            starts_local=local,
            minutes=payload.minutes,
        )
    except services.DateError as error:
        _error(error)
    return _series(series, request.user)


@router.delete("/series/{series_id}", response={204: None}, summary="Remove recurring time")
def series_delete(request, series_id: int):
    series = get_changeable_or_404(Series, request.user, pk=series_id)
    services.delete_series(request.user, series)
    return Status(204, None)


# --- visits -------------------------------------------------------------------------------


class VisitOut(Schema):
    id: int
    starts_on: date
    ends_on: date
    place: str
    plans: str
    from_me: bool
    days_until: int = Field(description="Days until it starts, in my time zone (0 once begun)")


class VisitIn(Schema):
    starts_on: date
    ends_on: date
    place: str = Field("", max_length=services.MAX_TITLE)
    plans: str = Field("", max_length=services.MAX_TEXT)


class VisitChange(Schema):
    starts_on: date | None = None
    ends_on: date | None = None
    place: str | None = Field(None, max_length=services.MAX_TITLE)
    plans: str | None = Field(None, max_length=services.MAX_TEXT)


class CountdownOut(Schema):
    visit: VisitOut | None
    days: int | None = Field(description="Days until the next visit starts (0 while it lasts)")


def _visit(v: Visit, user) -> dict:
    today = user.local_now().date()
    return {
        "id": v.pk,
        "starts_on": v.starts_on,
        "ends_on": v.ends_on,
        "place": v.place,
        "plans": v.plans,
        "from_me": v.author_id == user.pk,
        "days_until": max(0, (v.starts_on - today).days),
    }


def _visit_error(error: services.DateError):
    raise HttpError(404 if error.code == "not_yours" else 422, error.message)


@router.get("/visits", response=list[VisitOut], summary="Visits planned, from today on")
def visits(request):
    today = request.user.local_now().date()
    found = Visit.objects.visible_to(request.user).filter(ends_on__gte=today)[:100]
    return [_visit(v, request.user) for v in found]


@router.get("/visits/next", response=CountdownOut, summary="The countdown to our next visit")
def visit_next(request):
    countdown = services.next_visit(request.user)
    if countdown is None:
        return {"visit": None, "days": None}
    return {"visit": _visit(countdown.visit, request.user), "days": countdown.days}


@router.post("/visits", response={201: VisitOut}, summary="Plan a visit")
def visit_create(request, payload: VisitIn):
    try:
        visit = services.add_visit(request.user, **payload.dict())
    except services.DateError as error:
        _visit_error(error)
    return Status(201, _visit(visit, request.user))


@router.patch("/visits/{visit_id}", response=VisitOut, summary="Change a visit I planned")
def visit_update(request, visit_id: int, payload: VisitChange):
    visit = get_changeable_or_404(Visit, request.user, pk=visit_id)
    try:
        services.update_visit(request.user, visit, **payload.dict())
    except services.DateError as error:
        _visit_error(error)
    return _visit(visit, request.user)


@router.delete("/visits/{visit_id}", response={204: None}, summary="Remove a visit I planned")
def visit_delete(request, visit_id: int):
    get_changeable_or_404(Visit, request.user, pk=visit_id).delete()
    return Status(204, None)


# --- usual free times ---------------------------------------------------------------------

HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class FreeTimeOut(Schema):
    id: int
    weekday: int = Field(description="0 = Monday")
    start: str = Field(description="HH:MM, in its author's time zone")
    end: str
    from_me: bool


class FreeTimeIn(Schema):
    weekday: int = Field(description="0 = Monday")
    start: str = Field(pattern=HHMM, description="HH:MM, my time zone")
    end: str = Field(pattern=HHMM)


class FreeTimesIn(Schema):
    times: list[FreeTimeIn] = Field(max_length=services.MAX_FREE_TIMES)


def _free(f: FreeTime, user) -> dict:
    return {
        "id": f.pk,
        "weekday": f.weekday,
        "start": f.start.strftime("%H:%M"),
        "end": f.end.strftime("%H:%M"),
        "from_me": f.author_id == user.pk,
    }


@router.get(
    "/distance/free-times",
    response=list[FreeTimeOut],
    summary="When each of us is usually free (mine, and my partner's)",
)
def free_times(request):
    found = FreeTime.objects.visible_to(request.user)[: services.MAX_FREE_TIMES * 2]
    return [_free(f, request.user) for f in found]


@router.put(
    "/distance/free-times",
    response=list[FreeTimeOut],
    summary="Set when I am usually free (replaces my list)",
)
def free_times_set(request, payload: FreeTimesIn):
    ranges = [
        (t.weekday, time.fromisoformat(t.start), time.fromisoformat(t.end)) for t in payload.times
    ]
    try:
        saved = services.set_free_times(request.user, ranges)
    except services.DateError as error:
        raise HttpError(422, error.message) from None
    return [_free(f, request.user) for f in saved]


# --- my calendar feed (the address is a secret: only its owner ever gets it) --------------

Titles = Literal["default", "neutral", "full"]


class FeedOut(Schema):
    active: bool
    url: str | None = Field(description="My private subscription address (keep it secret)")
    titles: Titles = Field(
        description='"default": neutral when that feels safer; "neutral": always "Time '
        'together"; "full": the real titles'
    )
    neutral_now: bool = Field(description="Whether the feed shows neutral titles right now")


class TitlesIn(Schema):
    titles: Titles


def _feed(user) -> dict:
    feed = cal.feed_settings(user)
    url = cal.feed_url(feed)
    return {
        "active": bool(url),
        "url": url or None,
        "titles": cal.titles_choice(feed),
        "neutral_now": cal.neutral_titles(user),
    }


@router.get("/calendar/feed", response=FeedOut, summary="My calendar subscription")
def feed(request):
    return _feed(request.user)


@router.post(
    "/calendar/feed/regenerate",
    response=FeedOut,
    summary="Make a new subscription address (the old one stops working)",
)
def feed_regenerate(request):
    cal.regenerate_feed(request.user)
    return _feed(request.user)


@router.delete("/calendar/feed", response=FeedOut, summary="Turn my subscription address off")
def feed_revoke(request):
    cal.revoke_feed(request.user)
    return _feed(request.user)


@router.put("/calendar/feed/titles", response=FeedOut, summary="How titles look in my feed")
def feed_titles(request, payload: TitlesIn):
    cal.set_titles_choice(request.user, payload.titles)
    return _feed(request.user)
