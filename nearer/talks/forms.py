from django import forms
from django.utils.translation import gettext_lazy as _


class TalkLogForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("How long did you talk? (minutes)"), min_value=1, max_value=240, initial=15
    )
    feeling = forms.TypedChoiceField(
        label=_("How did it feel? (1 hard, 5 lovely)"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        # One row of five big buttons (docs/design.md, "Scale").
        widget=forms.RadioSelect(attrs={"class": "scale"}),
    )
    share_feeling = forms.BooleanField(
        label=_("Let my partner see how it felt for me"), required=False
    )
    note = forms.CharField(
        label=_("A private note to yourself (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("Only you will see this."),
    )
    card = forms.CharField(widget=forms.HiddenInput, required=False)
