"""Background work for couple spaces."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation


@task()
def tell_inviter_partner_joined(inviter_id: int, partner_id: int) -> bool:
    """Let the person who sent the link know their partner has joined."""
    User = get_user_model()
    inviter = User.objects.filter(pk=inviter_id).first()
    partner = User.objects.filter(pk=partner_id).first()
    if inviter is None or partner is None:
        return False
    with translation.override(inviter.language):
        context = {"inviter": inviter, "partner": partner}
        subject = render_to_string("couples/email/partner_joined_subject.txt", context).strip()
        body = render_to_string("couples/email/partner_joined.txt", context)
    send_mail(subject, body, None, [inviter.email])
    return True
