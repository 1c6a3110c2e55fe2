"""Episodes and the pattern, my map (share / unshare), and our cycle with a repair talk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.core.paging import chunk
from nearer.couples.services import state_of
from nearer.cycle import services
from nearer.cycle.forms import EpisodeForm, MapForm
from nearer.cycle.models import Episode
from nearer.safety import services as safety
from nearer.visibility import get_changeable_or_404


@require_GET
@login_required
def index(request):
    rows = Episode.objects.authored_by(request.user).select_related("author")
    episodes = chunk(request, rows, "page")
    if request.htmx and request.GET.get("part") == "page":  # htmx "more": the next items
        return render(request, "cycle/_episodes.html", {"episodes": episodes})
    context = {
        "episodes": episodes,
        "pattern": services.pattern_for(request.user),
        "map": services.map_of(request.user),
        "ours": services.ours(request.user) is not None,
    }
    return render(request, "cycle/index.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def episode_new(request):
    form = EpisodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.log_episode(request.user, form.cleaned_data)
        messages.success(request, _("Written down, just for you. That takes courage."))
        return redirect("cycle:index")
    return render(request, "cycle/episode.html", {"form": form})


@require_POST
@login_required
def episode_delete(request, pk):
    get_changeable_or_404(Episode, request.user, pk=pk).delete()
    messages.success(request, _("Deleted."))
    return redirect("cycle:index")


@require_http_methods(["GET", "POST"])
@login_required
def my_map(request):
    current = services.map_of(request.user)
    form = MapForm(request.POST or None, initial=current.content if current else None)
    if request.method == "POST" and form.is_valid():
        services.save_map(request.user, form.cleaned_data)
        messages.success(request, _("Your map is saved."))
        return redirect("cycle:map")
    context = {
        "form": form,
        "map": current,
        "linked": state_of(request.user).is_linked,
        "in_danger": safety.in_danger(request.user),
    }
    return render(request, "cycle/map.html", context)


@require_POST
@login_required
def map_share(request):
    if services.share_map(request.user):
        messages.success(request, _("Your map is shared with your partner."))
    return redirect("cycle:map")


@require_POST
@login_required
def map_unshare(request):
    if services.unshare_map(request.user):
        messages.success(request, _("Your map is private again."))
    return redirect("cycle:map")


@require_GET
@login_required
def ours(request):
    both = services.ours(request.user)
    context = {"mine": both[0] if both else None, "theirs": both[1] if both else None}
    return render(request, "cycle/ours.html", context)
