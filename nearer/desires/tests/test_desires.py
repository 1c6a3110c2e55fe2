"""Desires without judgment: private answers, the mutual yes/maybe rule over every
combination, no trace of a "no", and nothing that moves on the partner's side."""

import itertools
import re

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from nearer import registry
from nearer.couples.services import leave_couple
from nearer.desires import services
from nearer.desires.models import Answer
from nearer.library.loader import load_library
from nearer.library.models import Item

pytestmark = pytest.mark.django_db

STATES = ["", "yes", "maybe", "no"]  # "" = not answered


@pytest.fixture
def library():
    load_library(settings.NEARER_CONTENT_DIR)


def test_the_list_is_tender_original_content(library):
    items = list(services.the_list())
    assert len(items) >= 40
    assert all(" tender " in item.tags for item in items)


def body_of(response):
    """The page without its per-request CSRF token and CSP nonce."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return re.sub(r'nonce="[^"]+"', "", page)


def test_mutual_rule_over_every_combination(library, cast, client_for):
    """One item per combination of (A's answer, B's answer), all at once: each is shown to
    both exactly when both said yes or maybe, and to nobody otherwise."""
    items = list(services.the_list())
    combos = list(itertools.product(STATES, STATES))
    assert len(items) >= len(combos)
    expected = set()
    for item, (a_says, b_says) in zip(items, combos, strict=False):
        if a_says:
            services.answer(cast.a, item.key, a_says)
        if b_says:
            services.answer(cast.b, item.key, b_says)
        if a_says in ("yes", "maybe") and b_says in ("yes", "maybe"):
            expected.add(item.key)
    assert {i.key for i in services.together(cast.a)} == expected
    assert {i.key for i in services.together(cast.b)} == expected
    assert len(expected) == 4
    page_a = client_for(cast.a).get(reverse("desires:together")).content.decode()
    for item in items:
        assert (item.title in page_a) == (item.key in expected), item.key


@pytest.mark.parametrize("b_says", STATES)
@pytest.mark.parametrize("a_says", STATES)
def test_partner_side_changes_only_on_a_shared_yes_or_maybe(
    library, cast, client_for, a_says, b_says
):
    item = services.the_list().first()
    if b_says:
        services.answer(cast.b, item.key, b_says)
    ben = client_for(cast.b)
    before = [body_of(ben.get(reverse(n))) for n in ("desires:index", "desires:together")]
    if a_says:
        services.answer(cast.a, item.key, a_says)
    after = [body_of(ben.get(reverse(n))) for n in ("desires:index", "desires:together")]
    # B's own list never moves when A answers.
    assert after[0] == before[0]
    both_open = a_says in ("yes", "maybe") and b_says in ("yes", "maybe")
    assert (after[1] != before[1]) == both_open
    assert (item.title in after[1]) == both_open


def test_answers_change_any_time_and_a_no_withdraws_the_match(library, cast):
    key = services.the_list().first().key
    services.answer(cast.a, key, "yes")
    services.answer(cast.b, key, "maybe")
    assert [i.key for i in services.together(cast.b)] == [key]
    services.answer(cast.a, key, "no")
    assert services.together(cast.b) == []
    services.answer(cast.a, key, "maybe")
    assert [i.key for i in services.together(cast.b)] == [key]
    services.answer(cast.a, key, "")
    assert services.together(cast.b) == []
    assert not Answer.objects.owned_by(cast.a).exists()


def test_the_form_saves_my_answers_privately(library, cast, client_for):
    first, second = list(services.the_list()[:2])
    response = client_for(cast.a).post(
        reverse("desires:index"),
        {f"item-{first.key}": "yes", f"item-{second.key}": "no", "item-w-nope": "yes"},
    )
    assert response.status_code == 302
    assert services.answers_of(cast.a) == {first.pk: "yes", second.pk: "no"}
    assert services.answers_of(cast.b) == {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT choice_encrypted FROM desires_answer")
        stored = [bytes(row[0]) for row in cursor.fetchall()]
    assert all(b"yes" not in raw and b"no" not in raw for raw in stored)
    page = client_for(cast.a).get(reverse("desires:index")).content.decode()
    assert f'name="item-{first.key}" value="yes" checked' in page


def test_bad_values_are_ignored_without_error(library, cast, client_for):
    key = services.the_list().first().key
    response = client_for(cast.a).post(reverse("desires:index"), {f"item-{key}": "definitely"})
    assert response.status_code == 302
    assert services.answers_of(cast.a) == {}
    with pytest.raises(services.NotOnTheList):
        services.answer(cast.a, "q-not-a-desire", "yes")


def test_no_partner_no_overlap(library, cast, client_for):
    key = services.the_list().first().key
    services.answer(cast.a, key, "yes")
    services.answer(cast.b, key, "yes")
    leave_couple(cast.a)
    assert services.together(cast.a) == services.together(cast.b) == []
    assert client_for(cast.b).get(reverse("desires:together")).status_code == 200


def test_gentle_mode_hides_the_shared_list(library, cast, client_for, monkeypatch):
    item = services.the_list().first()
    services.answer(cast.a, item.key, "yes")
    services.answer(cast.b, item.key, "yes")
    assert item.title in client_for(cast.b).get(reverse("desires:together")).content.decode()
    monkeypatch.setattr(services, "gentle_mode_on", lambda user: True)
    page = client_for(cast.b).get(reverse("desires:together")).content.decode()
    assert item.title not in page
    assert "resting" in page


def test_registered_owner_only_with_encrypted_choice(library, cast):
    entry = registry.entry_for(Answer)
    assert entry.rule == registry.Rule.OWNER_ONLY and entry.encrypted == ("choice",)
    key = services.the_list().first().key
    services.answer(cast.a, key, "maybe")
    data = Answer.objects.owned_by(cast.a).get().export_data()
    assert data["my_answer"] == "Maybe"
    assert data["way_to_be_close"] == Item.objects.get(key=key).title
    assert not Answer.objects.owned_by(cast.b).exists()


def test_api_answers_privately_and_shows_only_the_overlap(library, cast, client_for):
    first, second = list(services.the_list()[:2])
    ada, ben = client_for(cast.a), client_for(cast.b)
    put = lambda c, key, answer: c.put(  # noqa: E731
        f"/api/v1/desires/{key}/answer", {"answer": answer}, content_type="application/json"
    )
    assert put(ada, first.key, "yes").json()["my_answer"] == "yes"
    put(ada, second.key, "no")
    put(ben, first.key, "maybe")
    put(ben, second.key, "yes")
    assert ben.get("/api/v1/desires/together").json() == {
        "resting": False,
        "both_open_to": [first.title],
    }
    mine = {d["key"]: d["my_answer"] for d in ben.get("/api/v1/desires").json()}
    assert mine[first.key] == "maybe" and mine[second.key] == "yes"
    assert put(ada, "q-not-a-desire", "yes").status_code == 404
    assert put(ada, first.key, "definitely").status_code == 422
