from django import forms
from django.utils.translation import gettext_lazy as _


class InvitationMessageForm(forms.Form):
    """The gentle invitation a solo user may edit and send however they like."""

    message = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 9}),
        max_length=3000,
        help_text=_("Edit it until it sounds like you. Nothing is sent from here; copy it."),
    )


class LeaveForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand the shared space ends for both of us right away."),
        required=True,
    )
