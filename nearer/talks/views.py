from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from nearer.core.paging import chunk
from nearer.talks import services
from nearer.talks.forms import TalkLogForm


@require_http_methods(["GET", "POST"])
@login_required
def talk(request):
    form = TalkLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        services.log_talk(
            request.user, d["minutes"], d["feeling"], d["note"], d["card"], d["share_feeling"]
        )
        messages.success(request, _("Logged. Thank you for making the time."))
        return redirect("talks:talk")
    log = chunk(request, services.log_for(request.user), "page")
    if request.htmx and request.GET.get("part") == "page":  # htmx "more": the next items
        return render(request, "talks/_log.html", {"log": log})
    item = services.chosen_card(request.GET.get("card", "")) or services.card(
        request.user, request.GET.get("not", "")
    )
    if item is not None and not form.is_bound:
        form = TalkLogForm(initial={"card": item.key})
    return render(
        request,
        "talks/talk.html",
        {"card": item, "form": form, "log": log},
    )
