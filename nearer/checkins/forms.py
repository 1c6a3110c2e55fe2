from django import forms
from django.utils.translation import gettext_lazy as _

SCALE = [(n, str(n)) for n in range(1, 6)]


class CheckInForm(forms.Form):
    mood = forms.TypedChoiceField(
        label=_("How are you feeling? (1 low, 5 good)"),
        choices=SCALE,
        coerce=int,
        # One row of five big buttons (docs/design.md, "Scale").
        widget=forms.RadioSelect(attrs={"class": "scale"}),
    )
    connection = forms.TypedChoiceField(
        label=_("How connected do you feel? (1 far, 5 close)"),
        choices=SCALE,
        coerce=int,
        # One row of five big buttons (docs/design.md, "Scale").
        widget=forms.RadioSelect(attrs={"class": "scale"}),
    )
    word = forms.CharField(label=_("One word, if you like"), max_length=40, required=False)
    share = forms.BooleanField(label=_("Share this with my partner"), required=False)


def _section(label):
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )


class MeetingForm(forms.Form):
    appreciations = _section(_("Appreciations: what each of you valued this week"))
    went_well = _section(_("What went well between you"))
    topic = _section(_("One thing to talk about, started gently (“I feel… about… and I need…”)"))
    needs = _section(_("What each of you needs this week"))

    def clean(self):
        data = super().clean()
        if not any(
            (data.get(key) or "").strip()
            for key in ("appreciations", "went_well", "topic", "needs")
        ):
            raise forms.ValidationError(_("Write something in at least one part."))
        return data
