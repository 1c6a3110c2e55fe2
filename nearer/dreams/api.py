from datetime import date

from django.http import Http404
from ninja import Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.dreams import services
from nearer.dreams.models import Dream, GoalKind
from nearer.visibility import get_visible_or_404

router = Router(tags=["dreams and goals"])


class DreamOut(Schema):
    id: int
    text: str
    mine: bool
    both_hold: bool


class DreamIn(Schema):
    text: str = Field(min_length=1, max_length=500)


class StepOut(Schema):
    text: str
    due: date | None
    done: bool


class GoalOut(Schema):
    id: int
    kind: str
    title: str
    target: date | None
    mine: bool
    shared: bool
    steps: list[StepOut]


class GoalIn(Schema):
    kind: GoalKind
    title: str = Field(min_length=1, max_length=300)
    target: date | None = None
    share: bool = False


def _dream(d, user):
    return {"id": d.pk, "text": d.text, "mine": d.author_id == user.pk,
            "both_hold": getattr(d, "both_hold", False)}  # fmt: skip


def _goal(g, user):
    steps = [{"text": s.text, "due": s.due, "done": s.done}
             for s in getattr(g, "visible_steps", [])]  # fmt: skip
    return {
        "id": g.pk,
        "kind": g.kind,
        "title": g.title,
        "target": g.target,
        "mine": g.author_id == user.pk,
        "shared": g.visibility == "shared",
        "steps": steps,
    }


@router.get("/dreams", response=list[DreamOut], summary="Our dreams board")
@api_paginate
def dreams(request):
    return Mapped(services.board(request.user), lambda d: _dream(d, request.user))


@router.post("/dreams", response={201: DreamOut}, summary="Add a dream")
def dream_create(request, payload: DreamIn):
    return Status(201, _dream(services.add_dream(request.user, payload.text), request.user))


@router.post("/dreams/{dream_id}/hold", response=DreamOut, summary="I hold this dream too (toggle)")
def dream_hold(request, dream_id: int):
    dream = get_visible_or_404(Dream, request.user, pk=dream_id)
    try:
        services.toggle_hold(request.user, dream)
    except PermissionError:
        raise Http404 from None
    return _dream(services.board(request.user).get(pk=dream.pk), request.user)


@router.get("/goals", response=list[GoalOut], summary="Goals I can see, with their steps")
@api_paginate
def goals(request):
    return Mapped(services.goals_for(request.user), lambda g: _goal(g, request.user))


@router.post("/goals", response={201: GoalOut}, summary="Add a goal")
def goal_create(request, payload: GoalIn):
    goal = services.add_goal(
        request.user, payload.kind, payload.title, payload.target, payload.share
    )
    return Status(201, _goal(goal, request.user))
