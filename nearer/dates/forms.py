"""Forms adapt input only; the rules are in ``services``. Times are read in the person's zone
(the middleware activates it), so a datetime-local field gives the right instant."""

import calendar

from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.dates.models import CancelReason, DeclineReason, Proposal, Series
from nearer.visibility import Visibility


def _when(label, required=False):
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class ProposeForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is it?"),
        choices=Proposal.Kind.choices,
        initial=Proposal.Kind.DATE,
        required=False,  # a date unless chosen otherwise
        widget=forms.RadioSelect,
    )
    title = forms.CharField(
        label=_("Your own idea"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to propose the idea from the library."),
    )
    message = forms.CharField(
        label=_("A few words for your partner (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minutes = forms.IntegerField(
        label=_("About how long (minutes)"), min_value=5, max_value=1440, initial=120
    )
    time_1 = _when(_("A time that works for you (your time zone)"), required=True)
    time_2 = _when(_("Another time (optional)"))
    time_3 = _when(_("One more (optional)"))

    def times(self):
        return [self.cleaned_data.get(f"time_{i}") for i in (1, 2, 3)]


class SuggestForm(forms.Form):
    when = _when(_("Another time (your time zone)"), required=True)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Your answer"), choices=DeclineReason.choices, widget=forms.RadioSelect
    )


class CancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("A few kind words to go with it (optional)"),
        choices=[("", _("No reason needed")), *CancelReason.choices],
        initial="",
        required=False,
        widget=forms.RadioSelect,
    )


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("How was it?"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    visibility = forms.ChoiceField(
        label=_("Who can see this"),
        choices=[
            (Visibility.PRIVATE, _("Only me")),
            (Visibility.SHARED, _("Shared with my partner")),
        ],
        initial=Visibility.PRIVATE,
        widget=forms.RadioSelect,
    )


REPEATS = [
    ("FREQ=WEEKLY", _("Every week")),
    ("FREQ=WEEKLY;INTERVAL=2", _("Every other week")),
    ("FREQ=MONTHLY", _("Every month, on this date")),
    ("FREQ=YEARLY", _("Every year, on this date")),
]


class SeriesForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is it?"), choices=Series.Kind.choices)
    title = forms.CharField(
        label=_("A name (optional)"), required=False, max_length=200, initial=""
    )
    starts = _when(_("First time (your time zone)"), required=True)
    repeat = forms.ChoiceField(label=_("Repeats"), choices=REPEATS)
    minutes = forms.IntegerField(
        label=_("About how long (minutes)"), min_value=5, max_value=1440, initial=60
    )

    def __init__(self, *args, rule: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        # A series set up through the API can repeat in a way the list does not name; when
        # changing it, keeping it as it is stays a choice.
        if rule and rule not in dict(REPEATS):
            self.fields["repeat"].choices = [(rule, _("As it repeats now")), *REPEATS]


class VisitForm(forms.Form):
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("Where"), required=False, max_length=200)
    plans = forms.CharField(
        label=_("Plans and things to do together"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class FreeTimeForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"), coerce=int, choices=[(i, calendar.day_name[i]) for i in range(7)]
    )
    start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))


class FeedForm(forms.Form):
    TITLES = [
        ("default", _("Nearer decides (neutral when that feels safer)")),
        ("neutral", _('Always "Time together"')),
        ("full", _("The real titles")),
    ]
    titles = forms.ChoiceField(
        label=_("Titles in my calendar app"), choices=TITLES, widget=forms.RadioSelect
    )
