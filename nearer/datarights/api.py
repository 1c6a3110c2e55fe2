"""Your data through the API: export (request, status, one-time download) and deletion
(request, cancel). Through a browser session both need a password confirmed in the last
few minutes, as the pages do; a personal API token is itself that confirmation."""

import uuid
from datetime import datetime

from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from nearer.audit import services as audit
from nearer.datarights import services
from nearer.datarights.forms import DeleteAccountForm
from nearer.datarights.models import ExportJob

router = Router(tags=["your data"])


class ExportOut(Schema):
    id: uuid.UUID
    status: str
    progress: int
    ready_until: datetime | None


class DeletionIn(Schema):
    email: str
    understood: bool


class DeletionOut(Schema):
    deletion_requested: datetime | None
    deleted_after: datetime | None


def _confirmed(request):
    if getattr(request, "api_token", None) is None and not did_recently_reauthenticate(request):
        raise HttpError(
            403, _("Please confirm your password in Nearer first, then try again within minutes.")
        )


def _export(job):
    return {
        "id": job.pk,
        "status": job.status,
        "progress": job.progress,
        "ready_until": job.expires_at if job.downloadable else None,
    }


def _deletion(user):
    when = user.deletion_requested_at
    return {
        "deletion_requested": when,
        "deleted_after": when + services.DELETION_GRACE if when else None,
    }


@router.post("/export", response={202: ExportOut}, summary="Ask for an export of all your data")
def export_request(request):
    _confirmed(request)
    job = services.request_export(request.user)
    audit.record(request.user, audit.Kind.EXPORT, request)
    return Status(202, _export(job))


@router.get("/export/{job_id}", response=ExportOut, summary="How an export is coming along")
def export_status(request, job_id: uuid.UUID):
    return _export(get_object_or_404(ExportJob, pk=job_id, user=request.user))


@router.get(
    "/export/{job_id}/download",
    summary="Download a ready export (a zip with export.json and export.html), once",
    response={200: bytes},
    openapi_extra={"responses": {200: {"content": {"application/zip": {}}}}},
)
def export_download(request, job_id: uuid.UUID):
    job = get_object_or_404(ExportJob, pk=job_id, user=request.user)
    data = services.take_download(job)
    if data is None:
        raise HttpError(404, _("This export is not ready, was already downloaded, or expired."))
    audit.record(request.user, audit.Kind.EXPORT_DOWNLOADED, request)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="nearer-export.zip"'
    return response


@router.post(
    "/account/deletion",
    response={202: DeletionOut},
    summary=(
        "Ask to delete your account in 14 days. Your other sessions end and your API tokens "
        "stop working at once; logging in again cancels the deletion."
    ),
)
def deletion_request(request, payload: DeletionIn):
    _confirmed(request)
    form = DeleteAccountForm(
        {"email": payload.email, "understood": payload.understood}, user=request.user
    )
    if not form.is_valid():
        raise HttpError(422, " ".join(str(e) for errors in form.errors.values() for e in errors))
    services.request_deletion(request.user, keep_session=request.session.session_key)
    audit.record(request.user, audit.Kind.DELETION_REQUESTED, request)
    return Status(202, _deletion(request.user))


@router.delete(
    "/account/deletion",
    response=DeletionOut,
    summary="Cancel a deletion you asked for (from the session that asked; tokens are paused)",
)
def deletion_cancel(request):
    if services.cancel_deletion(request.user):
        audit.record(request.user, audit.Kind.DELETION_CANCELLED, request)
    return _deletion(request.user)
