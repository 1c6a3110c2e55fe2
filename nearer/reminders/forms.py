from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.reminders.models import ReminderKind


def _time(label):
    return forms.TimeField(
        label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


class PreferenceForm(forms.Form):
    email = forms.BooleanField(label=_("By email"), required=False)
    push = forms.BooleanField(label=_("As a notification in this browser"), required=False)
    nudge_time = _time(_("Daily reminder at (your time)"))
    quiet_start = _time(_("Quiet hours from"))
    quiet_end = _time(_("Quiet hours until"))
    kinds = forms.MultipleChoiceField(
        label=_("Remind me of"),
        choices=ReminderKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
