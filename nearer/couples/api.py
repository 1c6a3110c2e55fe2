from datetime import datetime

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from nearer.core import ratelimits
from nearer.couples import services

router = Router(tags=["couple"])


class PartnerOut(Schema):
    display_name: str


class InviteOut(Schema):
    url: str
    expires_at: datetime


class CoupleOut(Schema):
    in_space: bool
    linked: bool
    partner: PartnerOut | None = None
    invite: InviteOut | None = None


class ErrorOut(Schema):
    code: str
    detail: str


class AcceptIn(Schema):
    token: str


def _error(error: services.CoupleError):
    return JsonResponse({"code": error.code, "detail": error.message}, status=error.status)


def _state(user) -> dict:
    state = services.state_of(user)
    invite = services.pending_invite(user) if state.couple and not state.is_linked else None
    return {
        "in_space": state.couple is not None,
        "linked": state.is_linked,
        "partner": {"display_name": state.partner.display_name} if state.partner else None,
        "invite": {
            "url": services.invite_url(services.invite_token(invite)),
            "expires_at": invite.expires_at,
        }
        if invite
        else None,
    }


@router.get("/couple", response=CoupleOut, summary="My couple space")
def couple(request):
    return _state(request.user)


@router.post(
    "/couple/invite", response={200: CoupleOut, 409: ErrorOut}, summary="Create an invitation link"
)
def invite_create(request):
    try:
        services.create_invite(request.user)
    except services.CoupleError as error:
        return _error(error)
    return _state(request.user)


@router.delete("/couple/invite", response=CoupleOut, summary="Withdraw the invitation link")
def invite_revoke(request):
    services.revoke_invite(request.user)
    return _state(request.user)


@router.post(
    "/couple/accept",
    response={200: CoupleOut, 404: ErrorOut, 409: ErrorOut, 410: ErrorOut, 429: ErrorOut},
    summary="Join a couple space with an invitation token",
)
def invite_accept(request, payload: AcceptIn):
    if not ratelimits.allow(request, "nearer_join"):
        return JsonResponse(
            {"code": "too_many", "detail": _("Too many attempts; please wait a while.")}, status=429
        )
    try:
        services.accept_invite(request.user, payload.token)
    except services.CoupleError as error:
        return _error(error)
    return _state(request.user)


@router.post("/couple/leave", response=CoupleOut, summary="Leave the couple space, now")
def leave(request):
    services.leave_couple(request.user)
    return _state(request.user)
