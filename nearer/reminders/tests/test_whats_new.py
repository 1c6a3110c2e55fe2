"""What's new on Today: each thing once, no words anyone wrote, and no read receipts."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from nearer.dates import services as dates
from nearer.notes import services as notes
from nearer.reminders.models import Shown

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 10, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fixed_now():
    with time_machine.travel(NOW, tick=False):
        yield


def _new_section(page: bytes) -> str:
    html = page.decode()
    match = re.search(
        r'<section class="card" aria-labelledby="new-heading">.*?</section>', html, re.S
    )
    return match.group(0) if match else ""


def _without_tokens(page: bytes) -> str:
    # CSRF tokens and CSP nonces change on every response; nothing else may.
    return re.sub(r'(value|nonce)="[^"]{16,}"', "", page.decode())


def test_each_new_thing_shows_once_without_anyones_words(cast, client_for):
    from tests.routes import _library_key

    _library_key()
    notes.send_note(cast.a, "the secret word is pamplemousse")
    proposal = dates.propose(cast.a, [NOW + timedelta(days=3)], title="Kayaking at dawn")
    from nearer.questions import services as questions

    questions.answer(cast.a, questions.question_for(cast.a), "my answer is rhubarb")
    ada_before = _without_tokens(client_for(cast.a).get(reverse("today")).content)

    first = _new_section(client_for(cast.b).get(reverse("today")).content)
    assert "A note from Ada arrived." in first
    assert "Ada proposed a date." in first
    assert "Ada has answered today&#x27;s question." in first
    assert reverse("dates:detail", args=[proposal.pk]) in first
    for word in ("pamplemousse", "Kayaking", "rhubarb"):
        assert word not in first
    assert _new_section(client_for(cast.b).get(reverse("today")).content) == ""  # once

    # No read receipts: Ada's Today is the same whether or not Ben has looked.
    assert _without_tokens(client_for(cast.a).get(reverse("today")).content) == ada_before
    assert Shown.objects.owned_by(cast.a).count() == 0

    dates.suggest_time(cast.b, proposal, NOW + timedelta(days=1))
    assert "Ben suggested another time." in _new_section(
        client_for(cast.a).get(reverse("today")).content
    )
    dates.accept(cast.a, proposal, proposal.times.get(from_recipient=True))
    soon = _new_section(client_for(cast.b).get(reverse("today")).content)
    local = proposal.times.get(from_recipient=True).starts_at.astimezone(cast.b.tz)
    assert f"A date is coming up: {local:%A} at {local:%H:%M}." in soon


def test_nothing_turns_a_person_toward_their_partner_after_a_danger_signal(cast, client_for):
    from nearer.safety import services as safety

    safety.record(cast.b, {"afraid": "yes", "control": "no", "harm": "no", "unsafe_home": "no"})
    notes.send_note(cast.a, "hello")
    dates.propose(cast.a, [NOW + timedelta(days=3)], title="Walk")
    assert _new_section(client_for(cast.b).get(reverse("today")).content) == ""
    assert _new_section(client_for(cast.solo).get(reverse("today")).content) == ""


def test_notes_and_reactions_from_the_partner_only_newest_note_first(cast):
    from nearer.questions import services as questions
    from nearer.reminders.news import whats_new
    from tests.routes import _library_key

    _library_key()
    question = questions.question_for(cast.a)
    mine = questions.answer(cast.a, question, "mine")
    theirs = questions.answer(cast.b, question, "theirs")
    cast.fresh()
    questions.react(cast.b, mine, "hug")  # Ben responds to Ada's answer: news for Ada
    questions.react(cast.a, theirs, "heart")  # Ada's own reaction: never news for Ada
    older = notes.send_note(cast.b, "first")
    newer = notes.send_note(cast.b, "second")
    notes.send_note(cast.a, "to Ben")  # written by Ada: news for Ben, not for her
    notes.send_note(cast.outsider, "elsewhere")
    cast.fresh()

    keys = [n.key for n in whats_new(cast.a)]
    reaction = mine.reactions.get()
    assert keys == [f"note:{newer.pk}", f"note:{older.pk}", f"reaction:{reaction.pk}"]
    assert whats_new(cast.a) == []  # each once
    assert [n.key for n in whats_new(cast.b)] == [
        f"note:{newer.pk + 1}",
        f"reaction:{theirs.reactions.get().pk}",
    ]


def test_old_news_is_not_news(cast):
    from nearer.reminders.news import whats_new

    with time_machine.travel(NOW - timedelta(days=8), tick=False):
        notes.send_note(cast.b, "a while ago")
        dates.propose(cast.b, [NOW + timedelta(days=3)], title="Someday")
    cast.fresh()
    assert whats_new(cast.a) == []


def test_a_key_shown_in_another_tab_a_moment_ago_is_no_error(cast, monkeypatch):
    from nearer.reminders.news import whats_new

    note = notes.send_note(cast.b, "hello")
    Shown.objects.create(user=cast.a, key=f"note:{note.pk}")  # the other tab, just now
    # ... after this tab looked up what was already shown.
    monkeypatch.setattr(Shown.objects, "owned_by", lambda user: Shown.objects.none())
    cast.fresh()
    assert [n.key for n in whats_new(cast.a)] == [f"note:{note.pk}"]
    assert Shown.objects.filter(user=cast.a).count() == 1
