"""Writing, scheduling and delivering notes; the appreciation jar.

A scheduled note is delivered by the worker at its moment (``deliver_note`` is enqueued to
run then); ``deliver_due`` also sweeps anything overdue, so a worker that was down catches up.
Delivery puts the note in the partner's inbox; the Reminders work adds other channels.
"""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from nearer.couples import shared
from nearer.couples.services import state_of
from nearer.library.models import Item
from nearer.notes.models import Appreciation, Note
from nearer.visibility import Visibility

MORNING = time(7, 0)
# One fresh starter a day keeps a year of daily visits free of repeats: every couple has at
# least 400 fitting starters (nearer/library/tests/test_year_simulation.py); three a day
# would run out after about four months.
STARTERS_A_DAY = 1


class NoteError(Exception):
    pass


def starter(key: str) -> Item | None:
    """The note starter a person chose (from a plan step or the library) to fill the form."""
    if not key:
        return None
    return Item.objects.current().filter(kind="note", key=key).first()


def next_morning(person, now: datetime | None = None) -> datetime:
    """The next 07:00 in ``person``'s own time zone."""
    now = (now or timezone.now()).astimezone(person.tz)
    candidate = datetime.combine(now.date(), MORNING, tzinfo=person.tz)
    if candidate <= now:
        candidate = datetime.combine(now.date() + timedelta(days=1), MORNING, tzinfo=person.tz)
    return candidate


def starters(user) -> list:
    """Today's note starter for this person's space: it fits what both partners share
    (gentle mode honoured) and the couple has not seen it within a year (couples/shared)."""
    pool = Item.objects.current().filter(kind="note")
    return shared.draw(user, "starters", pool, count=STARTERS_A_DAY)


def send_note(user, text: str, when: datetime | None = None) -> Note:
    from nearer.notes.tasks import deliver_note

    partner = state_of(user).partner
    if partner is None:
        raise NoteError("no partner")
    note = Note(recipient=partner, deliver_at=when or timezone.now())
    note.attach(user, Visibility.SHARED)
    note.text = text.strip()
    note.save()
    if note.deliver_at <= timezone.now():
        deliver(note)
    else:
        transaction.on_commit(
            lambda: deliver_note.using(run_after=note.deliver_at).enqueue(note.pk)
        )
    return note


def deliver(note: Note) -> bool:
    return bool(
        Note.objects.filter(pk=note.pk, delivered_at__isnull=True).update(
            delivered_at=timezone.now()
        )
    )


def deliver_due() -> int:
    return sum(deliver(note) for note in Note.objects.due())


def add_appreciation(user, text: str) -> Appreciation:
    """Shared with the partner when there is one; a solo person's jar stays private."""
    linked = state_of(user).is_linked
    item = Appreciation()
    item.attach(user, Visibility.SHARED if linked else Visibility.PRIVATE)
    item.text = text.strip()
    item.save()
    return item
