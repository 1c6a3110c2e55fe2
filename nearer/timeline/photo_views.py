"""Adding, showing and deleting photos on a moment (rules in ``photos.py``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from nearer.timeline import photos
from nearer.timeline.models import Moment, Photo
from nearer.visibility import get_changeable_or_404, get_visible_or_404


@require_POST
@login_required
def add(request, pk):
    moment = get_changeable_or_404(Moment, request.user, pk=pk)
    upload = request.FILES.get("photo")
    if upload is None:
        messages.error(request, _("Choose a photo first."))
    elif upload.size > photos.MAX_BYTES:
        messages.error(request, _("That photo is too large. Please choose one under 8 MB."))
    else:
        try:
            photos.add_photo(request.user, moment, upload.read())
            messages.success(request, _("Photo added."))
        except photos.BadPhoto as exc:
            messages.error(request, exc.message)
    return redirect("timeline:detail", pk=moment.pk)


@require_GET
@login_required
def show(request, pk):
    photo = get_visible_or_404(Photo.objects.select_related("author"), request.user, pk=pk)
    get_visible_or_404(Moment, request.user, pk=photo.moment_id)  # only with its moment
    response = HttpResponse(photo.data, content_type=photo.content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def delete(request, pk):
    photo = get_changeable_or_404(Photo, request.user, pk=pk)
    moment_id = photo.moment_id
    photo.delete()
    messages.success(request, _("Photo removed."))
    return redirect("timeline:detail", pk=moment_id)
