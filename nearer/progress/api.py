"""The person's own CSI-4, what they share of it, and the help suggestions that apply to
them. Nothing here ever returns the partner's answers."""

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from nearer.progress import help, services
from nearer.progress.measure import csi4

router = Router(tags=["progress"])


class Csi4In(Schema):
    happiness: int = Field(ge=0, le=6)
    warm: int = Field(ge=0, le=5)
    rewarding: int = Field(ge=0, le=5)
    satisfied: int = Field(ge=0, le=5)


class ResultOut(Schema):
    taken_at: datetime
    score: int


class Csi4Out(Schema):
    results: list[ResultOut]
    out_of: int
    next_at: datetime | None
    share_trend: bool
    citation: str


class SharingIn(Schema):
    share_trend: bool


class SuggestionOut(Schema):
    rule: str
    suggests: str
    title: str
    reason: str


def _csi(user):
    return {
        "results": [{"taken_at": when, "score": score} for when, score in services.results(user)],
        "out_of": csi4().max_score,
        "next_at": services.next_at(user),
        "share_trend": services.sharing(user).share_csi_trend,
        "citation": csi4().citation,
    }


@router.get("/progress/csi", response=Csi4Out, summary="My CSI-4 answers (only mine)")
def csi_results(request):
    return _csi(request.user)


@router.post("/progress/csi", response={201: ResultOut}, summary="Answer the CSI-4")
def csi_record(request, payload: Csi4In):
    try:
        result = services.record(request.user, payload.dict())
    except services.TooSoon as too_soon:
        message = _("The CSI-4 is offered once a month at most; you can answer again from %(at)s.")
        raise HttpError(409, message % {"at": too_soon.next_at.isoformat()}) from None
    return Status(201, {"taken_at": result.taken_at, "score": result.score})


@router.put("/progress/sharing", response=Csi4Out, summary="Share my CSI-4 trend, or stop")
def sharing_save(request, payload: SharingIn):
    services.set_share_csi_trend(request.user, payload.share_trend)
    return _csi(request.user)


@router.get("/progress/help", response=list[SuggestionOut], summary="Suggestions of help for me")
def help_suggestions(request):
    return [
        {
            "rule": s.rule.key,
            "suggests": s.rule.suggests,
            "title": str(s.rule.title),
            "reason": str(s.rule.reason),
        }
        for s in help.suggestions_for(request.user)
    ]
