from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.trust.models import Feeling

AREA = {"widget": forms.Textarea(attrs={"rows": 4}), "max_length": 4000, "required": False}


class StatementForm(forms.Form):
    what_i_did = forms.CharField(label=_("What I did, plainly"), **AREA)
    impact = forms.CharField(label=_("How it has hurt you, as I understand it"), **AREA)
    responsibility = forms.CharField(
        label=_("What I take responsibility for, with no “but”"),
        help_text=_("Leave out reasons and explanations here; they can come later, if asked."),
        **AREA,
    )
    what_i_will_do = forms.CharField(label=_("What I will do now"), **AREA)


class CommitmentForm(forms.Form):
    text = forms.CharField(
        label=_("I will…"),
        max_length=300,
        help_text=_("Small and concrete, for example: I will tell you when I am running late."),
    )
    share = forms.BooleanField(label=_("Share with my partner"), required=False, initial=True)


class KeptForm(forms.Form):
    note = forms.CharField(label=_("A few words (optional)"), max_length=1000, required=False)


class FeelingsForm(forms.Form):
    feelings = forms.MultipleChoiceField(
        label=_("Right now I feel"),
        choices=Feeling.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(
        label=_("Anything else, just for you"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if not data.get("feelings") and not data.get("note", "").strip():
            raise forms.ValidationError(_("Choose a feeling or write a few words."))
        return data
