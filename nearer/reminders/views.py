"""Reminder preferences and the one-click unsubscribe link from emails."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from nearer.reminders import push, services
from nearer.reminders.forms import PreferenceForm


@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request):
    pref = services.preference(request.user)
    initial = {
        "email": pref.email,
        "push": pref.push,
        "nudge_time": pref.nudge_time,
        "quiet_start": pref.quiet_start,
        "quiet_end": pref.quiet_end,
        "kinds": pref.kinds,
    }
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_preference(request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("reminders:settings")
    context = {"form": form, "vapid_key": push.public_key()}
    return render(request, "reminders/settings.html", context)


@require_POST
@login_required
def push_subscribe(request):
    """Record this browser's push subscription (sent by push.js as JSON)."""
    try:
        data = json.loads(request.body)
        endpoint, keys = data["endpoint"], data["keys"]
        sub = push.subscribe(request.user, endpoint, keys["p256dh"], keys["auth"])
    except (ValueError, KeyError, TypeError, push.SubscriptionError):
        return JsonResponse({"error": _("That is not a push subscription.")}, status=400)
    services.save_preference(request.user, push=True)
    return JsonResponse({"ok": True, "device": sub.pk}, status=201)


# A mail client's one-click unsubscribe (RFC 8058) posts without a session or CSRF token;
# the signed token in the address is what authorises it.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user = services.user_for_unsubscribe(token)
    if user is None:
        raise Http404
    if request.method == "POST":
        services.unsubscribe(user)
        return render(request, "reminders/unsubscribed.html")
    return render(request, "reminders/unsubscribe.html", {"token": token})
