"""The private list (mark yes / maybe / no) and what both of you are open to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from nearer.couples.services import state_of
from nearer.desires import services
from nearer.desires.models import Choice
from nearer.safety import services as safety


@require_http_methods(["GET", "POST"])
@login_required
def index(request):
    if request.method == "POST":
        prefix = "item-"
        choices = {
            key.removeprefix(prefix): value
            for key, value in request.POST.items()
            if key.startswith(prefix)
        }
        services.answer_many(request.user, choices)
        messages.success(request, _("Saved, privately. You can change any answer at any time."))
        return redirect("desires:index")
    mine = services.answers_of(request.user)
    rows = [(item, mine.get(item.pk, "")) for item in services.the_list()]
    context = {
        "rows": rows,
        "choices": Choice.choices,
        "in_danger": safety.in_danger(request.user),
        "linked": state_of(request.user).is_linked,
    }
    return render(request, "desires/index.html", context)


@require_GET
@login_required
def together(request):
    gentle = services.gentle_mode_on(request.user)
    context = {
        "gentle": gentle,
        "linked": state_of(request.user).is_linked,
        "items": [] if gentle else services.together(request.user),
    }
    return render(request, "desires/together.html", context)
