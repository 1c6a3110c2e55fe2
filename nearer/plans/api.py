from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from nearer.plans import services
from nearer.plans.definitions import all_plans

router = Router(tags=["plan"])


class StepOut(Schema):
    ref: str
    situation: str
    title: str
    why: str
    minutes: int
    weekly: bool
    item: str | None
    status: str | None


class TodayOut(Schema):
    has_plan: bool
    situations: list[str]
    week: int
    day: int
    finished: bool
    paused: bool
    steps: list[StepOut]


class PlanWeekOut(Schema):
    situation: str
    week: int
    focus: str


class PlanOut(Schema):
    situations: list[str]
    started_on: str | None
    weeks: list[PlanWeekOut]


class MarkIn(Schema):
    status: str


def _step(p):
    return {
        "ref": p.ref,
        "situation": p.situation,
        "title": p.step.title,
        "why": p.step.why,
        "minutes": p.step.minutes,
        "weekly": p.weekly,
        "item": p.step.item,
        "status": p.status,
    }


def _today(user):
    today = services.today_for(user)
    return {
        "has_plan": today.enrollment is not None,
        "situations": today.enrollment.situations if today.enrollment else [],
        "week": today.week,
        "day": today.day,
        "finished": today.finished,
        "paused": today.paused,
        "steps": [_step(p) for p in today.daily + today.weekly],
    }


@router.get("/plan", response=PlanOut, summary="My plan, week by week")
def plan(request):
    enrollment = services.current_enrollment(request.user)
    if enrollment is None:
        return {"situations": [], "started_on": None, "weeks": []}
    plans = all_plans()
    weeks = [
        {"situation": s, "week": w.week, "focus": w.focus}
        for s in enrollment.situations
        for w in plans[s].weeks
    ]
    return {
        "situations": enrollment.situations,
        "started_on": enrollment.started_on.isoformat(),
        "weeks": weeks,
    }


@router.get("/today", response=TodayOut, summary="My steps for today")
def today(request):
    return _today(request.user)


@router.post(
    "/today/steps/{ref}", response=TodayOut, summary="Mark a step done, skipped or for another time"
)
def mark_step(request, ref: str, payload: MarkIn):
    try:
        services.mark(request.user, ref, payload.status)
    except services.StepNotFound:
        raise HttpError(404, _("No such step today.")) from None
    return _today(request.user)
