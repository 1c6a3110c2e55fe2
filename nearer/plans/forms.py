from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.accounts.timezones import grouped_time_zones
from nearer.library.forms import SITUATIONS
from nearer.plans.models import Intake


class IntakeForm(forms.Form):
    """The private intake. Nothing here is ever shown to the partner."""

    situations = forms.MultipleChoiceField(
        label=_("Which of these feel true for you now? Choose any."),
        choices=SITUATIONS[1:],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("If none fits, we start with a general plan for drifting apart."),
    )
    betrayal_role = forms.ChoiceField(
        label=_("After a betrayal: which is closer to your side of it?"),
        choices=[
            ("", _("I'd rather not say")),
            ("was_hurt", _("I was hurt")),
            ("hurt", _("I caused the hurt")),
        ],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only you see this. It decides which steps you get."),
    )
    recovery_role = forms.ChoiceField(
        label=_("Recovery: which is closer to your side of it?"),
        choices=[
            ("", _("I'd rather not say")),
            ("in_recovery", _("I am in recovery")),
            ("supporting", _("I support my partner")),
        ],
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only you see this."),
    )
    together = forms.ChoiceField(
        label=_("How long have you been together?"),
        choices=[("", "—"), *Intake.Together.choices],
        required=False,
    )
    living = forms.ChoiceField(
        label=_("Do you live together?"),
        choices=[("", "—"), *Intake.Living.choices],
        required=False,
    )
    partner_time_zone = forms.ChoiceField(
        label=_("If you live apart: your partner's time zone"),
        choices=lambda: [("", "—"), *grouped_time_zones()],
        required=False,
    )
    children = forms.ChoiceField(
        label=_("Children"), choices=Intake.Children.choices, required=False
    )
    hopes = forms.CharField(
        label=_("What are you hoping for? (optional)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("Private and encrypted. A sentence is plenty."),
    )
    minutes_per_day = forms.TypedChoiceField(
        label=_("How much time can you give on most days?"),
        choices=[
            (5, _("About 5 minutes")),
            (10, _("About 10 minutes")),
            (15, _("About 15 minutes")),
        ],
        coerce=int,
        initial=10,
    )

    def roles(self) -> dict:
        chosen = set(self.cleaned_data["situations"])
        roles = {}
        if "after_betrayal" in chosen and self.cleaned_data["betrayal_role"]:
            roles["after_betrayal"] = self.cleaned_data["betrayal_role"]
        if "recovery" in chosen and self.cleaned_data["recovery_role"]:
            roles["recovery"] = self.cleaned_data["recovery_role"]
        return roles
