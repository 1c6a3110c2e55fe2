from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.library.api import empty_library
from nearer.talks import services

router = Router(tags=["15-minute talk"])


class CardOut(Schema):
    key: str
    question: str


class TalkIn(Schema):
    minutes: int = Field(ge=1, le=240)
    feeling: int = Field(ge=1, le=5)
    note: str = Field(default="", max_length=2000)
    card: str = ""
    share_feeling: bool = False


class TalkOut(Schema):
    id: int
    happened_at: datetime
    minutes: int
    feeling: int | None
    feeling_shared: bool
    card: str | None
    mine: bool
    my_note: str | None


def _talk(t, user):
    notes = getattr(t, "my_notes", [])
    return {"id": t.pk, "happened_at": t.happened_at, "minutes": t.minutes,
            "feeling": t.feeling_for(user), "feeling_shared": t.feeling_shared,
            "card": t.card.title if t.card else None, "mine": t.author_id == user.pk,
            "my_note": notes[0].text if notes else None}  # fmt: skip


@router.get(
    "/talk/card", response=CardOut, summary="A conversation card that is not about kids or chores"
)
def talk_card(request):
    item = services.card(request.user)
    if item is None:
        raise empty_library()
    return {"key": item.key, "question": item.title}


@router.get("/talks", response=list[TalkOut], summary="The talk log")
@api_paginate
def talks(request):
    return Mapped(services.log_for(request.user), lambda t: _talk(t, request.user))


@router.post("/talks", response={201: TalkOut}, summary="Log a talk")
def talk_create(request, payload: TalkIn):
    talk = services.log_talk(
        request.user,
        payload.minutes,
        payload.feeling,
        payload.note,
        payload.card,
        payload.share_feeling,
    )
    talk.my_notes = list(talk.notes.all())
    return Status(201, _talk(talk, request.user))
