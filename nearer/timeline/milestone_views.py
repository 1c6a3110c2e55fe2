"""Choosing, privately, whether shared milestones may be added automatically."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nearer.timeline import milestones


@require_POST
@login_required
def choose(request):
    automatic = request.POST.get("automatic") == "on"
    milestones.set_wanted(request.user, automatic)
    if automatic:
        messages.success(
            request,
            _("Saved. Milestones are added once you both want them; nobody is told who chose."),
        )
    else:
        messages.success(request, _("Saved. No new milestones will be added automatically."))
    return redirect("timeline:index")
