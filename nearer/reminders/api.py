"""Reminder preferences in the JSON API (times are "HH:MM" in the person's own zone)."""

from datetime import time

from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from nearer.reminders import services
from nearer.reminders.models import ReminderKind

router = Router(tags=["reminders"])

HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"


class PreferenceSchema(Schema):
    email: bool
    push: bool
    nudge_time: str = Field(pattern=HHMM, description="HH:MM, your time zone")
    quiet_start: str = Field(pattern=HHMM)
    quiet_end: str = Field(pattern=HHMM)
    kinds: list[ReminderKind]


def _out(pref) -> dict:
    return {
        "email": pref.email,
        "push": pref.push,
        "nudge_time": pref.nudge_time.strftime("%H:%M"),
        "quiet_start": pref.quiet_start.strftime("%H:%M"),
        "quiet_end": pref.quiet_end.strftime("%H:%M"),
        "kinds": pref.kinds,
    }


@router.get("/reminders/preferences", response=PreferenceSchema, summary="My reminders")
def preferences(request):
    return _out(services.preference(request.user))


@router.put("/reminders/preferences", response=PreferenceSchema, summary="Change my reminders")
def preferences_save(request, payload: PreferenceSchema):
    try:
        times = {
            name: time.fromisoformat(getattr(payload, name))
            for name in ("nudge_time", "quiet_start", "quiet_end")
        }
    except ValueError:
        raise HttpError(422, _("Times are written HH:MM.")) from None
    pref = services.save_preference(
        request.user,
        email=payload.email,
        push=payload.push,
        kinds=[str(k) for k in payload.kinds],
        **times,
    )
    return _out(pref)
