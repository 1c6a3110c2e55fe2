"""Journal pages (list and search, write, read, edit, share, unshare, delete) and the
guided exercise page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.couples.services import state_of
from nearer.journal import services
from nearer.journal.forms import EntryForm, ExerciseNoteForm, SearchForm
from nearer.journal.models import Entry
from nearer.library.actions import place_for
from nearer.visibility import can_change, get_changeable_or_404, get_visible_or_404


@require_GET
@login_required
def index(request):
    form = SearchForm(request.GET or None)
    query = tag = ""
    if form.is_valid():
        query, tag = form.cleaned_data["q"], form.cleaned_data["tag"]
    part = request.GET.get("part") if request.htmx else None
    if part == "shared":  # htmx "more": only the next items of that list
        shared = chunk(request, services.shared_with_me(request.user), "shared")
        return render(request, "journal/_shared.html", {"shared": shared})
    found = services.search_own(request.user, query, tag)
    page = chunk(request, found.entries, "page")
    if part == "page":
        return render(request, "journal/_entries.html", {"page": page, "query": query, "tag": tag})
    context = {
        "form": form,
        "page": page,
        "query": query,
        "tag": tag,
        "tags": found.tags,
        "shared": chunk(request, services.shared_with_me(request.user), "shared"),
    }
    return render(request, "journal/index.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def new(request):
    prompt = services.library_item(request.GET.get("prompt", ""), "prompt")
    form = EntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        prompt = services.library_item(request.POST.get("prompt", ""), "prompt")
        entry = services.write(
            request.user, form.cleaned_data["text"], form.cleaned_data["tags"], prompt
        )
        messages.success(request, _("Saved in your journal, just for you."))
        return redirect("journal:detail", pk=entry.pk)
    step_title = "" if prompt else services.plan_step_title(request.GET.get("step", ""))
    context = {"form": form, "prompt": prompt, "step_title": step_title}
    return render(request, "journal/write.html", context)


@require_GET
@login_required
def detail(request, pk):
    entry = get_visible_or_404(Entry.objects.select_related("item", "author"), request.user, pk=pk)
    context = {
        "entry": entry,
        "mine": can_change(request.user, entry),
        "can_share": state_of(request.user).is_linked,
    }
    return render(request, "journal/detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def edit(request, pk):
    entry = get_changeable_or_404(Entry, request.user, pk=pk)
    initial = {"text": entry.text, "tags": ", ".join(entry.tags)}
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.edit(entry, form.cleaned_data["text"], form.cleaned_data["tags"])
        messages.success(request, _("Saved."))
        return redirect("journal:detail", pk=entry.pk)
    return render(request, "journal/write.html", {"form": form, "entry": entry})


@require_POST
@login_required
def share(request, pk):
    entry = get_changeable_or_404(Entry, request.user, pk=pk)
    try:
        services.share(request.user, entry)
        messages.success(request, _("Shared with your partner. You can unshare it at any time."))
    except services.CannotShare:
        messages.info(request, _("Once your partner has joined you, you can share entries."))
    return redirect("journal:detail", pk=entry.pk)


@require_POST
@login_required
def unshare(request, pk):
    entry = get_changeable_or_404(Entry, request.user, pk=pk)
    services.unshare(entry)
    messages.success(request, _("Private again. Only you can read it now."))
    return redirect("journal:detail", pk=entry.pk)


@require_POST
@login_required
def delete(request, pk):
    get_changeable_or_404(Entry, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("journal:index")


def _step_number(raw, count: int) -> int:
    try:
        number = int(raw)
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), count)


@require_http_methods(["GET", "POST"])
@login_required
def exercise(request, key):
    item = services.library_item(key, "exercise")
    if item is None:
        raise Http404
    steps = item.data.get("steps", [])
    number = _step_number(request.GET.get("step"), len(steps))
    from_step = request.GET.get("from", "")
    form = ExerciseNoteForm(request.POST or None, initial={"step": from_step})
    if request.method == "POST" and form.is_valid():
        entry, marked = services.finish_exercise(
            request.user, item, form.cleaned_data["text"], form.cleaned_data["step"]
        )
        if entry is not None:
            messages.success(request, _("Your words are in your journal, just for you."))
        if marked:
            messages.success(request, _("Done. That counts."))
            return redirect("today")
        if entry is not None:
            return redirect("journal:detail", pk=entry.pk)
        messages.success(request, _("Well done. That counts."))
        return redirect("library:detail", key=item.key)
    context = {
        "item": item,
        "step": steps[number - 1] if steps else "",
        "number": number,
        "count": len(steps),
        "from_step": from_step,
        "form": form,
        "timer_seconds": (item.minutes or 0) * 60,
        "place": place_for(item),
    }
    return render(request, "journal/exercise.html", context)
