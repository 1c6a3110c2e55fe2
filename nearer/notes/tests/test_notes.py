"""Love notes (now or scheduled, delivered by the worker) and the appreciation jar."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from nearer.notes import services
from nearer.notes.models import Appreciation, Note
from nearer.testing import make_user

pytestmark = pytest.mark.django_db


def test_a_note_now_lands_in_the_partners_inbox_only(cast, client_for):
    client_for(cast.a).post(
        reverse("notes:index"), {"text": "You were lovely today", "when": "now"}
    )
    assert (
        "You were lovely today" in client_for(cast.b).get(reverse("notes:index")).content.decode()
    )
    assert (
        "You were lovely today"
        not in client_for(cast.outsider).get(reverse("notes:index")).content.decode()
    )
    assert b"lovely" not in bytes(Note.objects.get().text_encrypted)


def test_next_morning_is_seven_in_the_partners_zone(cast):
    # Ben lives in New York. At 23:00 UTC on 1 March it is 18:00 there: 07:00 on 2 March.
    with time_machine.travel(datetime(2026, 3, 1, 23, 0, tzinfo=UTC)):
        when = services.next_morning(cast.b)
    assert when.astimezone(cast.b.tz).isoformat() == "2026-03-02T07:00:00-05:00"
    # At 06:30 New York time, the next morning is the same day.
    with time_machine.travel(datetime(2026, 3, 2, 11, 30, tzinfo=UTC)):
        assert services.next_morning(cast.b).astimezone(cast.b.tz).day == 2


@pytest.mark.django_db(transaction=True)
def test_scheduled_note_is_delivered_by_the_worker_at_its_moment(cast, client_for):
    start = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        client_for(cast.a).post(
            reverse("notes:index"), {"text": "Good morning, you", "when": "morning"}
        )
        call_command("db_worker", batch=True, interval=0, verbosity=0)
        note = Note.objects.get()
        assert note.delivered_at is None
        assert (
            "Good morning, you"
            not in client_for(cast.b).get(reverse("notes:index")).content.decode()
        )
        assert client_for(cast.b).get("/api/v1/notes").json()["items"] == []
    # 06:59 in New York: not yet.
    with time_machine.travel(datetime(2026, 3, 2, 11, 59, tzinfo=UTC), tick=False):
        call_command("db_worker", batch=True, interval=0, verbosity=0)
        note.refresh_from_db()
        assert note.delivered_at is None
    # 07:00: delivered.
    with time_machine.travel(datetime(2026, 3, 2, 12, 0, 30, tzinfo=UTC), tick=False):
        call_command("db_worker", batch=True, interval=0, verbosity=0)
        note.refresh_from_db()
        assert note.delivered_at is not None
        assert (
            "Good morning, you" in client_for(cast.b).get(reverse("notes:index")).content.decode()
        )


def test_only_the_author_can_delete_and_nobody_can_edit(cast, client_for):
    note = services.send_note(cast.a, "hello")
    assert client_for(cast.b).post(reverse("notes:delete", args=[note.pk])).status_code == 404
    assert client_for(cast.b).delete(f"/api/v1/notes/{note.pk}").status_code == 404
    assert client_for(cast.a).post(reverse("notes:delete", args=[note.pk])).status_code == 302
    assert not Note.objects.exists()


def test_a_solo_person_cannot_send_notes_and_is_told_why(cast, client_for):
    page = client_for(cast.solo).get(reverse("notes:index")).content.decode()
    assert "When they have joined you" in page
    response = client_for(cast.solo).post(
        "/api/v1/notes", {"text": "hi"}, content_type="application/json"
    )
    assert response.status_code == 409


def test_notes_vanish_for_the_partner_after_leaving(cast, client_for):
    from nearer.couples.services import leave_couple

    services.send_note(cast.a, "before leaving")
    leave_couple(cast.b)
    assert "before leaving" not in client_for(cast.b).get(reverse("notes:index")).content.decode()


def test_api_note_with_a_time_needs_a_zone(cast, client_for):
    response = client_for(cast.a).post(
        "/api/v1/notes",
        {"text": "x", "when": "at", "at": "2030-01-01T07:00:00"},
        content_type="application/json",
    )
    assert response.status_code == 422


def test_the_jar_is_shared_when_linked_and_private_when_solo(cast, client_for):
    client_for(cast.a).post(reverse("notes:jar"), {"text": "the soup you made"})
    assert "the soup you made" in client_for(cast.b).get(reverse("notes:jar")).content.decode()
    client_for(cast.solo).post(reverse("notes:jar"), {"text": "my own quiet thanks"})
    assert Appreciation.objects.get(author=cast.solo).visibility == "private"
    later = make_user("later@example.com", "Later")
    from nearer.testing import link

    link(cast.solo, later)
    assert "my own quiet thanks" not in client_for(later).get(reverse("notes:jar")).content.decode()


def test_empty_note_keeps_the_form(cast, client_for):
    response = client_for(cast.a).post(reverse("notes:index"), {"text": "", "when": "at"})
    assert response.status_code == 200
    assert not Note.objects.exists()


def test_overdue_notes_are_swept(cast):
    note = services.send_note(cast.a, "later", timezone.now() + timedelta(hours=1))
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert services.deliver_due() == 1
    note.refresh_from_db()
    assert note.delivered_at is not None
