"""A full journey through Nearer, with every log line captured in both formats: the log
tells an operator what happened (failed requests, tasks, security events) and holds none
of the words the two people wrote, their names or their passwords."""

import io
import json
import logging
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nearer.core.logs import JsonLineFormatter, PlainFormatter
from nearer.testing import PASSWORD, link, make_user
from tests.routes import _library_key

WORDS = {
    "name_a": "Quillonia",
    "name_b": "Brambleford",
    "password": "Marzipanlighthouse",
    "moment": "Glimmerbrook",
    "moment_text": "Thistledown",
    "note": "Moonmarmalade",
    "scheduled": "Saffronkettle",
    "appreciation": "Pebblewhistle",
    "checkin": "Fernlantern",
    "answer": "Cobaltorchard",
    "answer_b": "Velvetquarry",
    "search": "Lindenwaltz",
    "bad_note": "Cinnamoncomet",
    "meeting": "Harborwillow",
}


@pytest.fixture
def captured():
    text, lines = io.StringIO(), io.StringIO()
    handlers = [logging.StreamHandler(text), logging.StreamHandler(lines)]
    handlers[0].setFormatter(PlainFormatter())
    handlers[1].setFormatter(JsonLineFormatter())
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.DEBUG)
    for handler in handlers:
        root.addHandler(handler)
    yield text, lines
    for handler in handlers:
        root.removeHandler(handler)
    root.setLevel(level)


def api(client, method, url, body=None):
    return client.generic(method, url, json.dumps(body or {}), content_type="application/json")


@pytest.mark.django_db(transaction=True)
def test_a_full_journey_leaves_no_written_words_in_the_log(captured):
    text, lines = captured
    _library_key()
    a = make_user("ada@example.com", "Ada")
    b = make_user("ben@example.com", "Ben")
    link(a, b)

    anon = Client()
    anon.post(reverse("account_login"), {"login": a.email, "password": WORDS["password"]})
    ada, ben = Client(), Client()
    ada.post(reverse("account_login"), {"login": a.email, "password": PASSWORD})
    ben.post(reverse("account_login"), {"login": b.email, "password": PASSWORD})
    assert ada.get(reverse("today")).status_code == 200

    assert api(ada, "PATCH", "/api/v1/me", {"display_name": WORDS["name_a"]}).status_code == 200
    assert api(ben, "PATCH", "/api/v1/me", {"display_name": WORDS["name_b"]}).status_code == 200
    moment = {"title": WORDS["moment"], "happened_on": "2024-06-01", "text": WORDS["moment_text"]}
    assert api(ada, "POST", "/api/v1/timeline", moment).status_code in (200, 201)
    assert api(ada, "POST", "/api/v1/notes", {"text": WORDS["note"]}).status_code in (200, 201)
    later = (timezone.now() + timedelta(minutes=5)).isoformat()
    scheduled = {"text": WORDS["scheduled"], "when": "at", "at": later}
    assert api(ada, "POST", "/api/v1/notes", scheduled).status_code in (200, 201)
    assert api(
        ben, "POST", "/api/v1/appreciations", {"text": WORDS["appreciation"]}
    ).status_code in (
        200,
        201,
    )
    checkin = {"mood": 3, "connection": 4, "word": WORDS["checkin"]}
    assert api(ada, "POST", "/api/v1/checkins", checkin).status_code in (200, 201)
    assert api(ada, "PUT", "/api/v1/question/answer", {"text": WORDS["answer"]}).status_code in (
        200,
        201,
    )
    api(ben, "PUT", "/api/v1/question/answer", {"text": WORDS["answer_b"]})
    api(ada, "POST", "/api/v1/state-of-us", {"appreciations": WORDS["meeting"]})
    assert ada.get("/library/", {"q": WORDS["search"]}).status_code == 200

    # Requests that fail, carrying written words in their query and body.
    assert ada.get("/api/v1/library", {"q": WORDS["search"], "kind": "nope"}).status_code >= 400
    too_long = {"text": WORDS["bad_note"] * 200}
    assert api(ada, "POST", "/api/v1/notes", too_long).status_code >= 400
    assert api(ada, "DELETE", "/api/v1/notes/987654").status_code == 404

    # The worker runs what was enqueued (the scheduled note's task brought forward).
    DBTaskResult.objects.update(run_after=timezone.now() - timedelta(seconds=1))
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0)
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() >= 2

    plain, json_lines = text.getvalue(), lines.getvalue()
    # The log says what happened ...
    assert "request.failed" in plain and "task.finished" in plain
    assert "security.login_failed" in plain and "security.login" in plain
    events = [json.loads(line)["event"] for line in json_lines.splitlines() if '"event"' in line]
    assert "task.started" in events and "request.failed" in events
    # ... and none of what the people wrote, chose as a name or typed as a password.
    for label, word in WORDS.items():
        assert word.lower() not in plain.lower(), label
        assert word.lower() not in json_lines.lower(), label
    for address in (a.email, b.email):
        assert address not in plain
