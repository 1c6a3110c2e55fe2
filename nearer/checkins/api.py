from datetime import date

from ninja import Router, Schema, Status
from pydantic import Field

from nearer.checkins import services
from nearer.checkins.models import CheckIn, Meeting, MeetingPrep
from nearer.core.paging import Mapped, api_paginate
from nearer.visibility import get_changeable_or_404

router = Router(tags=["check-ins"])


class CheckInOut(Schema):
    id: int
    day: date
    mood: int
    connection: int
    word: str
    shared: bool
    mine: bool


class CheckInIn(Schema):
    mood: int = Field(ge=1, le=5)
    connection: int = Field(ge=1, le=5)
    word: str = Field(default="", max_length=40)
    share: bool = False


class SectionsIn(Schema):
    appreciations: str = Field(default="", max_length=2000)
    went_well: str = Field(default="", max_length=2000)
    topic: str = Field(default="", max_length=2000)
    needs: str = Field(default="", max_length=2000)


class MeetingOut(Schema):
    id: int
    week: date
    mine: bool
    appreciations: str
    went_well: str
    topic: str
    needs: str


def _checkin(c, user):
    return {"id": c.pk, "day": c.day, "mood": c.mood, "connection": c.connection, "word": c.word,
            "shared": c.visibility == "shared", "mine": c.author_id == user.pk}  # fmt: skip


def _meeting(m, user):
    return {"id": m.pk, "week": m.week, "mine": m.author_id == user.pk, **m.content}


@router.get("/checkins", response=list[CheckInOut], summary="Check-ins I can see")
@api_paginate
def checkins(request):
    return Mapped(CheckIn.objects.visible_to(request.user), lambda c: _checkin(c, request.user))


@router.post("/checkins", response={201: CheckInOut}, summary="Today's check-in")
def checkin_create(request, payload: CheckInIn):
    entry = services.check_in(
        request.user, payload.mood, payload.connection, payload.word, payload.share
    )
    return Status(201, _checkin(entry, request.user))


@router.post(
    "/checkins/{checkin_id}/share", response=CheckInOut, summary="Share one of my check-ins"
)
def checkin_share(request, checkin_id: int):
    entry = get_changeable_or_404(CheckIn, request.user, pk=checkin_id)
    services.share_check_in(request.user, entry)
    return _checkin(entry, request.user)


@router.get("/state-of-us", response=list[MeetingOut], summary="State-of-us records")
@api_paginate
def meetings(request):
    items = Meeting.objects.visible_to(request.user).select_related("author")
    return Mapped(items, lambda m: _meeting(m, request.user))


@router.post("/state-of-us", response={201: MeetingOut}, summary="Record this week's meeting")
def meeting_create(request, payload: SectionsIn):
    return Status(
        201, _meeting(services.record_meeting(request.user, payload.dict()), request.user)
    )


@router.get(
    "/state-of-us/prep", response=SectionsIn, summary="My private preparation for this week"
)
def prep(request):
    found = MeetingPrep.objects.filter(
        author=request.user, week=services.week_of(request.user)
    ).first()
    return found.content if found else {}


@router.put("/state-of-us/prep", response=SectionsIn, summary="Save my private preparation")
def prep_save(request, payload: SectionsIn):
    return services.save_prep(request.user, payload.dict()).content
