"""A conversation card for the daily talk, and the talk log."""

from nearer.core.paging import Prepared
from nearer.couples import shared
from nearer.couples.services import state_of
from nearer.library.models import Item
from nearer.talks.models import Talk, TalkNote
from nearer.visibility import Visibility


def card(user, instead_of: str = "") -> Item | None:
    """Today's conversation card for this person's space: a question not about children or
    chores that fits what both partners share (gentle mode honoured) and that the couple
    has not drawn within a year. ``instead_of`` today's card draws another one."""
    pool = Item.objects.current().filter(kind="question").tagged("kids_and_chores_free")
    cards = shared.draw(user, "talk", pool)
    if cards and instead_of and cards[-1].key == instead_of:
        cards = shared.draw(user, "talk", pool, another=True)
    return cards[-1] if cards else None


def chosen_card(key: str) -> Item | None:
    """The conversation question a person chose to talk about (from a plan step or the
    library), or None when the key names no current question."""
    if not key:
        return None
    return Item.objects.current().filter(kind="question", key=key).first()


def log_talk(
    user,
    minutes: int,
    feeling: int,
    note: str = "",
    card_key: str = "",
    share_feeling: bool = False,
) -> Talk:
    """Log a talk. How it felt stays the author's own unless ``share_feeling``."""
    talk = Talk(
        minutes=minutes,
        feeling=feeling,
        feeling_shared=share_feeling,
        card=Item.objects.filter(key=card_key).first(),
    )
    talk.attach(user, Visibility.SHARED if state_of(user).is_linked else Visibility.PRIVATE)
    talk.save()
    if note.strip():
        private = TalkNote(talk=talk)
        private.attach(user, Visibility.PRIVATE)
        private.text = note.strip()
        private.save()
    return talk


def log_for(user) -> Prepared:
    """Talks the person can see, newest first; each page of them gets only this person's
    own private notes attached."""
    talks = Talk.objects.visible_to(user).select_related("author", "card")
    return Prepared(talks, lambda page: _attach_notes(user, page))


def _attach_notes(user, talks: list[Talk]) -> None:
    notes = {}
    for note in TalkNote.objects.visible_to(user).filter(talk__in=talks).select_related("author"):
        notes.setdefault(note.talk_id, []).append(note)
    for talk in talks:
        talk.my_notes = notes.get(talk.pk, [])
        talk.visible_feeling = talk.feeling_for(user)
