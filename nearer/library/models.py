"""The content library: every question, idea, starter, prompt, exercise and FAQ answer.

Items come from the YAML files under ``content/`` (see ``loader.py``). An item is never
deleted: one removed from the files is *retired*, so plans and answers that point at it
keep working.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    QUESTION = "question", _("Conversation question")
    DATE = "date", _("Date idea")
    NOTE = "note", _("Note starter")
    PROMPT = "prompt", _("Journal prompt")
    EXERCISE = "exercise", _("Exercise")
    FAQ = "faq", _("Question and answer")
    DESIRE = "desire", _("A way to be close")


class ItemQuerySet(models.QuerySet):
    def current(self):
        return self.filter(retired_at__isnull=True)

    def tagged(self, *tags: str):
        """Items carrying every tag, e.g. ``tagged("situation:long_distance", "depth:light")``."""
        queryset = self
        for tag in tags:
            queryset = queryset.filter(tags__contains=f" {tag} ")
        return queryset


class Item(models.Model):
    key = models.CharField(
        max_length=80, unique=True, help_text="The stable id from the content file."
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # Space-delimited "facet:value" tokens with a leading and trailing space, so that one
    # portable LIKE finds a tag on SQLite and PostgreSQL alike.
    tags = models.TextField(blank=True)
    minutes = models.PositiveIntegerField(null=True, blank=True)
    data = models.JSONField(default=dict)
    content_hash = models.CharField(max_length=64)
    source = models.CharField(max_length=200)
    loaded_at = models.DateTimeField()
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "key"]
        indexes = [models.Index(fields=["kind", "retired_at"])]

    def __str__(self):
        return f"{self.key}: {self.title[:60]}"
