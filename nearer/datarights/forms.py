from django import forms
from django.utils.translation import gettext_lazy as _


class DeleteAccountForm(forms.Form):
    email = forms.EmailField(label=_("Type your email address to confirm"))
    understood = forms.BooleanField(
        label=_("I understand that after 14 days everything I wrote is gone for good."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.lower() != self.user.email.lower():
            raise forms.ValidationError(_("That is not the email address of this account."))
        return email
