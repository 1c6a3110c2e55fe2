from datetime import date, datetime
from typing import Literal

from ninja import Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.timeline.models import Moment
from nearer.visibility import get_changeable_or_404, get_visible_or_404

router = Router(tags=["timeline"])


class MomentIn(Schema):
    title: str = Field(min_length=1, max_length=120)
    happened_on: date
    text: str = Field(default="", max_length=4000)
    visibility: Literal["private", "shared"] = "shared"


class MomentOut(Schema):
    id: int
    title: str
    happened_on: date
    text: str
    visibility: str
    mine: bool
    created_at: datetime


def _out(moment, user):
    return {
        "id": moment.pk,
        "title": moment.title,
        "happened_on": moment.happened_on,
        "text": moment.text,
        "visibility": moment.visibility,
        "mine": moment.author_id == user.pk,
        "created_at": moment.created_at,
    }


@router.get("/timeline", response=list[MomentOut], summary="Moments I can see")
@api_paginate
def moment_list(request):
    return Mapped(Moment.objects.visible_to(request.user), lambda m: _out(m, request.user))


@router.post("/timeline", response={201: MomentOut}, summary="Add a moment")
def moment_create(request, payload: MomentIn):
    moment = Moment(title=payload.title, happened_on=payload.happened_on, text=payload.text)
    moment.attach(request.user, payload.visibility)
    moment.save()
    return Status(201, _out(moment, request.user))


@router.get("/timeline/{moment_id}", response=MomentOut, summary="One moment")
def moment_detail(request, moment_id: int):
    return _out(get_visible_or_404(Moment, request.user, pk=moment_id), request.user)


@router.delete("/timeline/{moment_id}", response={204: None}, summary="Delete a moment I wrote")
def moment_delete(request, moment_id: int):
    get_changeable_or_404(Moment, request.user, pk=moment_id).delete()
    return Status(204, None)
