"""``seed_scale``: couples with a year of activity that the app reads like its own rows."""

import time
import uuid
from collections import Counter

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from nearer.accounts.models import User
from nearer.checkins.models import CheckIn
from nearer.core import scale
from nearer.couples.services import state_of
from nearer.library.loader import load_library
from nearer.notes.models import Note
from nearer.questions.models import Answer

pytestmark = pytest.mark.django_db


def test_seeds_linked_couples_whose_rows_the_app_can_read(client):
    load_library(settings.NEARER_CONTENT_DIR)
    call_command("seed_scale", couples=3, batch=2, days=60, verbosity=0)
    assert User.objects.filter(email__startswith="scale-").count() == 6
    a = User.objects.get(email="scale-0-a@example.test")
    b = User.objects.get(email="scale-0-b@example.test")
    assert state_of(a).partner == b
    note = Note.objects.filter(recipient=b).first()
    assert note.text.endswith(".")
    assert note.text.encode() not in bytes(note.text_encrypted)
    assert Answer.objects.filter(author=a).exists()
    assert client.login(email=b.email, password="bench-password-0451")
    assert client.get("/today/").status_code == 200
    assert note.text in client.get("/notes/").content.decode()  # the newest note comes first
    # a second run adds further couples instead of clashing with the first
    call_command("seed_scale", couples=1, days=60, verbosity=0)
    assert User.objects.filter(email="scale-3-a@example.test").exists()


def test_refuses_an_empty_library():
    with pytest.raises(CommandError, match="library is empty"):
        call_command("seed_scale", couples=1, verbosity=0)


def test_jobs_above_one_need_postgresql():
    if connection.vendor == "postgresql":
        pytest.skip("the refusal is for SQLite")
    load_library(settings.NEARER_CONTENT_DIR)
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("seed_scale", couples=2, jobs=2, verbosity=0)


@pytest.mark.parametrize(
    ("couples", "jobs", "sizes"),
    [(10, 2, [5, 5]), (11, 3, [4, 4, 3]), (2, 4, [1, 1]), (0, 2, [])],
)
def test_split_gives_each_job_a_contiguous_range(couples, jobs, sizes):
    numbers = range(100, 100 + couples)
    ranges = scale.split(numbers, jobs)
    assert [len(r) for r in ranges] == sizes
    assert [n for r in ranges for n in r] == list(numbers)  # every number once, in order


def test_engagement_mix_keeps_the_benchmark_couples_full():
    assert {scale.engagement(n) for n in range(scale.FULL_COUPLES)} == {1.0}
    levels = Counter(scale.engagement(n) for n in range(100, 1100))
    assert levels == {1.0: 200, 0.5: 300, 0.1: 500}
    assert {scale.engagement(n, mix=False) for n in range(100, 1100)} == {1.0}


def test_lighter_couples_write_fewer_rows():
    load_library(settings.NEARER_CONTENT_DIR)
    # numbers 99 (benchmark couple), 100 (full by the mix), 102 (half), 105 (a tenth)
    for n in (99, 100, 102, 105):
        scale.seed(1, start=n, days=60)
    per_person = {
        n: CheckIn.objects.filter(author__email=f"scale-{n}-a@example.test").count()
        for n in (99, 100, 102, 105)
    }
    assert per_person == {99: 15, 100: 15, 102: 8, 105: 2}  # 60 // 4 check-in days, scaled
    light = User.objects.get(email="scale-105-b@example.test")
    assert Note.objects.filter(author=light).count() == 1  # at least one of everything
    assert all(a.text.endswith(".") for a in Answer.objects.filter(author=light))
    full = scale.seed(1, start=106, days=60, mix=False)
    assert CheckIn.objects.filter(author__email="scale-106-a@example.test").count() == 15
    assert full.per_couple == full.total


def test_parallel_seed_does_the_benchmark_couples_first(monkeypatch):
    load_library(settings.NEARER_CONTENT_DIR)
    ranges_given = []

    def in_this_process(ranges, options):  # the forked jobs, run here (SQLite in memory)
        ranges_given.extend(ranges)
        return [scale.seed_range(r, **options) for r in ranges]

    monkeypatch.setattr(scale, "_in_processes", in_this_process)
    done = scale.seed(5, start=97, days=30, jobs=2)
    assert ranges_given == [range(100, 101), range(101, 102)]
    first = User.objects.filter(email__startswith="scale-").order_by("pk")[:6]
    assert [u.email.split("-")[1] for u in first] == ["97", "97", "98", "98", "99", "99"]
    assert done.couples == 5
    assert done.rows["users"] == 10


def test_row_ids_are_time_ordered_uuids():
    first = scale.ordered_uuid()
    time.sleep(0.002)
    later = scale.ordered_uuid()
    assert (first.version, first.variant) == (7, uuid.RFC_4122)
    assert first < later
