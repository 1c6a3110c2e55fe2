"""What an export contains: everything the person wrote or can see, as plain data.

Each entry in ``SECTIONS`` returns one top-level key of ``export.json`` (see
docs/export-format.md). A new feature adds its own section here, and it must use the
visibility module for anything written by someone else.
"""

import io
import json
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone

from nearer.audit.models import SecurityEvent
from nearer.couples.models import Membership
from nearer.couples.services import state_of
from nearer.plans.models import Enrollment, Intake, StepLog
from nearer.safety.models import SafetyCheck
from nearer.timeline.models import Moment

FORMAT_VERSION = 1


def _when(value):
    return value.isoformat() if value else None


def account(user):
    return {
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "language": user.language,
        "joined": _when(user.date_joined),
    }


def couple(user):
    state = state_of(user)
    memberships = (
        Membership.objects.filter(user=user).select_related("couple").order_by("joined_at")
    )
    return {
        "partner": state.partner.display_name if state.partner else None,
        "history": [{"joined": _when(m.joined_at), "left": _when(m.left_at)} for m in memberships],
    }


def plan(user):
    intake = Intake.objects.filter(user=user).first()
    enrollments = Enrollment.objects.filter(user=user).order_by("created_at")
    logs = StepLog.objects.filter(enrollment__user=user).order_by("updated_at")
    return {
        "intake": None if intake is None else intake.export_data(),
        "plans": [
            {
                "situations": e.situations,
                "started_on": e.started_on.isoformat(),
                "ended": _when(e.ended_at),
            }
            for e in enrollments
        ],
        "steps": [
            {"step": log.step, "status": log.status, "when": _when(log.updated_at)} for log in logs
        ],
    }


def safety_checks(user):
    return [
        {"answered": _when(check.answered_at), "answers": check.answers}
        for check in SafetyCheck.objects.filter(user=user).order_by("answered_at")
    ]


def timeline(user):
    return [
        {
            "title": m.title,
            "happened_on": m.happened_on.isoformat(),
            "text": m.text,
            "visibility": m.visibility,
            "written_by": "me" if m.author_id == user.pk else m.author.display_name,
            "created": _when(m.created_at),
        }
        for m in Moment.objects.visible_to(user).select_related("author").order_by("happened_on")
    ]


def security(user):
    return [
        {"what": e.kind, "when": _when(e.at), "ip": e.ip, "detail": e.detail}
        for e in SecurityEvent.objects.filter(user=user).order_by("at")
    ]


def api_tokens(user):
    return [
        {"name": t.name, "created": _when(t.created_at), "last_used": _when(t.last_used_at),
         "revoked": _when(t.revoked_at)}
        for t in user.api_tokens.all()
    ]  # fmt: skip


SECTIONS = [
    ("account", account),
    ("couple", couple),
    ("plan", plan),
    ("safety_checks", safety_checks),
    ("timeline", timeline),
    ("security_events", security),
    ("api_tokens", api_tokens),
]


def build(user, progress=lambda percent: None) -> dict:
    data = {"format": "nearer-export", "version": FORMAT_VERSION, "created": _when(timezone.now())}
    for number, (name, section) in enumerate(SECTIONS, start=1):
        data[name] = section(user)
        progress(round(90 * number / len(SECTIONS)))
    return data


def archive(data: dict) -> bytes:
    """A zip with export.json and a readable export.html."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("export.json", json.dumps(data, indent=2, ensure_ascii=False))
        zf.writestr("export.html", render_to_string("datarights/export.html", {"data": data}))
    return buffer.getvalue()
