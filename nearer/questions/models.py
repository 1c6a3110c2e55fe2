"""The question of the day: one question per couple (or solo person) per day, answered
privately and revealed only when both have answered (``mutual`` visibility)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer import registry
from nearer.encrypted import EncryptedText, encrypted
from nearer.visibility import Authored


class DailyQuestion(models.Model):
    # "c<couple id>" for a couple space, "u<user id>" for someone on their own.
    space = models.CharField(max_length=30)
    day = models.DateField()
    item = models.ForeignKey("library.Item", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["space", "day"], name="one_question_a_day")]
        indexes = [models.Index(fields=["space", "-day"])]
        ordering = ["-day"]

    def __str__(self):
        return f"{self.space} {self.day}: {self.item.key}"

    @property
    def mutual_key(self) -> str:
        return f"qotd:{self.pk}"


class Answer(Authored, EncryptedText):
    question = models.ForeignKey(DailyQuestion, on_delete=models.CASCADE, related_name="answers")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "author"], name="one_answer_each")
        ]

    def __str__(self):
        return f"Answer {self.pk}"

    def export_data(self) -> dict:
        return {
            "question": self.question.item.title,
            "day": self.question.day,
            "answer": self.text,
            **registry.authored_data(self),
        }


class Reaction(Authored):
    """A partner's small response to a revealed answer: a reaction, a short reply, or both."""

    class Kind(models.TextChoices):
        HEART = "heart", _("Love this")
        HUG = "hug", _("Sending a hug")
        LAUGH = "laugh", _("Made me smile")
        THANKS = "thanks", _("Thank you for sharing")

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(max_length=10, choices=Kind.choices, blank=True)
    reply_encrypted = models.BinaryField(default=b"")
    reply = encrypted("reply_encrypted")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["answer", "author"], name="one_reaction_each")
        ]

    def __str__(self):
        return f"Reaction {self.pk}"

    def export_data(self) -> dict:
        return {
            "to_the_answer_on": self.answer.question.day,
            "question": self.answer.question.item.title,
            "reaction": str(self.get_kind_display()),
            "reply": self.reply,
            **registry.authored_data(self),
        }


class Reply(Authored, EncryptedText):
    """A few words in the short thread under a revealed answer, from either partner.

    Shared with the partner while both are in the space; the text is encrypted at rest."""

    MAX_LENGTH = 500
    MAX_IN_THREAD = 40  # a short thread, not a chat: it keeps every list bounded

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="replies")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["answer", "created_at"])]

    def __str__(self):
        return f"Reply {self.pk}"

    def export_data(self) -> dict:
        return {
            "question": self.answer.question.item.title,
            "day": self.answer.question.day.isoformat(),
            "text": self.text,
            "written": self.created_at.isoformat(),
        }
