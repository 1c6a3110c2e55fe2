from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError

from nearer.accounts.models import valid_time_zone

router = Router(tags=["me"])


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    time_zone: str
    language: str


class MeIn(Schema):
    display_name: str | None = None
    time_zone: str | None = None


@router.get("/me", response=MeOut, summary="Who I am")
def me(request):
    return request.user


@router.patch("/me", response=MeOut, summary="Change my name or time zone")
def update_me(request, payload: MeIn):
    user = request.user
    if payload.display_name is not None:
        name = payload.display_name.strip()
        if not name or len(name) > 60:
            raise HttpError(422, _("display_name must be 1 to 60 characters."))
        user.display_name = name
    if payload.time_zone is not None:
        if not valid_time_zone(payload.time_zone):
            raise HttpError(422, _("time_zone must be an IANA name such as Europe/Paris."))
        user.time_zone = payload.time_zone
    user.save(update_fields=["display_name", "time_zone"])
    return user
