"""Counters and milestones, starting again after a setback, the session log, and the
medical-safety page (open to everyone, one tap from every recovery page)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.couples.services import state_of
from nearer.recovery import services
from nearer.recovery.forms import CounterForm, SessionForm, StartAgainForm
from nearer.recovery.models import Counter, Session
from nearer.visibility import get_changeable_or_404


@require_http_methods(["GET", "POST"])
@login_required
def index(request):
    today = services.local_today(request.user)
    linked = state_of(request.user).is_linked
    form = CounterForm(request.POST or None, today=today, initial={"since": today})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.start_counter(request.user, d["label"], d["since"], d["share"] and linked)
        messages.success(request, _("Your counter is set. Every day counts."))
        return redirect("recovery:index")
    context = {
        "form": form,
        "counters": services.counters_for(request.user),
        "again_form": StartAgainForm(today=today, initial={"since": today}),
        "linked": linked,
    }
    return render(request, "recovery/index.html", context)


@require_POST
@login_required
def start_again(request, pk):
    counter = get_changeable_or_404(Counter, request.user, pk=pk)
    form = StartAgainForm(request.POST, today=services.local_today(request.user))
    if form.is_valid():
        services.start_again(counter, form.cleaned_data["since"])
        messages.success(
            request,
            _(
                "Counting again from here. The days before still happened, and what you "
                "learned in them stays with you."
            ),
        )
    else:
        messages.error(request, _("Choose today or a day before."))
    return redirect("recovery:index")


@require_POST
@login_required
def counter_share(request, pk):
    counter = get_changeable_or_404(Counter, request.user, pk=pk)
    share = counter.visibility == "private"
    try:
        services.set_shared(request.user, counter, share)
    except services.NeedsPartner:
        messages.info(request, _("Once your partner has joined you, you can share it."))
    return redirect("recovery:index")


@require_POST
@login_required
def counter_delete(request, pk):
    get_changeable_or_404(Counter, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("recovery:index")


@require_http_methods(["GET", "POST"])
@login_required
def sessions(request):
    today = services.local_today(request.user)
    form = SessionForm(request.POST or None, today=today, initial={"day": today})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.log_session(request.user, d["kind"], d["day"], d["note"], d["share"])
        messages.success(request, _("Logged. Showing up is the work."))
        return redirect("recovery:sessions")
    sessions = chunk(request, services.sessions_for(request.user), "page")
    if request.htmx and request.GET.get("part") == "page":  # htmx "more": the next items
        return render(request, "recovery/_sessions.html", {"sessions": sessions})
    return render(request, "recovery/sessions.html", {"form": form, "sessions": sessions})


@require_POST
@login_required
def session_delete(request, pk):
    get_changeable_or_404(Session, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("recovery:sessions")


@require_GET
def medical(request):
    return render(request, "recovery/medical.html")
