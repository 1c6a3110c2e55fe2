"""Couple settings: start a space, invite, join through a link, leave."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from nearer.core import ratelimits
from nearer.couples import services
from nearer.couples.forms import InvitationMessageForm, LeaveForm


def _invitation_text(request, link):
    return render_to_string(
        "couples/invitation_message.txt", {"user": request.user, "link": link}, request=request
    ).strip()


@require_GET
@login_required
def settings_page(request):
    state = services.state_of(request.user)
    invite = services.pending_invite(request.user)
    link = services.invite_url(services.invite_token(invite)) if invite else None
    context = {
        "state": state,
        "invite": invite,
        "invite_link": link,
        "message_form": InvitationMessageForm(initial={"message": _invitation_text(request, link)}),
        "leave_form": LeaveForm(),
    }
    return render(request, "couples/settings.html", context)


@require_POST
@login_required
def invite_create(request):
    try:
        services.create_invite(request.user)
    except services.CoupleError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Here is your invitation link. It works once, for 7 days."))
    return redirect("couples:settings")


@require_POST
@login_required
def invite_revoke(request):
    if services.revoke_invite(request.user):
        messages.success(request, _("The link no longer works. You can make a new one any time."))
    return redirect("couples:settings")


@require_POST
@login_required
def leave(request):
    form = LeaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please tick the box to confirm."))
        return redirect("couples:settings")
    services.leave_couple(request.user)
    messages.success(
        request, _("You have left the shared space. Everything you wrote is still yours.")
    )
    return redirect("today")


@require_http_methods(["GET", "POST"])
def join(request, token):
    """Open to everyone with the link: a stranger is asked to sign up or log in first."""
    error = invite = None
    try:
        invite = services.check_invite(token, request.user)
    except services.CoupleError as exc:
        error = exc
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect("couples:join", token=token)  # the page asks them to log in first
    if request.method == "POST" and not ratelimits.allow(request, "nearer_join"):
        return render(request, "core/too_many.html", status=429)
    if request.method == "POST" and invite is not None:
        try:
            services.accept_invite(request.user, token)
        except services.CoupleError as exc:
            error = exc
        else:
            messages.success(
                request,
                _("You are now linked with %(name)s.") % {"name": invite.created_by.display_name},
            )
            return redirect("today")
    context = {"invite": invite, "error": error and error.message, "token": token}
    return render(request, "couples/join.html", context, status=error.status if error else 200)
