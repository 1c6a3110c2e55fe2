"""Dates, the calendar and long-distance windows in the JSON API (rules live in services)."""

from datetime import UTC, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from nearer.couples.services import state_of
from nearer.dates import calendar as cal
from nearer.dates import distance, services
from nearer.dates.models import Proposal
from nearer.visibility import get_visible_or_404

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


class ProposalIn(Schema):
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
    }


def _error(error: services.DateError):
    raise HttpError(404 if error.code == "unknown" else 409, error.message)


@router.get("/dates", response=list[ProposalOut], summary="Dates proposed by or to me")
def dates(request):
    return [_proposal(p, request.user) for p in services.proposals_for(request.user)[:100]]


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
    if not cal.FIRST_YEAR <= start.astimezone(UTC).year <= cal.LAST_YEAR:
        raise HttpError(
            422,
            _("start must fall between the years %(first)s and %(last)s.")
            % {"first": cal.FIRST_YEAR, "last": cal.LAST_YEAR},
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
