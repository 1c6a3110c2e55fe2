from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.recovery.models import SessionKind

DATE = forms.DateInput(attrs={"type": "date"})


class PastDateMixin:
    """Dates may not be in the future, in the person's own time zone."""

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def _past(self, value):
        if value and value > self.today:
            raise forms.ValidationError(_("Choose today or a day before."))
        return value


class CounterForm(PastDateMixin, forms.Form):
    label = forms.CharField(
        label=_("What are you counting?"),
        max_length=120,
        help_text=_("In your own words, for example: days of looking after myself."),
    )
    since = forms.DateField(label=_("Counting from"), widget=DATE)
    share = forms.BooleanField(label=_("Share with my partner"), required=False)

    def clean_since(self):
        return self._past(self.cleaned_data["since"])


class StartAgainForm(PastDateMixin, forms.Form):
    since = forms.DateField(label=_("Start counting again from"), widget=DATE)

    def clean_since(self):
        return self._past(self.cleaned_data["since"])


class SessionForm(PastDateMixin, forms.Form):
    kind = forms.ChoiceField(label=_("What kind of session?"), choices=SessionKind.choices)
    day = forms.DateField(label=_("When"), widget=DATE)
    note = forms.CharField(
        label=_("A few words (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    share = forms.BooleanField(label=_("Share with my partner"), required=False)

    def clean_day(self):
        return self._past(self.cleaned_data["day"])
