"""The admin, for the people who run a Nearer server. It needs staff status *and*
two-factor authentication; everyone else is told nothing (404)."""

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


class NearerAdminSite(admin.AdminSite):
    site_header = "Nearer administration"
    site_title = "Nearer administration"

    def has_permission(self, request):
        return super().has_permission(request) and is_mfa_enabled(request.user)

    def login(self, request, extra_context=None):
        user = request.user
        next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
        if not user.is_authenticated:
            return redirect(
                f"{reverse('account_login')}?{REDIRECT_FIELD_NAME}={request.get_full_path()}"
            )
        if not (user.is_active and user.is_staff):
            raise Http404
        if not is_mfa_enabled(user):
            return render(request, "core/admin_needs_mfa.html", status=403)
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("admin:index")
        return redirect(next_url or reverse("admin:index"))
