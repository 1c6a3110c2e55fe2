from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.timeline.models import Moment
from nearer.visibility import Visibility


class MomentForm(forms.Form):
    # A plain form: the title and the words are encrypted attributes, not model fields.
    title = forms.CharField(label=_("What happened"), max_length=120)
    happened_on = forms.DateField(label=_("When"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        label=_("A few words about it"),
        widget=forms.Textarea,
        max_length=4000,
        required=False,
    )
    visibility = forms.ChoiceField(
        label=_("Who can see this"),
        choices=[(Visibility.PRIVATE, _("Only me")), (Visibility.SHARED, _("Both of us"))],
        widget=forms.RadioSelect,
        initial=Visibility.PRIVATE,  # a new moment is private until its author shares it
    )

    def save(self, commit=True) -> Moment:
        data = self.cleaned_data
        return Moment(title=data["title"], happened_on=data["happened_on"], text=data["text"])
