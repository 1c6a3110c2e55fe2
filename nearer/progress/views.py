"""The progress page, the CSI-4, the help page and the summary to bring to a therapist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.progress import directories, help, page, services, summary
from nearer.progress.forms import CountryForm, Csi4Form, SummaryForm
from nearer.progress.measure import csi4
from nearer.safety.services import in_danger


@require_GET
@login_required
def index(request):
    together = request.GET.get("view") == "together"
    return render(
        request, "progress/index.html", {"page": page.progress_for(request.user, together)}
    )


@require_http_methods(["GET", "POST"])
@login_required
def csi(request):
    form = Csi4Form(request.POST or None)
    next_at = services.next_at(request.user)
    if request.method == "POST" and form.is_valid() and next_at is None:
        services.record(request.user, form.cleaned_data)
        messages.success(request, _("Thank you. Your answers are saved, just for you."))
        return redirect("progress:index")
    context = {"form": form, "scale": csi4(), "next_at": next_at}
    return render(request, "progress/csi.html", context)


@require_POST
@login_required
def share(request):
    shared = request.POST.get("share") == "yes"
    services.set_share_csi_trend(request.user, shared)
    if shared:
        messages.success(request, _("Your partner can now see your CSI-4 trend."))
    else:
        messages.success(request, _("Your CSI-4 trend is just for you again."))
    return redirect("progress:index")


@require_GET
def help_page(request):
    user = request.user if request.user.is_authenticated else None
    danger = bool(user and in_danger(user))
    form = CountryForm(request.GET or None, countries=directories.countries())
    country = form.cleaned_data["country"] if form.is_valid() else ""
    context = {
        "rules": help.RULES,
        "suggestions": help.suggestions_for(user) if user else [],
        "danger": danger,
        "form": form,
        "entries": directories.for_country(country, individual_only=danger),
    }
    return render(request, "progress/help.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def summary_view(request):
    form = SummaryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = summary.build(request.user, form.cleaned_data)
        if form.cleaned_data["format"] == "pdf":
            response = HttpResponse(summary.to_pdf(made), content_type="application/pdf")
            today = timezone.now().astimezone(request.user.tz).date()
            day = formats.date_format(today, "Y-m-d")
            response["Content-Disposition"] = f'attachment; filename="nearer-summary-{day}.pdf"'
            return response
        return render(request, "progress/summary_print.html", {"summary": made})
    return render(request, "progress/summary.html", {"form": form})
