from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nearer.safety import services
from nearer.safety.forms import GentleModeForm, SafetyCheckForm


@require_http_methods(["GET", "POST"])
@login_required
def check(request):
    form = SafetyCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.record(request.user, form.cleaned_data)
        if result.signals_danger:
            return redirect("safety")
        return redirect("today")
    return render(request, "safety/check.html", {"form": form})


@require_POST
@login_required
def gentle(request):
    form = GentleModeForm(request.POST)
    if form.is_valid():
        services.set_gentle(request.user, form.cleaned_data["on"])
        messages.success(request, _("Saved."))
    return redirect("accounts:settings")
