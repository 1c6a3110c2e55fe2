"""Turn account signals (Django's and allauth's) into security events."""

from allauth.account import signals as account
from allauth.mfa import signals as mfa
from django.contrib.auth import get_user_model
from django.contrib.auth import signals as auth
from django.dispatch import receiver

from nearer.audit.services import Kind, record


@receiver(auth.user_logged_in)
def logged_in(sender, request, user, **kwargs):
    record(user, Kind.LOGIN, request)


@receiver(auth.user_logged_out)
def logged_out(sender, request, user, **kwargs):
    record(user, Kind.LOGOUT, request)


@receiver(auth.user_login_failed)
def login_failed(sender, credentials, request=None, **kwargs):
    email = credentials.get("email") or credentials.get("username") or ""
    user = get_user_model().objects.filter(email__iexact=email).first() if email else None
    record(user, Kind.LOGIN_FAILED, request)


@receiver(account.password_changed)
@receiver(account.password_set)
def password_changed(sender, request, user, **kwargs):
    record(user, Kind.PASSWORD_CHANGED, request)


@receiver(account.password_reset)
def password_reset(sender, request, user, **kwargs):
    record(user, Kind.PASSWORD_RESET, request)


@receiver(account.email_changed)
def email_changed(sender, request, user, **kwargs):
    record(user, Kind.EMAIL_CHANGED, request)


@receiver(mfa.authenticator_added)
def mfa_added(sender, request, user, **kwargs):
    record(user, Kind.MFA_ADDED, request)


@receiver(mfa.authenticator_removed)
def mfa_removed(sender, request, user, **kwargs):
    record(user, Kind.MFA_REMOVED, request)


@receiver(mfa.authenticator_reset)
def mfa_reset(sender, request, user, **kwargs):
    record(user, Kind.MFA_RESET, request)
