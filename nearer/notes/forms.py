from django import forms
from django.utils.translation import gettext_lazy as _


class NoteForm(forms.Form):
    WHEN = [
        ("now", _("Now")),
        ("morning", _("Their next morning, at 7 in their time zone")),
        ("at", _("At a time I choose")),
    ]
    text = forms.CharField(
        label=_("Your note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    when = forms.ChoiceField(
        label=_("When should it arrive?"), choices=WHEN, widget=forms.RadioSelect, initial="now"
    )
    at = forms.DateTimeField(
        label=_("Date and time (your time zone)"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == "at" and not data.get("at"):
            self.add_error("at", _("Choose when it should arrive."))
        return data


class AppreciationForm(forms.Form):
    text = forms.CharField(
        label=_("I appreciated…"),
        max_length=500,
        help_text=_("Something small from today is perfect."),
    )
