"""Love notes (inbox, write, delete) and the appreciation jar."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.couples.services import state_of
from nearer.notes import services
from nearer.notes.forms import AppreciationForm, NoteForm
from nearer.notes.models import Appreciation, Note
from nearer.visibility import get_changeable_or_404


@require_http_methods(["GET", "POST"])
@login_required
def index(request):
    state = state_of(request.user)
    starter = services.starter(request.GET.get("starter", ""))
    form = NoteForm(request.POST or None, initial={"text": starter.title} if starter else None)
    if request.method == "POST" and state.is_linked and form.is_valid():
        when = {
            "now": None,
            "morning": services.next_morning(state.partner),
            "at": form.cleaned_data.get("at"),
        }[form.cleaned_data["when"]]
        if when is not None and when <= timezone.now():
            when = None
        services.send_note(request.user, form.cleaned_data["text"], when)
        messages.success(request, _("Your note is on its way.") if when else _("Sent."))
        return redirect("notes:index")
    part = request.GET.get("part") if request.htmx else None
    if part in ("inbox", "sent"):  # htmx "more": only the next items of that list
        rows = getattr(Note.objects, part)(request.user).select_related("author")
        return render(request, f"notes/_{part}.html", {part: chunk(request, rows, part)})
    context = {
        "state": state,
        "form": form,
        "starters": services.starters(request.user),
        "inbox": chunk(request, Note.objects.inbox(request.user).select_related("author"), "inbox"),
        "sent": chunk(request, Note.objects.sent(request.user).select_related("author"), "sent"),
    }
    return render(request, "notes/index.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def delete(request, pk):
    """GET asks first (a page of its own, so no script is needed); POST deletes."""
    note = get_changeable_or_404(Note, request.user, pk=pk)
    if request.method == "GET":
        return render(request, "notes/confirm_delete.html", {"note": note})
    note.delete()
    messages.success(request, _("Deleted."))
    return redirect("notes:index")


@require_http_methods(["GET", "POST"])
@login_required
def jar(request):
    form = AppreciationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_appreciation(request.user, form.cleaned_data["text"])
        return redirect("notes:jar")
    rows = Appreciation.objects.visible_to(request.user).select_related("author")
    items = chunk(request, rows, "page")
    if request.htmx and request.GET.get("part") == "page":
        return render(request, "notes/_jar_items.html", {"items": items})
    return render(
        request, "notes/jar.html", {"form": form, "items": items, "state": state_of(request.user)}
    )


@require_POST
@login_required
def jar_delete(request, pk):
    get_changeable_or_404(Appreciation, request.user, pk=pk).delete()
    return redirect("notes:jar")
