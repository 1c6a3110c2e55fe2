"""The relationship timeline: moments that matter, kept private or shared."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer import registry
from nearer.encrypted import encrypted
from nearer.visibility import Authored, OwnedQuerySet


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


class Photo(Authored):
    """A photo on a moment (see ``photos.py``): cleaned of metadata, encrypted at rest, and
    visible exactly as its moment is."""

    moment = models.ForeignKey(Moment, on_delete=models.CASCADE, related_name="photos")
    data_encrypted = models.BinaryField()
    # Bound to this row (``crypto_id``, added by ``encrypted``) like every encrypted attribute,
    # so a photo moved into another row does not open.
    data = encrypted("data_encrypted", kind=bytes)
    content_type = models.CharField(max_length=20)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"Photo {self.pk}"

    def export_data(self) -> dict:
        return {
            "moment": self.moment.title,
            "added_at": self.created_at.isoformat(),
            "type": self.content_type,
            "size": f"{self.width}x{self.height}",
        }


class MilestonePreference(models.Model):
    """Whether this person would like shared milestones added by themselves (see
    ``milestones.py``). Private: the partner is never told what the other chose."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    automatic = models.BooleanField(default=False)

    objects = OwnedQuerySet.as_manager()

    def __str__(self):
        return f"Milestone preference {self.pk}"

    def export_data(self) -> dict:
        return {"add_shared_milestones_automatically": self.automatic}
