"""The 10-second daily check-in, and the weekly "state of us" meeting with its private
preparation."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from nearer import registry
from nearer.encrypted import encrypted
from nearer.visibility import Authored

ONE_TO_FIVE = [MinValueValidator(1), MaxValueValidator(5)]


class CheckIn(Authored):
    """Private by default; the person may share it."""

    day = models.DateField()  # in the author's own time zone
    mood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    connection = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    word_encrypted = models.BinaryField(default=b"")
    word = encrypted("word_encrypted")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["author", "day"], name="one_checkin_a_day")]
        ordering = ["-day"]

    def __str__(self):
        return f"Check-in {self.day}"

    def export_data(self) -> dict:
        return {
            "day": self.day,
            "mood": self.mood,
            "connection": self.connection,
            "word": self.word,
            **registry.authored_data(self),
        }


class Sections(models.Model):
    """The four parts of a state-of-us meeting, encrypted with the author's key."""

    SECTIONS = ("appreciations", "went_well", "topic", "needs")
    content_encrypted = models.BinaryField()
    content = encrypted("content_encrypted", kind=dict)

    class Meta:
        abstract = True

    @classmethod
    def clean_content(cls, value: dict) -> dict:
        return {key: str(value.get(key, ""))[:2000] for key in cls.SECTIONS}

    def export_data(self) -> dict:
        return {"week_of": self.week, **self.content, **registry.authored_data(self)}


class MeetingPrep(Authored, Sections):
    """What one person jots down before the meeting: private, always."""

    week = models.DateField()  # the Monday of the week, in the author's zone

    class Meta:
        constraints = [models.UniqueConstraint(fields=["author", "week"], name="one_prep_a_week")]

    def __str__(self):
        return f"Prep {self.week}"


class Meeting(Authored, Sections):
    """The record the two of them keep of a meeting: shared."""

    week = models.DateField()

    class Meta:
        ordering = ["-week", "-id"]

    def __str__(self):
        return f"State of us {self.week}"
