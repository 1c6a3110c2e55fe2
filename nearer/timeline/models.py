"""The relationship timeline: moments that matter, kept private or shared."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer.visibility import Authored


class Moment(Authored):
    title = models.CharField(_("what happened"), max_length=120)
    happened_on = models.DateField(_("when"))
    text = models.TextField(_("a few words about it"), blank=True, max_length=4000)

    class Meta:
        ordering = ["-happened_on", "-id"]

    def __str__(self):
        return self.title
