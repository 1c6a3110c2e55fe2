from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.questions.models import Reaction, Reply


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("Only you can read it until you have both answered."),
    )


class ReactionForm(forms.Form):
    """One tap: the button pressed carries the kind. ``reply`` is still accepted from older
    pages and goes to the thread."""

    kind = forms.ChoiceField(label=_("Reaction"), choices=Reaction.Kind.choices, required=False)
    reply = forms.CharField(label=_("A short reply"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        if not data.get("kind") and not (data.get("reply") or "").strip():
            raise forms.ValidationError(_("Choose a reaction or write a few words."))
        return data


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"),
        max_length=Reply.MAX_LENGTH,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("A few words back. You both see the thread."),
    )
