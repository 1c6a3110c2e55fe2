from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.dreams.models import GoalKind

DATE = forms.DateInput(attrs={"type": "date"})


class DreamForm(forms.Form):
    text = forms.CharField(
        label=_("A dream for your life"),
        max_length=500,
        help_text=_("Big or small: a place, a way of living, something to learn together."),
    )


class GoalForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of goal?"), choices=GoalKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("The goal"), max_length=300)
    target = forms.DateField(label=_("By when (optional)"), required=False, widget=DATE)
    share = forms.BooleanField(
        label=_("Share my own goal with my partner"),
        required=False,
        help_text=_("Goals for the two of you are always shared with your partner."),
    )


class StepForm(forms.Form):
    text = forms.CharField(label=_("A small next step"), max_length=300)
    due = forms.DateField(label=_("By when (optional)"), required=False, widget=DATE)
