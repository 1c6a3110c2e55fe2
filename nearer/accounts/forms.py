"""Forms for the account: the extra signup fields, the profile and API tokens."""

import functools

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nearer.accounts.models import User, available_time_zones


@functools.cache
def _sorted_time_zone_choices() -> tuple:
    return tuple((name, name.replace("_", " ")) for name in sorted(available_time_zones()))


def time_zone_choices():
    return list(_sorted_time_zone_choices())


class TimeZoneField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=time_zone_choices, **kwargs)
        # static/nearer/app.js fills this from the browser's own time zone.
        self.widget.attrs["data-guess-time-zone"] = ""


class SignupExtraForm(forms.Form):
    """Asked on the signup page, next to email and password (see ACCOUNT_SIGNUP_FORM_CLASS)."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        help_text=_("What your partner will see you as. A first name is plenty."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    time_zone = TimeZoneField(
        label=_("Your time zone"),
        initial="UTC",
        help_text=_("We guessed it from your browser. Reminders and “today” follow it."),
    )
    field_order = ["display_name", "email", "password1", "password2", "time_zone"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please tell us what to call you."))
        return name

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.time_zone = self.cleaned_data["time_zone"]
        user.language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        user.save(update_fields=["display_name", "time_zone", "language"])


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(label=_("Time zone"))
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "language"]

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please tell us what to call you."))
        return name


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is this token for?"),
        max_length=60,
        help_text=_("For example “my calendar script”. Only you see this."),
    )
