from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.timeline.models import Moment
from nearer.visibility import Visibility


class MomentForm(forms.ModelForm):
    visibility = forms.ChoiceField(
        label=_("Who can see this"),
        choices=[(Visibility.PRIVATE, _("Only me")), (Visibility.SHARED, _("Both of us"))],
        widget=forms.RadioSelect,
        initial=Visibility.PRIVATE,  # a new moment is private until its author shares it
    )

    class Meta:
        model = Moment
        fields = ["title", "happened_on", "text", "visibility"]
        widgets = {"happened_on": forms.DateInput(attrs={"type": "date"})}
