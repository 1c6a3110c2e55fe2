"""The content library: schema, volumes, no near-duplicates, idempotent loading."""

import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from nearer.library.loader import LibraryError, load_library, read_library
from nearer.library.models import Item

CONTENT = Path(settings.NEARER_CONTENT_DIR)

MINIMUM = {"question": 400, "date": 150, "note": 80, "prompt": 60, "exercise": 40, "faq": 20}


@pytest.fixture(scope="module")
def entries():
    return read_library(CONTENT)


@pytest.mark.parametrize(("kind", "minimum"), MINIMUM.items())
def test_library_volume(entries, kind, minimum):
    count = sum(1 for e in entries if e.kind == kind)
    assert count >= minimum, f"{kind}: {count} items, want at least {minimum}"


def test_questions_suit_the_fifteen_minute_talk(entries):
    questions = [e.item for e in entries if e.kind == "question"]
    free = [q for q in questions if q.kids_and_chores_free]
    assert len(free) >= 365, "a year of daily talks without kids or chores"
    for depth in ("light", "meaningful", "deep"):
        assert sum(q.depth == depth for q in questions) >= 50, depth


def words(text):
    return set(re.findall(r"[a-z']+", text.lower()))


def test_no_duplicates_or_near_duplicates(entries):
    by_kind = {}
    for e in entries:
        data = e.fields()
        by_kind.setdefault(e.kind, []).append(
            (e.key, words(data["title"] + " " + data["body"][:200]))
        )
    problems = []
    for items in by_kind.values():
        for (k1, w1), (k2, w2) in itertools.combinations(items, 2):
            if w1 and len(w1 & w2) / len(w1 | w2) > 0.6:
                problems.append(f"{k1} ~ {k2}")
    assert problems == []


def write(root: Path, folder: str, text: str):
    (root / folder).mkdir(parents=True, exist_ok=True)
    (root / folder / "items.yaml").write_text(text)


QUESTION = """
- id: q-fun-001
  text: {text}
  depth: light
  themes: [fun]
  situations: [all]
  kids_and_chores_free: true
"""


@pytest.mark.django_db
def test_loading_is_idempotent_and_updates_and_retires(tmp_path):
    write(tmp_path, "questions", QUESTION.format(text="What made you laugh today?"))
    first = load_library(tmp_path)
    assert (first.created, first.updated, first.unchanged) == (1, 0, 0)
    again = load_library(tmp_path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)

    write(tmp_path, "questions", QUESTION.format(text="What made you smile today?"))
    edited = load_library(tmp_path)
    assert edited.updated == 1
    item = Item.objects.get(key="q-fun-001")
    assert item.title == "What made you smile today?"
    assert " depth:light " in item.tags and " situation:all " in item.tags

    write(tmp_path, "questions", "[]")
    removed = load_library(tmp_path)
    assert removed.retired == 1
    item.refresh_from_db()
    assert item.retired_at is not None
    assert Item.objects.current().count() == 0

    write(tmp_path, "questions", QUESTION.format(text="What made you smile today?"))
    assert load_library(tmp_path).updated == 1
    assert Item.objects.current().count() == 1


@pytest.mark.django_db
def test_bad_data_names_file_and_item_and_loads_nothing(tmp_path):
    good = QUESTION.format(text="What made you laugh today?")
    bad = good.replace("q-fun-001", "q-fun-002").replace("depth: light", "depth: bottomless")
    write(tmp_path, "questions", good + bad)
    with pytest.raises(LibraryError) as error:
        load_library(tmp_path)
    assert any("questions/items.yaml item q-fun-002: depth" in p for p in error.value.problems)
    assert Item.objects.count() == 0
    with pytest.raises(CommandError, match="q-fun-002"):
        call_command("load_library", path=tmp_path)


@pytest.mark.django_db
def test_duplicate_ids_and_broken_yaml_are_reported(tmp_path):
    item = QUESTION.format(text="What made you laugh today?")
    write(tmp_path, "questions", item + item)
    write(tmp_path, "dates", "- id: [unclosed")
    with pytest.raises(LibraryError) as error:
        load_library(tmp_path)
    text = "\n".join(error.value.problems)
    assert "id q-fun-001 is also used" in text
    assert "dates/items.yaml: not valid YAML" in text


@pytest.mark.django_db
def test_library_stats_prints_counts(tmp_path, capsys):
    write(tmp_path, "questions", QUESTION.format(text="What made you laugh today?"))
    call_command("load_library", path=tmp_path)
    call_command("library_stats")
    out = capsys.readouterr().out
    assert re.search(r"Conversation question\s+1\b", out)
    assert re.search(r"Total\s+1\b", out)


@pytest.mark.django_db
def test_library_stats_counts_each_life_and_the_gentler_dates(capsys):
    call_command("load_library")
    call_command("library_stats")
    out = capsys.readouterr().out
    for life in ("caregiving", "fertility_and_loss", "blended_family", "child_free"):
        match = re.search(rf"life: {life}\s+(\d+)", out)
        assert match and int(match.group(1)) >= 3, life
    assert re.search(r"Gentler date versions\s+1\d\b", out)
