from datetime import date

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.recovery import services
from nearer.recovery.models import Counter, SessionKind
from nearer.visibility import get_changeable_or_404

router = Router(tags=["recovery"])


class DetailOut(Schema):
    detail: str


class CounterOut(Schema):
    id: int
    label: str
    since: date
    days: int
    mine: bool
    shared: bool
    milestone: str = Field(description="A warm message while a milestone is celebrated")
    celebration_idea: str


class CounterIn(Schema):
    label: str = Field(min_length=1, max_length=120)
    since: date
    share: bool = False


class StartAgainIn(Schema):
    since: date


class SessionIn(Schema):
    kind: SessionKind
    day: date
    note: str = Field(default="", max_length=2000)
    share: bool = False


class SessionOut(Schema):
    id: int
    kind: str
    day: date
    note: str
    mine: bool


def _counter(c, user):
    today = services.local_today(user)
    days = services.days_of(c, today)
    milestone = services.milestone_for(days)
    return {"id": c.pk, "label": c.label, "since": date.fromisoformat(c.since_iso), "days": days,
            "mine": c.author_id == user.pk, "shared": c.visibility == "shared",
            "milestone": str(milestone.message) if milestone else "",
            "celebration_idea": milestone.idea if milestone else ""}  # fmt: skip


def _future(user, day: date) -> bool:
    return day > services.local_today(user)


@router.get("/recovery/counters", response=list[CounterOut], summary="Counters I can see")
def recovery_counters(request):
    return [_counter(c, request.user) for c in services.counters_for(request.user)]


@router.post(
    "/recovery/counters", response={201: CounterOut, 400: DetailOut}, summary="Start a counter"
)
def recovery_counter_create(request, payload: CounterIn):
    if _future(request.user, payload.since) or payload.since.year < 1900:
        return Status(400, {"detail": _("Choose today or a day before.")})
    from nearer.couples.services import state_of

    share = payload.share and state_of(request.user).is_linked
    counter = services.start_counter(request.user, payload.label, payload.since, share)
    return Status(201, _counter(counter, request.user))


@router.post(
    "/recovery/counters/{counter_id}/start-again",
    response={200: CounterOut, 400: DetailOut},
    summary="Start this counter again (only this one changes)",
)
def recovery_start_again(request, counter_id: int, payload: StartAgainIn):
    counter = get_changeable_or_404(Counter, request.user, pk=counter_id)
    if _future(request.user, payload.since) or payload.since.year < 1900:
        return Status(400, {"detail": _("Choose today or a day before.")})
    return _counter(services.start_again(counter, payload.since), request.user)


@router.get("/recovery/sessions", response=list[SessionOut], summary="Sessions I can see")
@api_paginate
def recovery_sessions(request):
    return Mapped(
        services.sessions_for(request.user),
        lambda s: {
            "id": s.pk,
            "kind": s.kind,
            "day": s.day,
            "note": s.note,
            "mine": s.author_id == request.user.pk,
        },  # fmt: skip
    )


@router.post(
    "/recovery/sessions", response={201: SessionOut, 400: DetailOut}, summary="Log a session"
)
def recovery_session_create(request, payload: SessionIn):
    if _future(request.user, payload.day):
        return Status(400, {"detail": _("Choose today or a day before.")})
    s = services.log_session(request.user, payload.kind, payload.day, payload.note, payload.share)
    return Status(201, {"id": s.pk, "kind": s.kind, "day": s.day, "note": s.note, "mine": True})
