"""Dreams, goals and growth.

* The dreams board is shared: each partner adds dreams; the other may say "I hold this
  too", and dreams both hold are highlighted.
* Goals have small steps with dates. A goal is "ours" (shared) or one person's own growth
  or self-care goal, private unless they share it. Steps follow their goal's visibility.

Everything written is encrypted with its author's key.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from nearer.encrypted import encrypted
from nearer.visibility import Authored


class Dream(Authored):
    text_encrypted = models.BinaryField(default=b"")
    text = encrypted("text_encrypted")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Dream {self.pk}"

    def export_data(self) -> dict:
        return {
            "added_at": self.created_at.isoformat(),
            "dream": self.text,
            "shared_with_partner": self.visibility != "private",
        }


class Hold(Authored):
    """ "I hold this dream too", from the partner who did not write it."""

    dream = models.ForeignKey(Dream, on_delete=models.CASCADE, related_name="holds")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dream", "author"], name="one_hold_each")]

    def __str__(self):
        return f"Hold {self.pk}"

    def export_data(self) -> dict:
        return {"held_since": self.created_at.isoformat(), "dream": self.dream.text}


class GoalKind(models.TextChoices):
    TOGETHER = "together", _("A goal for us")
    GROWTH = "growth", _("My own growth")
    SELF_CARE = "self_care", _("Looking after myself")


class Goal(Authored):
    kind = models.CharField(max_length=10, choices=GoalKind.choices)
    title_encrypted = models.BinaryField(default=b"")
    title = encrypted("title_encrypted")
    target = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["target", "-created_at", "-id"]

    def __str__(self):
        return f"Goal {self.pk}"

    def export_data(self, viewer=None) -> dict:
        steps = self.steps.select_related("author")
        if viewer is not None:
            steps = steps.visible_to(viewer)  # never a step the viewer may not see
        return {
            "kind": str(GoalKind(self.kind).label),
            "goal": self.title,
            "target": self.target.isoformat() if self.target else "",
            "shared_with_partner": self.visibility != "private",
            "steps": [
                {"step": s.text, "by": s.due.isoformat() if s.due else "", "done": s.done}
                for s in steps
            ],
        }


class GoalStep(Authored):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    text_encrypted = models.BinaryField(default=b"")
    text = encrypted("text_encrypted")
    due = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["done", "due", "id"]

    def __str__(self):
        return f"Step {self.pk}"

    def export_data(self) -> dict:
        return {
            "goal": self.goal.title,
            "step": self.text,
            "by": self.due.isoformat() if self.due else "",
            "done": self.done,
        }
