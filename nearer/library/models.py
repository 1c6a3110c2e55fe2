"""The content library: every question, idea, starter, prompt, exercise and FAQ answer.

Items come from the YAML files under ``content/`` (see ``loader.py``). An item is never
deleted: one removed from the files is *retired*, so plans and answers that point at it
keep working.

Translations (``content/<kind>/<file>.<language>.yaml``) are stored on the item itself, in
``translations``, so an item read from the database already carries its text in every
language: showing it in the reader's language costs no query, whatever page or join
brought it (a question of the day through ``select_related``, a plan step through
``in_bulk``, a search result). See :meth:`Item.from_db`.
"""

from django.db import models
from django.utils.translation import get_language
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
    # {"es": {"title": …, "body": …, "data": {translated fields}, "stale": bool}}: the
    # translated text per language, written by the loader (never by hand).
    translations = models.JSONField(default=dict, blank=True)

    objects = ItemQuerySet.as_manager()

    # The language this instance's title, body and data are in (None: the English source).
    language = None

    class Meta:
        ordering = ["kind", "key"]
        indexes = [models.Index(fields=["kind", "retired_at"])]

    def __str__(self):
        return f"{self.key}: {self.title[:60]}"

    def save(self, *args, **kwargs):
        if self.language:
            raise ValueError("a translated item is for showing; the loader writes items")
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        """Every item read from the database shows in the active language, falling back
        to English per item (an item with no translation keeps its English text)."""
        item = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        item.localize(get_language())
        return item

    def localize(self, language: str | None) -> None:
        loaded = self.get_deferred_fields()
        if not language or {"translations", "title", "body", "data"} & loaded:
            return  # a partial load (``only()``) never pays a query to translate
        language = language.split("-")[0]
        text = (self.translations or {}).get(language)
        if not text or self.language:
            return
        self.title = text["title"]
        self.body = text["body"]
        self.data = {**self.data, **text["data"]}
        self.language = language
