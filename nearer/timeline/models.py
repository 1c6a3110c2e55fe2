"""The relationship timeline: moments that matter, kept private or shared."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer import registry
from nearer.encrypted import encrypted
from nearer.visibility import Authored


class Moment(Authored):
    title_encrypted = models.BinaryField(default=b"")
    title = encrypted("title_encrypted")
    happened_on = models.DateField(_("when"))
    text_encrypted = models.BinaryField(default=b"")
    text = encrypted("text_encrypted")

    class Meta:
        ordering = ["-happened_on", "-id"]

    def __str__(self):
        return self.title

    def export_data(self) -> dict:
        return {
            "title": self.title,
            "happened_on": self.happened_on,
            "text": self.text,
            **registry.authored_data(self),
        }
