"""A conversation card for the daily talk, and the talk log."""

import random

from nearer.couples.services import state_of
from nearer.library.models import Item
from nearer.talks.models import Talk, TalkNote
from nearer.visibility import Visibility


def card(exclude_key: str = "") -> Item | None:
    """A random question that is not about children or chores."""
    keys = list(
        Item.objects.current()
        .filter(kind="question")
        .tagged("kids_and_chores_free")
        .exclude(key=exclude_key)
        .values_list("pk", flat=True)
    )
    return Item.objects.get(pk=random.choice(keys)) if keys else None


def chosen_card(key: str) -> Item | None:
    """The conversation question a person chose to talk about (from a plan step or the
    library), or None when the key names no current question."""
    if not key:
        return None
    return Item.objects.current().filter(kind="question", key=key).first()


def log_talk(user, minutes: int, feeling: int, note: str = "", card_key: str = "") -> Talk:
    talk = Talk(minutes=minutes, feeling=feeling, card=Item.objects.filter(key=card_key).first())
    talk.attach(user, Visibility.SHARED if state_of(user).is_linked else Visibility.PRIVATE)
    talk.save()
    if note.strip():
        private = TalkNote(talk=talk)
        private.attach(user, Visibility.PRIVATE)
        private.text = note.strip()
        private.save()
    return talk


def log_for(user):
    """Talks the person can see, each with only their own private notes attached."""
    talks = list(Talk.objects.visible_to(user).select_related("author", "card")[:100])
    notes = {}
    for note in TalkNote.objects.visible_to(user).filter(talk__in=talks).select_related("author"):
        notes.setdefault(note.talk_id, []).append(note)
    for talk in talks:
        talk.my_notes = notes.get(talk.pk, [])
    return talks
