"""``seed_scale``: couples with a year of activity that the app reads like its own rows."""

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from nearer.accounts.models import User
from nearer.couples.services import state_of
from nearer.library.loader import load_library
from nearer.notes.models import Note
from nearer.questions.models import Answer

pytestmark = pytest.mark.django_db


def test_seeds_linked_couples_whose_rows_the_app_can_read(client):
    load_library(settings.NEARER_CONTENT_DIR)
    call_command("seed_scale", couples=3, batch=2, days=60, verbosity=0)
    assert User.objects.filter(email__startswith="scale-").count() == 6
    a = User.objects.get(email="scale-0-a@example.test")
    b = User.objects.get(email="scale-0-b@example.test")
    assert state_of(a).partner == b
    note = Note.objects.filter(recipient=b).first()
    assert note.text.endswith(".")
    assert note.text.encode() not in bytes(note.text_encrypted)
    assert Answer.objects.filter(author=a).exists()
    assert client.login(email=b.email, password="bench-password-0451")
    assert client.get("/today/").status_code == 200
    assert note.text in client.get("/notes/").content.decode()  # the newest note comes first
    # a second run adds further couples instead of clashing with the first
    call_command("seed_scale", couples=1, days=60, verbosity=0)
    assert User.objects.filter(email="scale-3-a@example.test").exists()


def test_refuses_an_empty_library():
    with pytest.raises(CommandError, match="library is empty"):
        call_command("seed_scale", couples=1, verbosity=0)
