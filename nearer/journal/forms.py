from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.journal.services import MAX_TAGS, parse_tags


class EntryForm(forms.Form):
    text = forms.CharField(
        label=_("Write freely"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_("Only you can read this, unless you choose to share it."),
    )
    tags = forms.CharField(
        label=_("Tags (optional, separated by commas)"), max_length=500, required=False
    )

    def clean_tags(self):
        raw = self.cleaned_data["tags"]
        if len([p for p in raw.split(",") if p.strip()]) > MAX_TAGS:
            raise forms.ValidationError(_("At most %(count)d tags, please.") % {"count": MAX_TAGS})
        return parse_tags(raw)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search your entries"), max_length=200, required=False)
    tag = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)


class ExerciseNoteForm(forms.Form):
    text = forms.CharField(
        label=_("A private place to write (optional)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        required=False,
        help_text=_("Kept in your journal, only for you."),
    )
    step = forms.CharField(widget=forms.HiddenInput, required=False, max_length=120)
