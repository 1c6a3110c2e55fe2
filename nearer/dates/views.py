"""Pages for dates, the shared calendar, recurring time and long distance. Thin: services decide."""

from datetime import date, datetime, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.couples.services import state_of
from nearer.dates import calendar as cal
from nearer.dates import distance, services
from nearer.dates.forms import (
    CancelForm,
    DeclineForm,
    FeedForm,
    FreeTimeForm,
    ProposeForm,
    ReflectionForm,
    SeriesForm,
    SuggestForm,
    VisitForm,
)
from nearer.dates.models import CalendarFeed, FreeTime, Proposal, Series, Status, Visit
from nearer.library.models import Item, Kind
from nearer.visibility import can_change, get_changeable_or_404, get_visible_or_404


def _proposal(user, pk) -> Proposal:
    queryset = Proposal.objects.select_related("item", "author", "recipient", "cancelled_by")
    return get_visible_or_404(queryset, user, pk=pk)


def my_turn_or_404(user, pk) -> Proposal:
    proposal = _proposal(user, pk)
    if services.whose_turn(proposal) != user.pk:
        raise Http404
    return proposal


def _fail(request, error, to):
    messages.error(request, error.message)
    return redirect(to)


@require_GET
@login_required
def index(request):
    user = request.user
    now = timezone.now()
    past = chunk(request, services.past_dates(user, now), "past")
    new_things = chunk(request, services.new_things_tried(user), "new")
    part = request.GET.get("part") if request.htmx else None
    if part == "past":  # htmx "more": only the next items of that list
        return render(request, "dates/_past.html", {"past": past})
    if part == "new":
        return render(request, "dates/_new_things.html", {"new_things": new_things})
    proposals = list(services.current_proposals(user, now)[:100])
    context = {
        "state": state_of(user),
        "for_me": [p for p in proposals if services.whose_turn(p) == user.pk],
        "waiting": [p for p in proposals if services.whose_turn(p) not in (None, user.pk)],
        "planned": [p for p in proposals if p.status == Status.ACCEPTED and p.starts_at > now],
        "past": past,
        "new_things": new_things,
    }
    return render(request, "dates/index.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def propose(request):
    user = request.user
    idea = services.date_idea(request.GET.get("idea") or request.POST.get("idea"))
    form = ProposeForm(request.POST or None)
    state = state_of(user)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.propose(
                user,
                form.times(),
                item=None if form.cleaned_data["title"] else idea,
                title=form.cleaned_data["title"],
                message=form.cleaned_data["message"],
                minutes=form.cleaned_data["minutes"],
                kind=form.cleaned_data["kind"] or Proposal.Kind.DATE,
            )
        except services.DateError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Proposed. Your partner will see it when they look in."))
            return redirect("dates:detail", pk=proposal.pk)
    return render(request, "dates/propose.html", {"form": form, "idea": idea, "state": state})


@require_GET
@login_required
def detail(request, pk):
    proposal = _proposal(request.user, pk)
    reflections = proposal.reflections.visible_to(request.user).select_related("author")
    turn = services.whose_turn(proposal) == request.user.pk
    offered = [
        t
        for t in proposal.times.all()
        if t.from_recipient == (proposal.author_id == request.user.pk)
    ]
    context = {
        "proposal": proposal,
        "my_turn": turn,
        "acceptable": offered if turn else [],
        "times": proposal.times.all(),
        "suggest_form": SuggestForm(),
        "decline_form": DeclineForm(),
        "reflection_form": ReflectionForm(),
        "reflections": reflections,
        "is_past": services.is_past(proposal),
        "is_mine": proposal.author_id == request.user.pk,
        "can_call_off": services.can_call_off(request.user, proposal),
        "cancel_form": CancelForm(),
    }
    return render(request, "dates/detail.html", context)


@require_POST
@login_required
def accept(request, pk, time_pk):
    proposal = my_turn_or_404(request.user, pk)
    time = get_object_or_404(proposal.times, pk=time_pk)
    try:
        services.accept(request.user, proposal, time)
    except services.DateError as error:
        return _fail(request, error, proposal_url(proposal))
    messages.success(request, _("It is on your shared calendar."))
    return redirect(proposal_url(proposal))


def proposal_url(proposal):
    return reverse("dates:detail", kwargs={"pk": proposal.pk})


@require_POST
@login_required
def suggest(request, pk):
    proposal = my_turn_or_404(request.user, pk)
    form = SuggestForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a date and time."))
        return redirect(proposal_url(proposal))
    try:
        services.suggest_time(request.user, proposal, form.cleaned_data["when"])
    except services.DateError as error:
        return _fail(request, error, proposal_url(proposal))
    messages.success(request, _("Suggested. Your partner will see it when they look in."))
    return redirect(proposal_url(proposal))


@require_POST
@login_required
def decline(request, pk):
    proposal = _proposal(request.user, pk)
    if proposal.recipient_id != request.user.pk:
        raise Http404
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the answers."))
        return redirect(proposal_url(proposal))
    try:
        services.decline(request.user, proposal, form.cleaned_data["reason"])
    except services.DateError as error:
        return _fail(request, error, proposal_url(proposal))
    messages.success(request, _("Sent, kindly."))
    return redirect("dates:index")


@require_POST
@login_required
def cancel(request, pk):
    proposal = _proposal(request.user, pk)
    if not services.can_call_off(request.user, proposal):
        raise Http404
    form = CancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.cancel(request.user, proposal, reason)
    except services.DateError as error:
        return _fail(request, error, "dates:index")
    messages.success(request, _("Called off."))
    return redirect("dates:index")


def _posted_proposal(request) -> Proposal:
    pk = request.POST.get("proposal", "")
    if not pk.isdigit():
        raise Http404
    return _proposal(request.user, int(pk))


@require_POST
@login_required
def reflect(request):
    proposal = _posted_proposal(request)
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a few words, and choose who can see them."))
        return redirect(proposal_url(proposal))
    try:
        services.reflect(
            request.user, proposal, form.cleaned_data["text"], form.cleaned_data["visibility"]
        )
    except services.DateError as error:
        return _fail(request, error, proposal_url(proposal))
    messages.success(request, _("Kept."))
    return redirect(proposal_url(proposal))


@require_POST
@login_required
def tried_new(request):
    proposal = _posted_proposal(request)
    try:
        services.mark_tried_new(request.user, proposal, request.POST.get("tried") != "no")
    except services.DateError as error:
        return _fail(request, error, proposal_url(proposal))
    return redirect(proposal_url(proposal))


def _ics(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@login_required
def event_ics(request, pk):
    proposal = _proposal(request.user, pk)
    if proposal.status != Status.ACCEPTED:
        raise Http404
    return _ics(cal.proposal_ical(request.user, proposal), f"nearer-{proposal.pk}.ics")


@require_GET
@login_required
def series_ics(request, pk):
    item = get_visible_or_404(Series.objects.select_related("author"), request.user, pk=pk)
    return _ics(cal.series_ical(request.user, item), f"nearer-together-{item.pk}.ics")


@require_GET
@login_required
def visit_ics(request, pk):
    visit = get_visible_or_404(Visit, request.user, pk=pk)
    return _ics(cal.visit_ical(request.user, visit), f"nearer-visit-{visit.pk}.ics")


@require_GET
@login_required
def ideas(request):
    order = request.GET.get("order", "not_tried")
    if order not in ("not_tried", "favourites", "title"):
        order = "not_tried"
    context = {"ideas": services.ideas_for(request.user, order)[:200], "order": order}
    return render(request, "dates/ideas.html", context)


@require_POST
@login_required
def mark_idea(request, key):
    item = get_object_or_404(Item.objects.current(), kind=Kind.DATE, key=key)
    field = request.POST.get("mark")
    value = request.POST.get("value") == "on"
    if field == "favourite":
        services.mark_idea(request.user, item, favourite=value)
    elif field == "done":
        services.mark_idea(request.user, item, done=value)
    else:
        messages.error(request, _("Nothing changed."))
    next_url = request.POST.get("next", "")
    return redirect(
        next_url if next_url.startswith("/") and not next_url.startswith("//") else "dates:ideas"
    )


@require_http_methods(["GET", "POST"])
@login_required
def series(request):
    # The long-distance page's suggested call time arrives filled in (kind, start, length).
    initial = {k: request.GET[k] for k in ("kind", "starts", "minutes") if k in request.GET}
    form = SeriesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_series(request.user, **_series_input(request, form))
        except services.DateError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Added to your shared calendar."))
            return redirect("dates:series")
    now = timezone.now()
    items = []
    for s in Series.objects.visible_to(request.user).select_related("author"):
        upcoming = services.series_occurrences(s, now, now + timedelta(days=60))[:4]
        mine = can_change(request.user, s)
        skipped = services.skipped_ahead(s, now)[:10] if mine else []
        items.append((s, upcoming, mine, skipped))
    return render(request, "dates/series.html", {"form": form, "items": items})


def _series_input(request, form) -> dict:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "title": data["title"],
        "rule": data["repeat"],
        "starts_local": timezone.localtime(data["starts"], request.user.tz).replace(tzinfo=None),
        "minutes": data["minutes"],
    }


@require_http_methods(["GET", "POST"])
@login_required
def series_edit(request, pk):
    item = get_changeable_or_404(Series, request.user, pk=pk)
    initial = {
        "kind": item.kind,
        "title": item.title,
        "starts": services.series_first_start(item),
        "repeat": item.rule,
        "minutes": item.minutes,
    }
    form = SeriesForm(request.POST or None, initial=initial, rule=item.rule)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_series(request.user, item, **_series_input(request, form))
        except services.DateError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("dates:series")
    return render(request, "dates/series_edit.html", {"form": form, "series": item})


def _posted_time(request):
    try:
        return datetime.fromisoformat(request.POST.get("when", ""))
    except ValueError:
        return None


def _change_one_time(request, pk, change, missing: str, done: str):
    """Skip or bring back the one time of a series named in the form's ``when``."""
    item = get_changeable_or_404(Series, request.user, pk=pk)
    when = _posted_time(request)
    if when is None:
        messages.error(request, missing)
        return redirect("dates:series")
    try:
        change(request.user, item, when)
    except services.DateError as error:
        return _fail(request, error, "dates:series")
    messages.success(request, done)
    return redirect("dates:series")


@require_POST
@login_required
def series_skip(request, pk):
    return _change_one_time(
        request,
        pk,
        services.skip_occurrence,
        _("Choose which time to skip."),
        _("Skipped, just that once."),
    )


@require_POST
@login_required
def series_unskip(request, pk):
    return _change_one_time(
        request,
        pk,
        services.unskip_occurrence,
        _("Choose which time to bring back."),
        _("It is back on."),
    )


@require_POST
@login_required
def series_delete(request, pk):
    services.delete_series(request.user, get_changeable_or_404(Series, request.user, pk=pk))
    messages.success(request, _("Removed."))
    return redirect("dates:series")


@require_GET
@login_required
def calendar(request):
    user = request.user
    view = "agenda" if request.GET.get("view") == "agenda" else "month"
    today = user.local_now().date()
    try:
        year, month = (int(x) for x in request.GET.get("month", "").split("-"))
        first = date(year, month, 1)
    except ValueError:
        first = today.replace(day=1)
    if not services.FIRST_YEAR <= first.year <= services.LAST_YEAR:
        first = today.replace(day=1)
    context = {
        "view": view,
        "today": today,
        "month": cal.month_for(user, first.year, first.month) if view == "month" else None,
        "agenda": cal.agenda_for(user) if view == "agenda" else None,
    }
    return render(request, "dates/calendar.html", context)


@require_GET
@never_cache
def feed(request, token):
    found = CalendarFeed.find(token)
    if found is None or not found.user.is_active:
        raise Http404
    response = HttpResponse(cal.feed_for(found.user), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="nearer.ics"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def feed_settings(request):
    user = request.user
    feed_row = cal.feed_settings(user)
    form = FeedForm(request.POST or None, initial={"titles": cal.titles_choice(feed_row)})
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "regenerate":
            cal.regenerate_feed(user)
            messages.success(request, _("A new address is ready. The old one no longer works."))
        elif action == "revoke":
            cal.revoke_feed(user)
            messages.success(request, _("Turned off. The address no longer works."))
        elif form.is_valid():
            cal.set_titles_choice(user, form.cleaned_data["titles"])
            messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Choose how titles should look."))
        return redirect("dates:feed_settings")
    context = {"form": form, "url": cal.feed_url(feed_row), "neutral": cal.neutral_titles(user)}
    return render(request, "dates/feed_settings.html", context)


@require_GET
@login_required
def distance_page(request):
    user = request.user
    state = state_of(user)
    now = timezone.now()
    context = {
        "state": state,
        "now": now,
        "mine": FreeTime.objects.visible_to(user).filter(author=user),
        "theirs": FreeTime.objects.visible_to(user).filter(author=state.partner)
        if state.partner
        else [],
        "windows": distance.windows(user, state.partner, now.date())[:14] if state.partner else [],
        "suggestion": distance.suggest_call(user, state.partner) if state.partner else None,
        "countdown": services.next_visit(user),
        "visits": Visit.objects.visible_to(user)
        .filter(ends_on__gte=user.local_now().date())
        .select_related("author"),
        "free_form": FreeTimeForm(),
        "visit_form": VisitForm(),
        "letter_ideas": Item.objects.current()
        .filter(kind=Kind.DATE)
        .tagged("situation:long_distance")[:3],
    }
    return render(request, "dates/distance.html", context)


@require_POST
@login_required
def free_add(request):
    form = FreeTimeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a day and a start and end time."))
        return redirect("dates:distance")
    try:
        services.add_free_time(request.user, **form.cleaned_data)
    except services.DateError as error:
        return _fail(request, error, "dates:distance")
    return redirect("dates:distance")


@require_POST
@login_required
def free_delete(request, pk):
    get_changeable_or_404(FreeTime, request.user, pk=pk).delete()
    return redirect("dates:distance")


@require_POST
@login_required
def visit_add(request):
    form = VisitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the days of the visit."))
        return redirect("dates:distance")
    try:
        services.add_visit(request.user, **form.cleaned_data)
    except services.DateError as error:
        return _fail(request, error, "dates:distance")
    messages.success(request, _("Something to look forward to."))
    return redirect("dates:distance")


@require_http_methods(["GET", "POST"])
@login_required
def visit_edit(request, pk):
    visit = get_changeable_or_404(Visit, request.user, pk=pk)
    initial = {
        "starts_on": visit.starts_on,
        "ends_on": visit.ends_on,
        "place": visit.place,
        "plans": visit.plans,
    }
    form = VisitForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_visit(request.user, visit, **form.cleaned_data)
        except services.DateError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("dates:distance")
    return render(request, "dates/visit_edit.html", {"form": form, "visit": visit})


@require_POST
@login_required
def visit_delete(request, pk):
    get_changeable_or_404(Visit, request.user, pk=pk).delete()
    return redirect("dates:distance")
