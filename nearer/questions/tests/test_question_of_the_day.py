"""Question of the day: the same question for both, private until both answered, never
repeated within a year, and a day that survives time zones and daylight saving."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from nearer.couples.shared import context_for, fits
from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.questions import services
from nearer.questions.models import Answer, DailyQuestion
from nearer.testing import link, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def library():
    load_library(settings.NEARER_CONTENT_DIR)


@pytest.fixture
def far_apart():
    """Partners 23 hours apart: Auckland (UTC+13 in January) and Honolulu (UTC-10)."""
    kiri = make_user("kiri@example.com", "Kiri", "Pacific/Auckland")
    hale = make_user("hale@example.com", "Hale", "Pacific/Honolulu")
    link(kiri, hale)
    return kiri, hale


def test_partners_far_apart_share_one_question_all_day(far_apart):
    kiri, hale = far_apart
    for hour in range(0, 48, 3):
        moment = datetime(2026, 1, 10, 0, 0, tzinfo=UTC) + timedelta(hours=hour)
        with time_machine.travel(moment):
            assert services.question_for(kiri) == services.question_for(hale)


def test_the_day_follows_the_anchor_and_turns_at_four_in_the_morning(far_apart):
    kiri, hale = far_apart  # Kiri joined first: Auckland time is the couple's clock
    # 03:59 on 11 January in Auckland is still the 10th's question...
    with time_machine.travel(datetime(2026, 1, 10, 14, 59, tzinfo=UTC)):
        assert services.question_for(hale).day.isoformat() == "2026-01-10"
    # ...and at 04:00 the 11th begins, for both.
    with time_machine.travel(datetime(2026, 1, 10, 15, 0, tzinfo=UTC)):
        assert services.question_for(hale).day.isoformat() == "2026-01-11"
        assert services.question_for(kiri).day.isoformat() == "2026-01-11"


@pytest.mark.parametrize(
    ("zone", "start"),
    [
        ("Pacific/Auckland", datetime(2026, 4, 2, 12, tzinfo=UTC)),  # DST ends 5 April
        ("Pacific/Auckland", datetime(2026, 9, 24, 12, tzinfo=UTC)),  # DST starts 27 Sept
        ("Europe/London", datetime(2026, 3, 26, 12, tzinfo=UTC)),  # DST starts 29 March
        ("America/New_York", datetime(2026, 10, 29, 12, tzinfo=UTC)),  # DST ends 1 November
    ],
)
def test_daylight_saving_changes_neither_skip_nor_repeat_a_day(zone, start):
    anchor = make_user("anchor@example.com", "Anchor", zone)
    link(anchor, make_user("other@example.com", "Other", "Asia/Kolkata"))
    days = []
    for hour in range(0, 24 * 8):
        with time_machine.travel(start + timedelta(hours=hour)):
            days.append(services.question_for(anchor).day)
    distinct = sorted(set(days))
    assert [(b - a).days for a, b in zip(distinct, distinct[1:], strict=False)] == [1] * (
        len(distinct) - 1
    )
    assert len(distinct) in (8, 9)
    assert DailyQuestion.objects.count() == len(distinct)


def test_no_question_repeats_within_a_year(far_apart):
    kiri, _hale = far_apart
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    seen = []
    for day in range(366):
        with time_machine.travel(start + timedelta(days=day)):
            seen.append(services.question_for(kiri).item_id)
    ctx = context_for(kiri)
    fitting = [q for q in Item.objects.current().filter(kind="question") if fits(q, ctx)]
    # Never a repeat while fitting questions remain; never one written for someone else.
    assert len(set(seen[:365])) == min(365, len(fitting))
    assert set(seen) <= {q.pk for q in fitting}


def test_depth_grows_with_time(far_apart):
    kiri, _hale = far_apart
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    depths = []
    for day in range(60):
        with time_machine.travel(start + timedelta(days=day)):
            depths.append(services.question_for(kiri).item.data["depth"])
    assert set(depths[:14]) == {"light"}
    assert "deep" not in depths[14:42]
    assert "deep" in depths[42:]


def test_one_partners_private_situation_never_shapes_the_shared_question(far_apart):
    from nearer.plans.services import save_intake

    kiri, hale = far_apart
    save_intake(kiri, {"situations": ["after_betrayal"]}, {"after_betrayal": "was_hurt"})
    save_intake(hale, {"situations": ["long_distance"]}, {})
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(40):
        with time_machine.travel(start + timedelta(days=day)):
            tags = services.question_for(kiri).item.tags
            assert " situation:after_betrayal " not in tags or " situation:all " in tags
            assert " situation:long_distance " not in tags or " situation:all " in tags


def test_seasons_with_private_roles_never_steer_the_shared_question(far_apart):
    from nearer.plans.services import save_intake

    kiri, hale = far_apart
    save_intake(kiri, {"situations": ["recovery", "long_distance"]}, {"recovery": "in_recovery"})
    save_intake(hale, {"situations": ["recovery", "long_distance"]}, {"recovery": "supporting"})
    assert context_for(kiri).situations == frozenset()  # nothing marked "see together"
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(40):
        with time_machine.travel(start + timedelta(days=day)):
            tags = services.question_for(kiri).item.tags
            assert " situation:recovery " not in tags or " situation:all " in tags


def test_answers_stay_private_until_both_have_answered(far_apart, client_for):
    kiri, hale = far_apart
    k, h = client_for(kiri), client_for(hale)
    k.post(reverse("questions:today"), {"text": "Kiri secret thought"})
    for response in (
        h.get(reverse("questions:today")),
        h.get(reverse("questions:history")),
        h.get(reverse("today")),
        h.get("/api/v1/question"),
        h.get("/api/v1/question/history"),
    ):
        assert "Kiri secret thought" not in response.content.decode()
    api = h.get("/api/v1/question").json()
    assert (
        api["partner_answered"] is True
        and api["partner_answer"] is None
        and api["revealed"] is False
    )
    assert (
        "Your partner has answered. Your turn" in h.get(reverse("questions:today")).content.decode()
    )
    # The one thing Hale learns carries no content and no time.
    assert set(api) == {
        "day",
        "question",
        "library_key",
        "my_answer",
        "partner_answered",
        "revealed",
        "partner_answer",
    }

    h.put("/api/v1/question/answer", {"text": "Hale reply"}, content_type="application/json")
    assert "Kiri secret thought" in h.get(reverse("questions:today")).content.decode()
    assert "Hale reply" in k.get(reverse("questions:today")).content.decode()
    assert h.get("/api/v1/question").json()["partner_answer"]["text"] == "Kiri secret thought"


def test_answers_are_encrypted_at_rest(far_apart):
    kiri, _ = far_apart
    answer = services.answer(kiri, services.question_for(kiri), "very private words")
    assert b"very private" not in bytes(Answer.objects.get(pk=answer.pk).text_encrypted)


def test_an_answer_can_change_until_the_reveal_only(far_apart, client_for):
    kiri, hale = far_apart
    question = services.question_for(kiri)
    services.answer(kiri, question, "first draft")
    services.answer(kiri, question, "second draft")
    assert Answer.objects.get(author=kiri).text == "second draft"
    services.answer(hale, question, "mine")
    with pytest.raises(services.AnswerError):
        services.answer(kiri, question, "third draft")
    response = client_for(kiri).put(
        "/api/v1/question/answer", {"text": "x"}, content_type="application/json"
    )
    assert response.status_code == 409
    assert Answer.objects.get(author=kiri).text == "second draft"


def test_reactions_and_replies_after_the_reveal(far_apart, client_for):
    kiri, hale = far_apart
    question = services.question_for(kiri)
    kiris = services.answer(kiri, question, "a memory")
    h = client_for(hale)
    # Before the reveal Hale cannot react: the answer is not visible to them.
    assert h.post(reverse("questions:react", args=[kiris.pk]), {"kind": "heart"}).status_code == 404
    services.answer(hale, question, "another memory")
    assert (
        h.post(
            reverse("questions:react", args=[kiris.pk]), {"kind": "hug", "reply": "me too"}
        ).status_code
        == 302
    )
    page = client_for(kiri).get(reverse("questions:today")).content.decode()
    assert "Sending a hug" in page and "me too" in page
    bad = h.post(
        f"/api/v1/question/answers/{kiris.pk}/reaction",
        {"kind": "nope"},
        content_type="application/json",
    )
    assert bad.status_code == 422


def test_empty_answer_is_refused_without_losing_anything(far_apart, client_for):
    kiri, _ = far_apart
    response = client_for(kiri).post(reverse("questions:today"), {"text": "   "})
    assert response.status_code == 200
    assert not Answer.objects.exists()


def test_solo_person_answers_alone_and_can_share_later(client_for):
    solo = make_user("solo@example.com", "Solo")
    answer = services.answer(solo, services.question_for(solo), "thinking of us")
    partner = make_user("later@example.com", "Later")
    link(solo, partner)
    assert (
        "thinking of us"
        not in client_for(partner).get(reverse("questions:history")).content.decode()
    )
    client_for(solo).post(reverse("questions:share", args=[answer.pk]))
    assert (
        "thinking of us" in client_for(partner).get(reverse("questions:history")).content.decode()
    )


def test_question_pages_query_counts(far_apart, client_for, django_assert_max_num_queries):
    kiri, hale = far_apart
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    for day in range(20):
        with time_machine.travel(start + timedelta(days=day)):
            question = services.question_for(kiri)
            services.answer(kiri, question, f"k{day}")
            services.answer(hale, question, f"h{day}")
    client = client_for(kiri)
    with time_machine.travel(start + timedelta(days=19)):
        with django_assert_max_num_queries(12):
            client.get(reverse("questions:today"))
        with django_assert_max_num_queries(10):
            client.get(reverse("questions:history"))
