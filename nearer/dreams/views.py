"""The dreams board and goals with small steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.dreams import services
from nearer.dreams.forms import DreamForm, GoalForm, StepForm
from nearer.dreams.models import Dream, Goal, GoalStep
from nearer.visibility import get_changeable_or_404, get_visible_or_404


@require_http_methods(["GET", "POST"])
@login_required
def board(request):
    form = DreamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_dream(request.user, form.cleaned_data["text"])
        messages.success(request, _("Added to your dreams."))
        return redirect("dreams:board")
    dreams = chunk(request, services.board(request.user), "page")
    if request.htmx and request.GET.get("part") == "page":  # htmx "more": the next items
        return render(request, "dreams/_dreams.html", {"dreams": dreams})
    return render(request, "dreams/board.html", {"form": form, "dreams": dreams})


@require_POST
@login_required
def hold(request, pk):
    dream = get_visible_or_404(Dream, request.user, pk=pk)
    try:
        services.toggle_hold(request.user, dream)
    except PermissionError:
        raise Http404 from None
    return redirect("dreams:board")


@require_POST
@login_required
def dream_delete(request, pk):
    get_changeable_or_404(Dream, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("dreams:board")


@require_http_methods(["GET", "POST"])
@login_required
def goals(request):
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.add_goal(request.user, d["kind"], d["title"], d["target"], d["share"])
        messages.success(request, _("Goal added. Now, one small step."))
        return redirect("dreams:goals")
    goals = chunk(request, services.goals_for(request.user), "page")
    if request.htmx and request.GET.get("part") == "page":  # htmx "more": the next items
        return render(request, "dreams/_goals.html", {"goals": goals})
    return render(request, "dreams/goals.html", {"form": form, "goals": goals})


@require_POST
@login_required
def add_step(request, pk):
    goal = get_changeable_or_404(Goal, request.user, pk=pk)
    form = StepForm(request.POST)
    if form.is_valid():
        services.add_step(request.user, goal, form.cleaned_data["text"], form.cleaned_data["due"])
        messages.success(request, _("Step added."))
    else:
        messages.error(request, _("Write the step in a few words, with a real date if any."))
    return redirect("dreams:goals")


@require_POST
@login_required
def toggle_step(request, pk):
    services.toggle_step(get_changeable_or_404(GoalStep, request.user, pk=pk))
    return redirect("dreams:goals")


@require_POST
@login_required
def goal_delete(request, pk):
    get_changeable_or_404(Goal, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("dreams:goals")
