from django.contrib import messages
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

from nearer.audit import services as audit
from nearer.datarights import services


@receiver(user_logged_in)
def logging_in_cancels_deletion(sender, request, user, **kwargs):
    if services.cancel_deletion(user):
        audit.record(user, audit.Kind.DELETION_CANCELLED, request)
        if request is not None and hasattr(request, "_messages"):
            messages.success(request, _("Welcome back. Your account will not be deleted."))
