"""Our disconnect cycle: private episodes, the pattern in one's own words, the EFT shapes
as possibilities, shared maps and the joint view."""

import pytest
from django.db import connection
from django.urls import reverse

from nearer import registry
from nearer.couples.services import leave_couple
from nearer.cycle import services
from nearer.cycle.models import CycleMap, Episode

pytestmark = pytest.mark.django_db


def episode(user, **data):
    return services.log_episode(user, {"happened": "It happened", **data})


def test_episode_is_private_and_encrypted(cast, client_for):
    response = client_for(cast.a).post(
        reverse("cycle:episode_new"),
        {"happened": "Phone at dinner again", "feelings": "Lonely, unseen", "my_move": "reach"},
    )
    assert response.status_code == 302
    saved = Episode.objects.get()
    assert saved.visibility == "private"
    assert saved.content["happened"] == "Phone at dinner again"
    assert saved.words["feelings"] == ["lonely", "unseen"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT content_encrypted, words_encrypted FROM cycle_episode")
        raw = b"".join(bytes(col) for row in cursor.fetchall() for col in row)
    assert b"Phone" not in raw and b"lonely" not in raw
    assert "Phone at dinner" not in client_for(cast.b).get(reverse("cycle:index")).content.decode()


def test_episode_needs_what_happened_and_keeps_the_rest(cast, client_for):
    response = client_for(cast.a).post(reverse("cycle:episode_new"), {"felt": "keep me"})
    assert response.status_code == 200 and "keep me" in response.content.decode()
    assert not Episode.objects.exists()


def test_pattern_shows_only_what_recurs_in_own_words(cast):
    episode(cast.a, trigger="Late home", feelings="alone, scared", needs="reassurance")
    episode(cast.a, trigger="late  HOME", feelings="alone", needs="reassurance, space")
    episode(cast.a, trigger="money", feelings="angry")
    episode(cast.b, trigger="late home", feelings="alone")
    pattern = services.pattern_for(cast.a)
    assert pattern.episodes == 3
    assert pattern.triggers == [("late home", 2)]
    assert pattern.feelings == [("alone", 2)]
    assert pattern.needs == [("reassurance", 2)]


@pytest.mark.parametrize(
    ("moves", "shape"),
    [
        (("reach", "withdraw"), "Pursue and withdraw"),
        (("withdraw", "reach"), "Pursue and withdraw"),
        (("attack", "attack"), "Attack and attack"),
        (("reach", "attack"), "Attack and attack"),
        (("withdraw", "withdraw"), "Withdraw and withdraw"),
    ],
)
def test_eft_shapes_are_named_as_possibilities_after_two_episodes(cast, client_for, moves, shape):
    mine, theirs = moves
    episode(cast.a, my_move=mine, their_move=theirs)
    assert services.pattern_for(cast.a).shapes == []
    episode(cast.a, my_move=mine, their_move=theirs)
    shapes = services.pattern_for(cast.a).shapes
    assert [str(s[0]) for s in shapes] == [shape]
    page = client_for(cast.a).get(reverse("cycle:index")).content.decode()
    assert shape in page and "never what is wrong with one of you" in page
    assert "diagnos" not in page.lower()


def test_unclear_moves_name_no_shape(cast):
    for _n in range(3):
        episode(cast.a, my_move="other", their_move="withdraw")
    assert services.pattern_for(cast.a).shapes == []


def test_our_cycle_needs_both_maps_shared(cast, client_for):
    services.save_map(cast.a, {"trigger": "you are late", "need": "to matter"})
    services.save_map(cast.b, {"trigger": "questions at the door", "need": "calm"})
    assert services.ours(cast.a) is None
    services.share_map(cast.a)
    assert services.ours(cast.a) is None and services.ours(cast.b) is None
    page_b = client_for(cast.b).get(reverse("cycle:ours")).content.decode()
    assert "you are late" not in page_b
    client_for(cast.b).post(reverse("cycle:map_share"))
    mine, theirs = services.ours(cast.a)
    assert (mine.author, theirs.author) == (cast.a, cast.b)
    page_a = client_for(cast.a).get(reverse("cycle:ours")).content.decode()
    assert "questions at the door" in page_a and "A repair conversation" in page_a
    client_for(cast.b).post(reverse("cycle:map_unshare"))
    assert services.ours(cast.a) is None
    assert (
        "questions at the door"
        not in client_for(cast.a).get(reverse("cycle:ours")).content.decode()
    )


def test_our_cycle_ends_when_either_leaves(cast):
    for person in (cast.a, cast.b):
        services.save_map(person, {"trigger": "x"})
        services.share_map(person)
    leave_couple(cast.a)
    cast.fresh()
    assert services.ours(cast.a) is None and services.ours(cast.b) is None


def test_solo_cannot_share_a_map(cast, client_for):
    services.save_map(cast.solo, {"trigger": "x"})
    client_for(cast.solo).post(reverse("cycle:map_share"))
    assert CycleMap.objects.get().visibility == "private"


def test_map_form_saves_and_edits(cast, client_for):
    client = client_for(cast.a)
    client.post(reverse("cycle:map"), {"trigger": "first", "need": "rest"})
    client.post(reverse("cycle:map"), {"trigger": "second"})
    assert CycleMap.objects.get().content["trigger"] == "second"
    assert "second" in client.get(reverse("cycle:map")).content.decode()


def test_registered_and_exported(cast):
    assert registry.entry_for(Episode).encrypted == ("content", "words")
    assert registry.entry_for(CycleMap).encrypted == ("content",)
    data = episode(cast.a, felt="small", feelings="small").export_data()
    assert data["felt"] == "small" and data["feelings"] == ["small"]
    assert services.save_map(cast.a, {"need": "calm"}).export_data()["need"] == "calm"


def test_map_page_puts_safety_first_for_someone_in_danger(cast, client_for, monkeypatch):
    from nearer.safety import services as safety

    services.save_map(cast.a, {"trigger": "x"})
    services.save_map(cast.b, {"trigger": "y"})
    page = client_for(cast.a).get(reverse("cycle:map")).content.decode()
    assert "you never need to share this" not in page
    monkeypatch.setattr(safety, "in_danger", lambda user: user == cast.a)
    page = client_for(cast.a).get(reverse("cycle:map")).content.decode()
    assert "you never need to share this" in page
    assert (
        "you never need to share this"
        not in client_for(cast.b).get(reverse("cycle:map")).content.decode()
    )
