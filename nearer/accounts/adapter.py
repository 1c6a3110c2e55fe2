from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse

from nearer.core.client import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return reverse("plans:start")

    def is_open_for_signup(self, request):
        return getattr(settings, "NEARER_SIGNUP_OPEN", True)

    def get_client_ip(self, request):
        # allauth's own rate limits (login, signup, password reset) count the same client
        # address as ours: proxy-aware, never a header the client wrote.
        return client_ip(request) or "unknown"
