from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nearer.audit.services import recent


@require_GET
@login_required
def events(request):
    return render(request, "audit/events.html", {"events": recent(request.user)})
