"""Account settings: profile, security links and personal API tokens."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nearer.accounts.forms import ApiTokenForm, ProfileForm
from nearer.accounts.models import ApiToken
from nearer.audit import services as audit
from nearer.core import ratelimits


@require_http_methods(["GET", "POST"])
@login_required
def settings_page(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect("accounts:settings")
    tokens = request.user.api_tokens.active()
    return render(
        request,
        "accounts/settings.html",
        {"form": form, "tokens": tokens, "token_form": ApiTokenForm()},
    )


@require_POST
@login_required
@reauthentication_required
def token_create(request):
    if not ratelimits.allow(request, "nearer_token_create"):
        return render(request, "core/too_many.html", status=429)
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give the token a name."))
        return redirect("accounts:settings")
    token, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
    audit.record(request.user, audit.Kind.TOKEN_CREATED, request, token.name)
    return render(request, "accounts/token_created.html", {"token": token, "raw": raw})


@require_POST
@login_required
def token_revoke(request, pk):
    token = get_object_or_404(request.user.api_tokens.active(), pk=pk)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(request.user, audit.Kind.TOKEN_REVOKED, request, token.name)
    messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("accounts:settings")
