from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.library import labels
from nearer.library.models import Kind

SITUATIONS = [("", _("Any situation")), *labels.SITUATION.items()]


def _choices(anything, mapping):
    return [("", anything), *mapping.items()]


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Everything")), *Kind.choices]
    )
    situation = forms.ChoiceField(label=_("Season"), required=False, choices=SITUATIONS)
    setting = forms.ChoiceField(
        label=_("Where"), required=False, choices=_choices(_("Anywhere"), labels.SETTING)
    )
    cost = forms.ChoiceField(
        label=_("Cost"), required=False, choices=_choices(_("Any cost"), labels.COST)
    )
    length = forms.ChoiceField(
        label=_("Time"), required=False, choices=_choices(_("Any length"), labels.LENGTH)
    )
    depth = forms.ChoiceField(
        label=_("Depth"), required=False, choices=_choices(_("Any depth"), labels.DEPTH)
    )
