"""Received notes come first, and deleting a note asks on a page of its own."""

import pytest
from django.urls import reverse

from nearer.notes import services
from nearer.notes.models import Note

pytestmark = pytest.mark.django_db


def test_deleting_asks_first_and_keeps_the_note_until_confirmed(cast, client_for):
    note = services.send_note(cast.a, "See you soon")
    page = client_for(cast.a).get(reverse("notes:delete", args=[note.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Delete this note?" in html and "See you soon" in html and "Keep it" in html
    assert Note.objects.filter(pk=note.pk).exists()
    assert client_for(cast.b).get(reverse("notes:delete", args=[note.pk])).status_code == 404
    client_for(cast.a).post(reverse("notes:delete", args=[note.pk]))
    assert not Note.objects.filter(pk=note.pk).exists()


def test_received_notes_come_before_the_writing_form(cast, client_for):
    services.send_note(cast.b, "Thinking of you")
    html = client_for(cast.a).get(reverse("notes:index")).content.decode()
    assert html.index("Thinking of you") < html.index('id="write-heading"')
