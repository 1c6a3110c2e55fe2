from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    def get_signup_redirect_url(self, request):
        return reverse("plans:start")

    def is_open_for_signup(self, request):
        return getattr(settings, "NEARER_SIGNUP_OPEN", True)
