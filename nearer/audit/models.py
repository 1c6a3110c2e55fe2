"""Security events of one account, shown to that person only. Never secrets, never
intimate text: a kind, a time, and where the request came from."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SecurityEvent(models.Model):
    class Kind(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Failed login attempt")
        LOGOUT = "logout", _("Logged out")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset by email")
        EMAIL_CHANGED = "email_changed", _("Email address changed")
        MFA_ADDED = "mfa_added", _("Two-factor authentication turned on")
        MFA_REMOVED = "mfa_removed", _("Two-factor authentication turned off")
        MFA_RESET = "mfa_reset", _("Recovery codes regenerated")
        TOKEN_CREATED = "token_created", _("API token created")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")
        TOKEN_USED = "token_used", _("API token used")
        EXPORT = "export", _("Data export requested")
        EXPORT_DOWNLOADED = "export_downloaded", _("Data export downloaded")
        DELETION_REQUESTED = "deletion_requested", _("Account deletion requested")
        DELETION_CANCELLED = "deletion_cancelled", _("Account deletion cancelled")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=160, blank=True)
    detail = models.CharField(max_length=120, blank=True)  # e.g. a token's name; never secrets

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.kind} at {self.at:%Y-%m-%d %H:%M}"

    def export_data(self) -> dict:
        return {
            "what": str(self.get_kind_display()),
            "when": self.at,
            "address": self.ip,
            "browser": self.user_agent,
            "detail": self.detail,
        }
