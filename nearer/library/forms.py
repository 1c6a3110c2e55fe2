from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.library.models import Kind

SITUATIONS = [
    ("", _("Any situation")),
    ("new_parents", _("New parents")),
    ("many_years", _("Many years together")),
    ("after_betrayal", _("After a betrayal")),
    ("long_distance", _("Long distance")),
    ("recovery", _("Addiction recovery")),
    ("general", _("Drifting apart")),
]


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Everything")), *Kind.choices]
    )
    situation = forms.ChoiceField(label=_("Situation"), required=False, choices=SITUATIONS)
    setting = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=[
            ("", _("Anywhere")),
            ("home", _("At home")),
            ("out", _("Out")),
            ("virtual", _("Apart, online")),
        ],
    )
    cost = forms.ChoiceField(
        label=_("Cost"),
        required=False,
        choices=[
            ("", _("Any cost")),
            ("free", _("Free")),
            ("low", _("Low")),
            ("medium", _("Medium")),
            ("high", _("High")),
        ],
    )
    length = forms.ChoiceField(
        label=_("Time"),
        required=False,
        choices=[
            ("", _("Any length")),
            ("short", _("15 minutes or less")),
            ("medium", _("Up to an hour")),
            ("long", _("Longer")),
        ],
    )
    depth = forms.ChoiceField(
        label=_("Depth"),
        required=False,
        choices=[
            ("", _("Any depth")),
            ("light", _("Light")),
            ("meaningful", _("Meaningful")),
            ("deep", _("Deep")),
        ],
    )
