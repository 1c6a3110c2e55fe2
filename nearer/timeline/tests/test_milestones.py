"""Shared milestones on the timeline: added only while both partners want them, once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nearer.talks.services import log_talk
from nearer.timeline import milestones
from nearer.timeline.models import MilestonePreference, Moment

pytestmark = pytest.mark.django_db


def test_nothing_is_added_unless_both_want_it(cast, client_for):
    for _n in range(10):
        log_talk(cast.a, 15, 4)
    milestones.set_wanted(cast.a, True)
    assert milestones.sync(cast.a) == 0 and milestones.sync(cast.b) == 0
    page_b = client_for(cast.b).get(reverse("timeline:index")).content.decode()
    assert "Our tenth 15-minute talk" not in page_b
    client_for(cast.b).post(reverse("timeline:milestones"), {"automatic": "on"}, follow=True)
    assert MilestonePreference.objects.get(user=cast.b).automatic
    titles = {moment.title for moment in Moment.objects.all()}
    assert titles == {"We joined Nearer together", "Our tenth 15-minute talk"}
    assert set(Moment.objects.values_list("visibility", flat=True)) == {"shared"}
    # Once per couple space, whoever looks next.
    assert milestones.sync(cast.a) == 0
    assert (
        "Our tenth 15-minute talk"
        in client_for(cast.a).get(reverse("timeline:index")).content.decode()
    )


def test_first_reveal_needs_both_answers(cast):
    from tests.routes import _a_revealed_answer

    milestones.set_wanted(cast.a, True)
    milestones.set_wanted(cast.b, True)
    milestones.sync(cast.a)
    assert not Moment.objects.filter(mutual_key="auto:first-reveal").exists()
    _a_revealed_answer(cast)
    assert milestones.sync(cast.b) == 1
    assert Moment.objects.get(mutual_key="auto:first-reveal").visibility == "shared"


def test_turning_it_off_stops_new_ones(cast, client_for):
    milestones.set_wanted(cast.a, True)
    milestones.set_wanted(cast.b, True)
    client_for(cast.a).post(reverse("timeline:milestones"), {})
    assert not milestones.wants(cast.a)
    for _n in range(10):
        log_talk(cast.a, 15, 4)
    assert milestones.sync(cast.b) == 0


def test_solo_gets_nothing(cast):
    milestones.set_wanted(cast.solo, True)
    assert milestones.sync(cast.solo) == 0


def _writes(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    words = ("BEGIN", "SAVEPOINT", "INSERT", "UPDATE", "DELETE")
    return [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().startswith(words)]


# The timeline syncs milestones on every visit. It opened a transaction each time, which on
# SQLite is the database's write lock (BEGIN IMMEDIATE): every visit waited behind every
# writer, and the page's p95 under load was 0.9 s.
def test_a_visit_with_nothing_to_add_takes_no_write_lock(cast, client_for):
    milestones.set_wanted(cast.a, True)
    milestones.set_wanted(cast.b, True)
    ada = client_for(cast.a)
    url = reverse("timeline:index")
    assert any("INSERT" in sql for sql in _writes(ada, url))  # "we joined" is added
    assert _writes(ada, url) == []  # and then, with nothing due, nothing is written
    for _n in range(10):
        log_talk(cast.a, 15, 4)
    assert any("INSERT" in sql for sql in _writes(client_for(cast.b), url))
    assert Moment.objects.filter(mutual_key="auto:tenth-talk").count() == 1
    assert _writes(ada, url) == [] and _writes(client_for(cast.b), url) == []
