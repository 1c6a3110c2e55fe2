"""The couple's first day: joining mid-day never discards an answer already written that
day; the couple keeps the question one of them has answered."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from nearer.couples.services import forget_state
from nearer.library.loader import load_library
from nearer.questions import services
from nearer.questions.models import Answer, DailyQuestion
from nearer.testing import link, make_user

pytestmark = pytest.mark.django_db

MORNING = datetime(2026, 3, 10, 9, tzinfo=UTC)


@pytest.fixture(autouse=True)
def library():
    load_library(settings.NEARER_CONTENT_DIR)


@pytest.fixture
def two():
    return make_user("ana@example.com", "Ana", "Europe/London"), make_user(
        "bo@example.com", "Bo", "America/New_York"
    )


def test_joining_mid_day_keeps_the_question_already_answered(two, client_for):
    ana, bo = two
    with time_machine.travel(MORNING):
        alone = services.question_for(ana)
        services.answer(ana, alone, "Written before you joined")
    with time_machine.travel(MORNING + timedelta(hours=3)):
        link(ana, bo)
        for person in (bo, ana):
            forget_state(person)
            question = services.question_for(person)
            assert question.item_id == alone.item_id
        view = services.view(ana, services.question_for(ana))
        assert view["mine"].text == "Written before you joined"
        assert not view["revealed"]
        # Bo learns only that Ana has answered, then answers too: the reveal happens.
        bo_page = client_for(bo).get(reverse("questions:today")).content.decode()
        assert escape(alone.item.title) in bo_page and "Your partner has answered" in bo_page
        assert "Written before you joined" not in bo_page
        client_for(bo).post(reverse("questions:today"), {"text": "And mine"})
        ana_page = client_for(ana).get(reverse("questions:today")).content.decode()
        assert "Written before you joined" in ana_page and "And mine" in ana_page
    assert Answer.objects.count() == 2
    assert DailyQuestion.objects.count() == 1  # nothing left behind in "earlier questions"


def test_the_answer_stays_private_until_both_have_answered(two):
    ana, bo = two
    with time_machine.travel(MORNING):
        services.answer(ana, services.question_for(ana), "Private for now")
    with time_machine.travel(MORNING + timedelta(hours=1)):
        link(ana, bo)
        question = services.question_for(bo)
        assert services.view(bo, question)["theirs"] is None
        assert not Answer.objects.visible_to(bo).exists()


def test_when_both_answered_alone_the_first_answer_decides_and_nothing_is_lost(two):
    ana, bo = two
    with time_machine.travel(MORNING):
        first = services.question_for(bo)
        services.answer(bo, first, "Bo, early")
    with time_machine.travel(MORNING + timedelta(minutes=30)):
        services.answer(ana, services.question_for(ana), "Ana, a little later")
    with time_machine.travel(MORNING + timedelta(hours=2)):
        link(ana, bo)
        question = services.question_for(ana)
        assert question.item_id == first.item_id
        assert services.view(bo, question)["mine"].text == "Bo, early"
        history = [a.text for _q, answers in services.history(ana) for a in answers]
        assert "Ana, a little later" in history


def test_without_an_answer_written_alone_the_couple_gets_a_fresh_question(two):
    ana, bo = two
    with time_machine.travel(MORNING):
        services.question_for(ana)  # seen, not answered
        link(ana, bo)
        forget_state(ana, bo)
        question = services.question_for(ana)
        assert question.space.startswith("c")
        assert not question.answers.exists()


def test_an_answer_from_an_earlier_day_is_not_pulled_in(two):
    ana, bo = two
    with time_machine.travel(MORNING - timedelta(days=1)):
        services.answer(ana, services.question_for(ana), "yesterday")
    with time_machine.travel(MORNING):
        link(ana, bo)
        forget_state(ana, bo)
        assert not services.question_for(ana).answers.exists()
    assert Answer.objects.get().text == "yesterday"
