from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from nearer.library.forms import SITUATIONS
from nearer.plans.definitions import ROLES

LIVES = [
    ("parents", _("We are raising children")),
    ("caregiving", _("Disability, illness or caring for someone")),
    ("fertility_and_loss", _("Trying for a baby, infertility or pregnancy loss")),
    ("blended_family", _("A step-family")),
    ("child_free", _("Child-free")),
    ("later_life", _("Later life")),
]
ROLE_QUESTIONS = {
    "after_betrayal": (
        "betrayal_role",
        _("After a betrayal: which is closer to your side of it?"),
        [
            ("", _("I'd rather not say")),
            ("was_hurt", _("I was hurt")),
            ("hurt", _("I caused the hurt")),
        ],
    ),
    "recovery": (
        "recovery_role",
        _("Recovery: which is closer to your side of it?"),
        [
            ("", _("I'd rather not say")),
            ("in_recovery", _("I am in recovery")),
            ("supporting", _("I support my partner")),
        ],
    ),
}
assert set(ROLE_QUESTIONS) == set(ROLES)


class IntakeForm(forms.Form):
    """The intake. Everything here is private, except the three questions marked as shared
    (what we can see together, parts of life, living apart), which shape what both partners
    see. Role questions appear only for the situations ticked: a first submission that ticks
    a situation with roles comes back once with its question (``needs_roles``)."""

    situations = forms.MultipleChoiceField(
        label=_("Which of these feel true for you now? Choose any."),
        choices=SITUATIONS[1:],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Only you see this. If none fits, we start with a general plan."),
    )
    shared_situations = forms.MultipleChoiceField(
        label=_("Which of those can we see together?"),
        # Worded apart from the private list, so that no two checkboxes share a name.
        choices=[
            (value, format_lazy(_("We can see this together: {}"), label))
            for value, label in SITUATIONS[1:]
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Shared questions, talk cards and note starters reflect a situation only when "
            "both of you tick it here. Leave all of them empty to keep everything private."
        ),
    )
    lives = forms.MultipleChoiceField(
        label=_("Anything else you would like shared questions to reflect?"),
        choices=LIVES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Shared questions reflect these only when both of you tick them."),
    )
    living_apart = forms.BooleanField(
        label=_("We live apart"),
        required=False,
        help_text=_("Shared questions that assume one home are then left out for you both."),
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = self._situations_in_view()
        for situation, (name, label, choices) in ROLE_QUESTIONS.items():
            if situation in chosen:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    required=False,
                    help_text=_(
                        "Only you see this. It decides which steps you get. While you are in "
                        "this season, shared questions stay gentle (you can change that in "
                        "your settings)."
                    ),
                )
        # Keep the role questions right after the situations.
        order = ["situations", *[ROLE_QUESTIONS[s][0] for s in ROLE_QUESTIONS if s in chosen]]
        self.order_fields(order)
        # Which role questions are on this page (sent back in a hidden "asked" input).
        self.asked = " ".join(s for s in ROLE_QUESTIONS if s in chosen)

    def _situations_in_view(self) -> set[str]:
        if self.is_bound:
            return set(self.data.getlist("situations")) if hasattr(self.data, "getlist") else set()
        return set(self.initial.get("situations") or [])

    @property
    def needs_roles(self) -> bool:
        """A ticked situation with roles whose question the person has not seen yet."""
        asked = set(self.data.get("asked", "").split())
        return any(
            s in ROLE_QUESTIONS and s not in asked and ROLE_QUESTIONS[s][0] not in self.data
            for s in self.cleaned_data["situations"]
        )

    def roles(self) -> dict:
        roles = {}
        for situation, (name, _label, _choices) in ROLE_QUESTIONS.items():
            if situation in self.cleaned_data["situations"] and self.cleaned_data.get(name):
                roles[situation] = self.cleaned_data[name]
        return roles
