"""Dreams board (both-held dreams highlighted), goals with steps, private growth goals."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from nearer import registry
from nearer.dreams import services
from nearer.dreams.models import Dream, Goal, GoalStep, Hold

pytestmark = pytest.mark.django_db


def test_dreams_are_shared_encrypted_and_both_held_ones_highlighted(cast, client_for):
    client_for(cast.a).post(reverse("dreams:board"), {"text": "A year in Lisbon"})
    services.add_dream(cast.a, "Learn to sail")
    lisbon = Dream.objects.order_by("id").first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT text_encrypted FROM dreams_dream")
        assert all(b"Lisbon" not in bytes(row[0]) for row in cursor.fetchall())
    assert not any(d.both_hold for d in services.board(cast.b))
    client_for(cast.b).post(reverse("dreams:hold", kwargs={"pk": lisbon.pk}))
    board = services.board(cast.a)
    assert board[0].pk == lisbon.pk and board[0].both_hold
    assert [d.both_hold for d in services.board(cast.b)] == [True, False]
    page = client_for(cast.a).get(reverse("dreams:board")).content.decode()
    assert "You both hold this" in page
    client_for(cast.b).post(reverse("dreams:hold", kwargs={"pk": lisbon.pk}))
    assert not Hold.objects.exists()


def test_author_cannot_hold_own_dream_and_outsiders_see_nothing(cast, client_for):
    dream = services.add_dream(cast.a, "A garden")
    assert (
        client_for(cast.a).post(reverse("dreams:hold", kwargs={"pk": dream.pk})).status_code == 404
    )
    assert "A garden" not in client_for(cast.outsider).get(reverse("dreams:board")).content.decode()


def test_solo_dreams_are_private(cast):
    assert services.add_dream(cast.solo, "quiet mornings").visibility == "private"


def test_growth_goal_is_private_unless_shared_and_together_goal_is_shared(cast, client_for):
    client_for(cast.a).post(
        reverse("dreams:goals"), {"kind": "growth", "title": "Learn to say no", "target": ""}
    )
    client_for(cast.a).post(
        reverse("dreams:goals"),
        {"kind": "self_care", "title": "Swim weekly", "target": "2026-12-01", "share": "on"},
    )
    client_for(cast.a).post(
        reverse("dreams:goals"), {"kind": "together", "title": "Save for a trip"}
    )
    visibilities = {g.title: g.visibility for g in Goal.objects.all()}
    assert visibilities == {
        "Learn to say no": "private",
        "Swim weekly": "shared",
        "Save for a trip": "shared",
    }
    page_b = client_for(cast.b).get(reverse("dreams:goals")).content.decode()
    assert "Swim weekly" in page_b and "Save for a trip" in page_b
    assert "Learn to say no" not in page_b


def test_steps_with_dates_follow_their_goal(cast, client_for):
    private = services.add_goal(cast.a, "growth", "Read more", None, False)
    shared = services.add_goal(cast.a, "together", "Plan the move", None, True)
    client_for(cast.a).post(
        reverse("dreams:add_step", kwargs={"pk": private.pk}),
        {"text": "One chapter", "due": "2026-05-01"},
    )
    client_for(cast.a).post(
        reverse("dreams:add_step", kwargs={"pk": shared.pk}), {"text": "Call agents"}
    )
    steps = {s.text: s for s in GoalStep.objects.all()}
    assert steps["One chapter"].visibility == "private" and steps["One chapter"].due == date(
        2026, 5, 1
    )
    assert steps["Call agents"].visibility == "shared"
    page_b = client_for(cast.b).get(reverse("dreams:goals")).content.decode()
    assert "Call agents" in page_b and "One chapter" not in page_b
    # Only the author ticks their step; the partner gets 404.
    url = reverse("dreams:toggle_step", kwargs={"pk": steps["Call agents"].pk})
    assert client_for(cast.b).post(url).status_code == 404
    client_for(cast.a).post(url)
    assert GoalStep.objects.get(text_encrypted=steps["Call agents"].text_encrypted).done


def test_bad_step_input_gets_a_message(cast, client_for):
    goal = services.add_goal(cast.a, "together", "x goal", None, True)
    response = client_for(cast.a).post(
        reverse("dreams:add_step", kwargs={"pk": goal.pk}), {"text": "", "due": "nope"}, follow=True
    )
    assert response.status_code == 200 and not GoalStep.objects.exists()


def test_registered_and_exported(cast):
    for model in (Dream, Hold, Goal, GoalStep):
        assert registry.entry_for(model) is not None
    goal = services.add_goal(cast.a, "growth", "Rest", date(2026, 1, 2), False)
    services.add_step(cast.a, goal, "Nap", None)
    data = goal.export_data()
    assert data["goal"] == "Rest" and data["steps"] == [{"step": "Nap", "by": "", "done": False}]
