"""Daily check-in and the weekly state-of-us meeting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nearer.checkins import services
from nearer.checkins.forms import CheckInForm, MeetingForm
from nearer.checkins.models import CheckIn, Meeting, MeetingPrep
from nearer.couples.services import state_of
from nearer.visibility import get_changeable_or_404


@require_http_methods(["GET", "POST"])
@login_required
def checkin(request):
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.check_in(request.user, d["mood"], d["connection"], d["word"], d["share"])
        messages.success(request, _("Thank you for checking in."))
        return redirect("checkins:checkin")
    entries = CheckIn.objects.visible_to(request.user).select_related("author")[:60]
    return render(request, "checkins/checkin.html", {"form": form, "entries": entries})


@require_POST
@login_required
def checkin_share(request, pk):
    services.share_check_in(request.user, get_changeable_or_404(CheckIn, request.user, pk=pk))
    return redirect("checkins:checkin")


@require_http_methods(["GET", "POST"])
@login_required
def meeting(request):
    prep = MeetingPrep.objects.filter(
        author=request.user, week=services.week_of(request.user)
    ).first()
    prep_form = MeetingForm(prefix="prep", initial=prep.content if prep else None)
    form = MeetingForm(request.POST if "record" in request.POST else None)
    if request.method == "POST" and "prep" in request.POST:
        prep_form = MeetingForm(request.POST, prefix="prep")
        if prep_form.is_valid():
            services.save_prep(request.user, prep_form.cleaned_data)
            messages.success(request, _("Your notes are saved, just for you."))
            return redirect("checkins:meeting")
    elif request.method == "POST" and form.is_valid():
        services.record_meeting(request.user, form.cleaned_data)
        messages.success(request, _("Saved. Well done for making the time."))
        return redirect("checkins:meeting")
    meetings = Meeting.objects.visible_to(request.user).select_related("author")[:20]
    context = {
        "form": form,
        "prep_form": prep_form,
        "meetings": meetings,
        "state": state_of(request.user),
    }
    return render(request, "checkins/meeting.html", context)
