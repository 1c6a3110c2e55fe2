"""Daily check-ins (private unless shared) and the weekly state-of-us meeting."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.urls import reverse

from nearer.checkins import services
from nearer.checkins.models import CheckIn, Meeting, MeetingPrep

pytestmark = pytest.mark.django_db


def test_check_in_is_private_by_default(cast, client_for):
    client_for(cast.a).post(
        reverse("checkins:checkin"), {"mood": 2, "connection": 1, "word": "lonely"}
    )
    assert "lonely" in client_for(cast.a).get(reverse("checkins:checkin")).content.decode()
    assert "lonely" not in client_for(cast.b).get(reverse("checkins:checkin")).content.decode()
    assert client_for(cast.b).get("/api/v1/checkins").json()["items"] == []


def test_a_check_in_can_be_shared(cast, client_for):
    entry = services.check_in(cast.a, 4, 5, "hopeful")
    client_for(cast.a).post(reverse("checkins:checkin_share", args=[entry.pk]))
    assert "hopeful" in client_for(cast.b).get(reverse("checkins:checkin")).content.decode()
    assert (
        client_for(cast.b).post(reverse("checkins:checkin_share", args=[entry.pk])).status_code
        == 404
    )


def test_one_check_in_a_day_in_the_persons_own_zone(cast):
    # 23:30 UTC on 1 March is already 2 March in Auckland (Sol) but 1 March in Paris (Ada).
    with time_machine.travel(datetime(2026, 3, 1, 23, 30, tzinfo=UTC)):
        services.check_in(cast.solo, 3, 3)
        services.check_in(cast.solo, 4, 4)
        services.check_in(cast.a, 3, 3)
    assert CheckIn.objects.get(author=cast.solo).day.isoformat() == "2026-03-02"
    assert CheckIn.objects.get(author=cast.solo).mood == 4
    assert CheckIn.objects.get(author=cast.a).day.isoformat() == "2026-03-02"  # 00:30 in Paris


def test_out_of_range_values_are_refused(cast, client_for):
    response = client_for(cast.a).post(reverse("checkins:checkin"), {"mood": 9, "connection": 1})
    assert response.status_code == 200 and not CheckIn.objects.exists()
    api = client_for(cast.a).post(
        "/api/v1/checkins", {"mood": 0, "connection": 3}, content_type="application/json"
    )
    assert api.status_code == 422


def test_preparation_is_private_and_the_meeting_is_shared(cast, client_for):
    a = client_for(cast.a)
    a.post(reverse("checkins:meeting"), {"prep": "1", "prep-topic": "my private worry"})
    assert b"worry" not in bytes(MeetingPrep.objects.get().content_encrypted)
    assert (
        "my private worry"
        not in client_for(cast.b).get(reverse("checkins:meeting")).content.decode()
    )
    assert client_for(cast.b).get("/api/v1/state-of-us/prep").json()["topic"] == ""
    a.post(
        reverse("checkins:meeting"),
        {"record": "1", "appreciations": "the picnic", "needs": "more sleep"},
    )
    page = client_for(cast.b).get(reverse("checkins:meeting")).content.decode()
    assert "the picnic" in page and "more sleep" in page
    assert Meeting.objects.get().visibility == "shared"


def test_an_empty_meeting_is_explained(cast, client_for):
    response = client_for(cast.a).post(reverse("checkins:meeting"), {"record": "1"})
    assert response.status_code == 200
    assert "at least one part" in response.content.decode()
    assert not Meeting.objects.exists()
