from django.tasks import task
from django.utils import timezone

from nearer.notes import services
from nearer.notes.models import Note


@task()
def deliver_note(note_id: int) -> bool:
    note = Note.objects.filter(pk=note_id).first()
    if note is None or note.deliver_at > timezone.now():
        return False
    services.deliver_due()  # this one, and any that a stopped worker missed
    return True


@task()
def deliver_due_notes() -> int:
    """Periodic chore (nearer/background/chores.py): deliver notes a stopped worker missed."""
    return services.deliver_due()
