"""Checks over all content: no near-duplicates, gentler versions of every high-energy
date, every life served, roles on one-role prompts, method labels that match the text."""

import pytest
from django.conf import settings

from nearer.library.loader import read_library
from nearer.library.schema import LIVES
from nearer.library.similarity import near_duplicates, similarity


@pytest.fixture(scope="module")
def entries():
    return read_library(settings.NEARER_CONTENT_DIR)


def _text(entry) -> str:
    data = entry.item.model_dump()
    parts = (data.get(name) for name in ("text", "title", "question", "summary"))
    return " ".join(part for part in parts if part)


def test_no_two_items_are_near_duplicates(entries):
    texts = {entry.key: _text(entry) for entry in entries}
    found = near_duplicates(texts)
    assert not found, "\n".join(f"{s} {a} ~ {b}: {texts[a]!r} / {texts[b]!r}" for s, a, b in found)


def test_the_check_catches_a_reworded_copy():
    texts = {
        "q-a": "What do you wish I asked you about more often at the end of a day?",
        "q-b": "What do you wish I'd ask you about more often at the end of the day?",
        "q-c": "Which meal from your childhood would you cook for me tonight?",
    }
    assert [(a, b) for _s, a, b in near_duplicates(texts)] in ([("q-a", "q-b")], [("q-b", "q-a")])
    assert similarity(texts["q-a"], texts["q-c"]) < 0.2


def test_every_high_energy_date_has_a_gentler_version(entries):
    dates = {e.key: e.item for e in entries if e.kind == "date"}
    high = {key for key, item in dates.items() if item.energy == "high"}
    gentle = [item for item in dates.values() if item.gentle_version_of]
    assert high and high <= {item.gentle_version_of for item in gentle}
    for item in gentle:
        assert item.energy == "low", item.id
        assert item.gentle_version_of in high, item.id


def test_every_life_has_dates_prompts_and_an_exercise(entries):
    for life in LIVES:
        kinds = {e.kind for e in entries if life in getattr(e.item, "lives", [])}
        assert {"date", "prompt", "exercise"} <= kinds, life


def test_one_role_prompts_say_their_role(entries):
    allowed = {"after_betrayal": {"hurt", "was_hurt"}, "recovery": {"in_recovery", "supporting"}}
    with_roles = [e.item for e in entries if e.kind == "prompt" and e.item.roles]
    assert len(with_roles) >= 20
    for prompt in with_roles:
        possible = set().union(*(allowed.get(s, set()) for s in prompt.situations))
        assert set(prompt.roles) <= possible, prompt.id


# A method named in an exercise's summary must be its label (and the reverse for these).
NAMED = {
    "Gottman": "Gottman method",
    "Aron": "Self-expansion research",
    "sensate focus": "Sensate focus",
}


def test_method_labels_match_what_the_text_says(entries):
    exercises = {e.key: e.item for e in entries if e.kind == "exercise"}
    for item in exercises.values():
        for word, method in NAMED.items():
            if word.lower() in item.summary.lower():
                assert item.method == method, (item.id, word, item.method)
    assert exercises["e-novelty-planning"].method == "Self-expansion research"
    assert "Aron" in exercises["e-novelty-planning"].citation
    assert exercises["e-slow-unhurried-touch"].method == "Sensate focus"
    for key in ("e-call-rhythm-across-time-zones", "e-planning-a-visit", "e-virtual-date-setup"):
        assert exercises[key].method == "Practical planning", key
