from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.progress.measure import csi4


class Csi4Form(forms.Form):
    """The four items exactly as published; each option's value is its score."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, item in enumerate(csi4().items, start=1):
            self.fields[item.key] = forms.TypedChoiceField(
                label=f"{number}. {item.text}",
                choices=list(enumerate(item.options)),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please choose one answer for this question.")},
            )


class SummaryForm(forms.Form):
    """What the person chooses to put in a summary to bring to a therapist. Nothing typed
    here is stored: it goes into the page or PDF and nowhere else."""

    csi = forms.BooleanField(label=_("My CSI-4 answers over the last year"), required=False)
    connection = forms.BooleanField(
        label=_("My weekly feeling of connection from the daily check-in"), required=False
    )
    activity = forms.BooleanField(
        label=_("How often we talked, wrote notes and appreciations"), required=False
    )
    plan = forms.BooleanField(label=_("The season I chose and steps I did"), required=False)
    words = forms.CharField(
        label=_("Anything you would like to say in your own words (optional, not saved)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    format = forms.ChoiceField(
        choices=[("html", _("A page to print")), ("pdf", _("A PDF file"))],
        initial="html",
        widget=forms.RadioSelect,
        label=_("As"),
    )


COUNTRY_ALL = ""


class CountryForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [(COUNTRY_ALL, _("International only")), *countries]
