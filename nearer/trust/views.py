"""Rebuilding trust: the statement, commitments kept and noticed, the private feelings
check-in, pausing, and the path to couples therapy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.couples.services import state_of
from nearer.plans.services import current_enrollment
from nearer.trust import services
from nearer.trust.forms import CommitmentForm, FeelingsForm, KeptForm, StatementForm
from nearer.trust.models import Commitment, KeptRecord
from nearer.visibility import get_changeable_or_404, get_visible_or_404


@require_http_methods(["GET", "POST"])
@login_required
def index(request):
    state = state_of(request.user)
    form = CommitmentForm(request.POST or None, initial={"share": state.is_linked})
    if request.method == "POST" and form.is_valid():
        share = form.cleaned_data["share"] and state.is_linked
        services.make_commitment(request.user, form.cleaned_data["text"], share)
        messages.success(request, _("Written down. Keeping it is what counts, not perfection."))
        return redirect("trust:index")
    commitments = chunk(request, services.commitments_for(request.user), "page")
    if request.htmx and request.GET.get("part") == "page":  # htmx "more": the next items
        return render(request, "trust/_commitments.html", {"commitments": commitments})
    context = {
        "form": form,
        "kept_form": KeptForm(),
        "state": state,
        "statement": services.statement_of(request.user),
        "partners_statement": services.partners_statement(request.user),
        "commitments": commitments,
        "enrollment": current_enrollment(request.user),
    }
    return render(request, "trust/index.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def statement(request):
    current = services.statement_of(request.user)
    form = StatementForm(request.POST or None, initial=current.content if current else None)
    if request.method == "POST" and form.is_valid():
        services.save_statement(request.user, form.cleaned_data)
        messages.success(request, _("Saved. It stays private until you choose to share it."))
        return redirect("trust:statement")
    context = {"form": form, "statement": current, "linked": state_of(request.user).is_linked}
    return render(request, "trust/statement.html", context)


@require_POST
@login_required
def statement_share(request):
    try:
        if services.set_statement_shared(request.user, True):
            messages.success(request, _("Your partner can now read your statement."))
    except services.NeedsPartner:
        messages.info(request, _("Once your partner has joined you, you can share it."))
    return redirect("trust:statement")


@require_POST
@login_required
def statement_unshare(request):
    if services.set_statement_shared(request.user, False):
        messages.success(request, _("Your statement is private again."))
    return redirect("trust:statement")


@require_POST
@login_required
def commitment_delete(request, pk):
    get_changeable_or_404(Commitment, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("trust:index")


@require_POST
@login_required
def kept(request, pk):
    commitment = get_changeable_or_404(Commitment, request.user, pk=pk)
    form = KeptForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    services.record_kept(request.user, commitment, note)
    messages.success(request, _("Recorded. Small promises kept add up."))
    return redirect("trust:index")


@require_POST
@login_required
def noticed(request, pk):
    record = get_visible_or_404(KeptRecord, request.user, pk=pk)
    try:
        services.toggle_noticed(request.user, record)
    except PermissionError:
        raise Http404 from None
    return redirect("trust:index")


@require_http_methods(["GET", "POST"])
@login_required
def feelings(request):
    form = FeelingsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.check_in(request.user, form.cleaned_data["feelings"], form.cleaned_data["note"])
        messages.success(request, _("Noted, just for you. Whatever you feel is allowed."))
        return redirect("trust:feelings")
    context = {"form": form, "check_ins": services.my_check_ins(request.user)}
    return render(request, "trust/feelings.html", context)
