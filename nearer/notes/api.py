from datetime import datetime
from typing import Literal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.couples.services import state_of
from nearer.notes import services
from nearer.notes.models import Appreciation, Note
from nearer.visibility import get_changeable_or_404

router = Router(tags=["notes and appreciations"])


class NoteOut(Schema):
    id: int
    text: str
    from_me: bool
    deliver_at: datetime
    delivered: bool


class NoteIn(Schema):
    text: str = Field(min_length=1, max_length=2000)
    when: Literal["now", "morning", "at"] = "now"
    at: datetime | None = None


class AppreciationOut(Schema):
    id: int
    text: str
    from_me: bool
    created_at: datetime


class AppreciationIn(Schema):
    text: str = Field(min_length=1, max_length=500)


def _note(n, user):
    return {
        "id": n.pk,
        "text": n.text,
        "from_me": n.author_id == user.pk,
        "deliver_at": n.deliver_at,
        "delivered": n.delivered_at is not None,
    }


@router.get("/notes", response=list[NoteOut], summary="Notes I received (delivered) and sent")
@api_paginate
def notes(request):
    user = request.user
    # Delivered notes to me that I may see, and every note I wrote, in one indexed query
    # (a "pk IN (inbox)" subquery made PostgreSQL scan the whole notes table).
    mine_or_to_me = Q(recipient=user, delivered_at__isnull=False) | Q(author=user)
    rows = Note.objects.visible_to(user).filter(mine_or_to_me).select_related("author")
    return Mapped(rows, lambda n: _note(n, user))


@router.post("/notes", response={201: NoteOut}, summary="Write a note, now or for later")
def note_create(request, payload: NoteIn):
    partner = state_of(request.user).partner
    if partner is None:
        raise HttpError(409, _("Notes go to a partner; invite yours first."))
    when = {"now": None, "morning": services.next_morning(partner), "at": payload.at}[payload.when]
    if payload.when == "at" and payload.at is None:
        raise HttpError(422, _("at is required when when is 'at'."))
    if when is not None and when.tzinfo is None:
        raise HttpError(422, _("at needs a time zone offset, e.g. 2026-12-01T07:00:00+01:00."))
    if when is not None and when <= timezone.now():
        when = None
    return Status(201, _note(services.send_note(request.user, payload.text, when), request.user))


@router.delete("/notes/{note_id}", response={204: None}, summary="Delete a note I wrote")
def note_delete(request, note_id: int):
    get_changeable_or_404(Note, request.user, pk=note_id).delete()
    return Status(204, None)


@router.get("/appreciations", response=list[AppreciationOut], summary="The appreciation jar")
@api_paginate
def appreciations(request):
    items = Appreciation.objects.visible_to(request.user).select_related("author")
    return Mapped(
        items,
        lambda a: {
            "id": a.pk,
            "text": a.text,
            "from_me": a.author_id == request.user.pk,
            "created_at": a.created_at,
        },
    )


@router.post("/appreciations", response={201: AppreciationOut}, summary="Add to the jar")
def appreciation_create(request, payload: AppreciationIn):
    a = services.add_appreciation(request.user, payload.text)
    return Status(201, {"id": a.pk, "text": a.text, "from_me": True, "created_at": a.created_at})
