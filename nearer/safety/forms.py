from django import forms
from django.utils.translation import gettext_lazy as _

YES_NO = [
    ("no", _("No")),
    ("sometimes", _("Sometimes")),
    ("yes", _("Yes")),
    ("skip", _("I'd rather not answer")),
]

QUESTIONS = {
    "afraid": _("Do you ever feel afraid of your partner?"),
    "control": _(
        "Does your partner try to control where you go, who you see, your phone or your money?"
    ),
    "harm": _(
        "Has your partner hurt you, threatened you, or pushed you into anything you did not want?"
    ),
    "unsafe_home": _("Are there times you do not feel safe at home?"),
}


class SafetyCheckForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in QUESTIONS.items():
            self.fields[name] = forms.ChoiceField(
                label=label, choices=YES_NO, widget=forms.RadioSelect, initial="skip"
            )


class GentleModeForm(forms.Form):
    on = forms.BooleanField(
        label=_("Keep our shared questions gentle for now"),
        required=False,
        help_text=_(
            "The question of the day, talk cards and note starters leave out desire, touch, "
            "being chosen and tests of trust. No reason needed, and nobody is told."
        ),
    )
