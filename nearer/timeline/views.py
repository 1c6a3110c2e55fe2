"""Timeline pages: list and add, view one, delete one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.timeline import milestones
from nearer.timeline.forms import MomentForm
from nearer.timeline.models import Moment, Photo
from nearer.visibility import get_changeable_or_404, get_visible_or_404


@require_http_methods(["GET", "POST"])
@login_required
def index(request):
    form = MomentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moment = form.save(commit=False)
        moment.attach(request.user, form.cleaned_data["visibility"])
        moment.save()
        messages.success(request, _("Added to your timeline."))
        return redirect("timeline:index")
    auto = milestones.wants(request.user)
    milestones.sync(request.user, i_want=auto)
    moments = Moment.objects.visible_to(request.user).select_related("author")
    page = Paginator(moments, 50).get_page(request.GET.get("page"))
    context = {"form": form, "moments": page, "page": page, "auto": auto}
    return render(request, "timeline/index.html", context)


@require_GET
@login_required
def detail(request, pk):
    moment = get_visible_or_404(Moment, request.user, pk=pk)
    photos = Photo.objects.visible_to(request.user).filter(moment=moment)
    return render(request, "timeline/detail.html", {"moment": moment, "photos": photos})


@require_POST
@login_required
def delete(request, pk):
    moment = get_changeable_or_404(Moment, request.user, pk=pk)
    moment.delete()
    messages.success(request, _("Deleted."))
    return redirect("timeline:index")
