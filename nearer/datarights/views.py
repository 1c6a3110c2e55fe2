"""Your data: export everything, or delete the account."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nearer.audit import services as audit
from nearer.datarights import services
from nearer.datarights.forms import DeleteAccountForm
from nearer.datarights.models import ExportJob


def _own_job(request, pk):
    return get_object_or_404(ExportJob, pk=pk, user=request.user)


@require_GET
@login_required
def index(request):
    job = ExportJob.objects.filter(user=request.user).first()
    return render(
        request, "datarights/index.html", {"job": job, "form": DeleteAccountForm(user=request.user)}
    )


@require_POST
@login_required
@reauthentication_required
def export_request(request):
    services.request_export(request.user)
    audit.record(request.user, audit.Kind.EXPORT, request)
    messages.success(
        request, _("We are putting your export together. This page shows when it is ready.")
    )
    return redirect("datarights:index")


@require_GET
@login_required
def export_status(request, pk):
    return render(request, "datarights/index.html#export", {"job": _own_job(request, pk)})


@require_GET
@login_required
def export_download(request, pk):
    job = _own_job(request, pk)
    data = services.take_download(job)
    if data is None:
        raise Http404
    audit.record(request.user, audit.Kind.EXPORT_DOWNLOADED, request)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="nearer-export.zip"'
    return response


@require_POST
@login_required
@reauthentication_required
def delete(request):
    form = DeleteAccountForm(request.POST, user=request.user)
    if not form.is_valid():
        job = ExportJob.objects.filter(user=request.user).first()
        return render(request, "datarights/index.html", {"job": job, "form": form}, status=400)
    services.request_deletion(request.user)
    audit.record(request.user, audit.Kind.DELETION_REQUESTED, request)
    logout(request)
    messages.success(
        request,
        _("Your account will be deleted in 14 days. Logging in before then cancels it."),
    )
    return redirect("landing")
