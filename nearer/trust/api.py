from datetime import datetime

from ninja import Router, Schema, Status
from pydantic import Field

from nearer.core.paging import Mapped, api_paginate
from nearer.trust import services
from nearer.trust.models import Commitment
from nearer.visibility import get_changeable_or_404

router = Router(tags=["trust"])


class KeptOut(Schema):
    id: int
    kept_at: datetime
    note: str
    noticed: bool


class CommitmentOut(Schema):
    id: int
    text: str
    mine: bool
    shared: bool
    kept: list[KeptOut]


class CommitmentIn(Schema):
    text: str = Field(min_length=1, max_length=300)
    share: bool = True


class KeptIn(Schema):
    note: str = Field(default="", max_length=1000)


def _commitment(c, user):
    kept = [{"id": r.pk, "kept_at": r.created_at, "note": r.note, "noticed": r.was_noticed}
            for r in getattr(c, "kept", [])]  # fmt: skip
    return {"id": c.pk, "text": c.text, "mine": c.author_id == user.pk,
            "shared": c.visibility == "shared", "kept": kept}  # fmt: skip


@router.get("/trust/commitments", response=list[CommitmentOut], summary="Commitments I can see")
@api_paginate
def trust_commitments(request):
    return Mapped(services.commitments_for(request.user), lambda c: _commitment(c, request.user))


@router.post("/trust/commitments", response={201: CommitmentOut}, summary="Make a commitment")
def trust_commitment_create(request, payload: CommitmentIn):
    from nearer.couples.services import state_of

    share = payload.share and state_of(request.user).is_linked
    commitment = services.make_commitment(request.user, payload.text, share)
    return Status(201, _commitment(commitment, request.user))


@router.post(
    "/trust/commitments/{commitment_id}/kept",
    response=KeptOut,
    summary="Record that I kept my commitment",
)
def trust_kept(request, commitment_id: int, payload: KeptIn):
    commitment = get_changeable_or_404(Commitment, request.user, pk=commitment_id)
    record = services.record_kept(request.user, commitment, payload.note)
    return {"id": record.pk, "kept_at": record.created_at, "note": record.note, "noticed": False}
