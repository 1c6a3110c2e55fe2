"""The demo couple arrives with three weeks of life, dated relative to today."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from nearer.accounts.models import User
from nearer.checkins.models import CheckIn, Meeting
from nearer.library.loader import load_library
from nearer.notes.models import Note
from nearer.plans.models import StepLog
from nearer.plans.services import today_for
from nearer.questions import services as questions
from nearer.questions.models import Answer, Reaction
from nearer.talks.models import Talk
from nearer.testing import make_user
from nearer.timeline.models import Moment

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(client):
    load_library(settings.NEARER_CONTENT_DIR)
    call_command("seed_demo", stdout=StringIO())
    return User.objects.get(email="alex@example.com"), User.objects.get(email="sam@example.com")


def test_demo_couple_has_three_weeks_of_life(seeded):
    alex, sam = seeded
    plan = today_for(alex)
    assert plan.enrollment is not None and plan.index >= 20
    assert StepLog.objects.filter(enrollment__user=alex, status="done").count() >= 15
    revealed = [
        a for a in Answer.objects.filter(author=alex) if questions.is_revealed(a.question, alex)
    ]
    assert len(revealed) >= 10
    assert (
        Reaction.objects.filter(author=sam).exists()
        and Reaction.objects.filter(author=alex).exists()
    )
    assert Note.objects.filter(delivered_at__isnull=False).count() >= 5
    assert CheckIn.objects.filter(author=alex).count() == 20
    assert Talk.objects.count() == 3 and Meeting.objects.count() == 2
    assert Moment.objects.count() == 4


def test_demo_life_is_dated_relative_to_today(seeded):
    alex, _sam = seeded
    now = timezone.now()
    days = sorted(CheckIn.objects.filter(author=alex).values_list("day", flat=True))
    local_today = now.astimezone(alex.tz).date()
    assert days[-1] == local_today - timedelta(days=1)
    assert days[0] == local_today - timedelta(days=20)
    assert not Note.objects.filter(deliver_at__gt=now).exists()


def test_today_shows_a_question_waiting_for_alex(seeded, client):
    alex, _sam = seeded
    view = questions.view(alex, questions.question_for(alex))
    assert view["mine"] is None and view["partner_answered"]


def test_seed_never_touches_a_database_with_real_accounts():
    make_user("real@example.com", "Real")
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "not created" in out.getvalue()
    assert User.objects.count() == 1 and not Answer.objects.exists()


# Seeded just after midnight UTC, the demo once dated "today" at 20:00 UTC, hours ahead:
# the couple's question day (Alex's, London, from 04:00) was still yesterday, so Alex found
# yesterday's revealed answers instead of a question waiting for an answer.
@pytest.mark.parametrize("clock", ["00:11", "03:59", "04:01", "12:00", "19:59", "20:30", "23:50"])
def test_demo_today_is_today_whatever_the_hour(clock):
    load_library(settings.NEARER_CONTENT_DIR)
    with time_machine.travel(f"2026-11-27 {clock}:00 +0000", tick=False):
        call_command("seed_demo", stdout=StringIO())
        alex = User.objects.get(email="alex@example.com")
        sam = User.objects.get(email="sam@example.com")
        now = timezone.now()
        question = questions.question_for(alex)
        authors = set(question.answers.values_list("author", flat=True))
        assert authors == {sam.pk}  # Sam answered today, Alex has not yet
        assert not Answer.objects.filter(created_at__gt=now).exists()
        assert not CheckIn.objects.filter(created_at__gt=now).exists()
        assert not Note.objects.filter(deliver_at__gt=now).exists()
        days = sorted(CheckIn.objects.filter(author=alex).values_list("day", flat=True))
        assert len(set(days)) == len(days) == 20
