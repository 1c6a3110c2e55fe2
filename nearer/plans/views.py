"""Onboarding (the private intake), the plan overview, and marking today's steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.plans import services
from nearer.plans.definitions import all_plans
from nearer.plans.forms import IntakeForm
from nearer.plans.models import StepLog
from nearer.safety import services as safety


def _initial(intake):
    if intake is None:
        return {}
    return {
        "situations": intake.situations,
        "betrayal_role": intake.roles.get("after_betrayal", ""),
        "recovery_role": intake.roles.get("recovery", ""),
        "shared_situations": intake.shared_situations,
        "lives": intake.lives,
        "living_apart": intake.living_apart,
        "hopes": intake.hopes,
        "minutes_per_day": intake.minutes_per_day,
    }


@require_http_methods(["GET", "POST"])
@login_required
def start(request):
    intake = services.intake_of(request.user)
    form = IntakeForm(request.POST or None, initial=_initial(intake))
    more = False
    if request.method == "POST" and form.is_valid():
        if not form.needs_roles:
            services.save_intake(request.user, form.cleaned_data, form.roles())
            messages.success(request, _("Your plan is ready. Here is today's small step."))
            if safety.latest(request.user) is None:
                return redirect("safety:check")
            return redirect("today")
        more = True  # one more private question for a situation just ticked
    context = {"form": form, "first_time": intake is None, "one_more": more}
    return render(request, "plans/start.html", context)


@require_GET
@login_required
def overview(request):
    today = services.today_for(request.user)
    plans = all_plans()
    chosen = [plans[s] for s in today.enrollment.situations] if today.enrollment else []
    return render(request, "plans/overview.html", {"today": today, "plans": chosen})


@require_POST
@login_required
def pause(request):
    if services.pause(request.user):
        messages.success(request, _("Your plan is paused. Nothing moves on until you come back."))
    return redirect("plans:overview")


@require_POST
@login_required
def resume(request):
    if services.resume(request.user):
        messages.success(request, _("Welcome back. Your plan picks up where you left it."))
    return redirect("today")


@require_POST
@login_required
def mark(request):
    status = request.POST.get("status", "")
    try:
        planned = services.mark(request.user, request.POST.get("step", ""), status)
    except services.StepNotFound:
        raise Http404 from None
    if request.htmx:
        return render(request, "core/today.html#step", {"planned": planned})
    if status == StepLog.Status.DONE:
        messages.success(request, _("Lovely. That counts."))
    return redirect("today")
