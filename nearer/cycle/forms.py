from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.cycle.models import Move

AREA = {"widget": forms.Textarea(attrs={"rows": 3}), "max_length": 4000, "required": False}


class EpisodeForm(forms.Form):
    trigger = forms.CharField(
        label=_("What set it off, in a few words"), max_length=200, required=False
    )
    happened = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    felt = forms.CharField(label=_("What I felt"), **AREA)
    feelings = forms.CharField(
        label=_("The feelings, as single words (separated by commas)"),
        max_length=300,
        required=False,
        help_text=_("For example: alone, unheard, scared. Your own words are best."),
    )
    did = forms.CharField(label=_("What I did"), **AREA)
    my_move = forms.ChoiceField(
        label=_("Looking back, my move was closest to"),
        choices=Move.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    saw = forms.CharField(label=_("What I saw my partner do"), **AREA)
    their_move = forms.ChoiceField(
        label=_("What I saw was closest to"),
        choices=[
            (Move.REACH, _("They reached for me harder (pressed, asked, followed, criticised)")),
            (Move.WITHDRAW, _("They pulled away (went quiet, left the room, shut down)")),
            (Move.ATTACK, _("They hit back (blamed, raised their voice)")),
            (Move.OTHER, _("Something else, or I am not sure")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    needed = forms.CharField(label=_("What I needed underneath"), **AREA)
    needs = forms.CharField(
        label=_("The needs, as single words (separated by commas)"),
        max_length=300,
        required=False,
        help_text=_("For example: reassurance, space, to matter."),
    )


class MapForm(forms.Form):
    trigger = forms.CharField(label=_("When this happens…"), **AREA)
    feeling = forms.CharField(label=_("…I feel…"), **AREA)
    reaction = forms.CharField(label=_("…and I tend to…"), **AREA)
    partner_reaction = forms.CharField(label=_("…then my partner often…"), **AREA)
    need = forms.CharField(label=_("…when what I really need is…"), **AREA)
