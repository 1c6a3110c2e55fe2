"""Locust scenarios for `make bench` (driven by scripts/loadbench.py; see docs/benchmarks.md).

``Couple``: a person of a seeded couple (``manage.py seed_scale``) going through their day
with think time between steps: Today, the question (and answering it), a note, the library,
the calendar and the journal when those exist, now and then a real log-in.
``OnePage``: a closed loop on one URL (``BENCH_URL``) for throughput.

The server runs with production settings behind no TLS proxy, so every request says
``X-Forwarded-Proto: https`` and carries its cookies itself (secure cookies are never sent
over plain HTTP by a cookie jar). Sessions are made beforehand (``BENCH_SESSIONS``, a JSON
list of ``[email, session key]``) so that the log-in rate limit is not what gets measured.
"""

import itertools
import json
import os
import random
import re
import secrets

import gevent
from locust import FastHttpUser, between, constant, events, task

SESSIONS = json.loads(os.environ.get("BENCH_SESSIONS", "[]"))
PASSWORD = os.environ.get("BENCH_PASSWORD", "")
_next = itertools.count()
_missing = set()
WORDS = ["we", "walked", "by", "the", "river", "you", "laughed", "thank", "you", "for", "today"]


def _sentence():
    return " ".join(random.choice(WORDS) for _ in range(10)).capitalize() + "."


class _Base(FastHttpUser):
    abstract = True

    def on_start(self):
        email, session = SESSIONS[next(_next) % len(SESSIONS)] if SESSIONS else ("", "")
        self.email = email
        self.csrf = secrets.token_hex(16)  # an unmasked 32-character CSRF secret
        self.cookies = {"sessionid": session, "csrftoken": self.csrf}
        # Each person comes from their own address, as the proxy in front would say.
        self.address = (
            f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
        )

    def headers(self):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items() if v)
        return {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Cookie": cookie,
            "Referer": f"https://{self.host.split('://', 1)[1]}/",
        }

    def get(self, url, name=None, optional=False):
        with self.client.get(
            url, headers=self.headers(), name=name or url, catch_response=True,
            allow_redirects=False,
        ) as response:  # fmt: skip
            if optional and response.status_code == 404:
                if url not in _missing:
                    _missing.add(url)
                    print(f"note: {url} answers 404 here (that feature is not merged yet): skipped")
                response.success()
                return None
            if response.status_code != 200:
                response.failure(f"{response.status_code}")
                return None
            return response

    def post(self, url, data, name=None, ok=(200, 302, 303)):
        data = {**data, "csrfmiddlewaretoken": self.csrf}
        with self.client.post(
            url, data=data, headers=self.headers(), name=name or f"POST {url}",
            catch_response=True, allow_redirects=False,
        ) as response:  # fmt: skip
            if response.status_code not in ok:
                response.failure(f"{response.status_code}")
            return response


class OnePage(_Base):
    wait_time = constant(0)

    @task
    def page(self):
        self.get(os.environ["BENCH_URL"])


def _fill(html):
    """Every text field of the first POST form on a page, filled in (for forms we do not own)."""
    form = re.search(r'<form[^>]*method="post"[^>]*>(.*?)</form>', html, re.S)
    data = {}
    for name in re.findall(r'<textarea[^>]*name="([^"]+)"', form.group(1) if form else ""):
        data[name] = _sentence()
    for attrs in re.findall(r"<input([^>]*)>", form.group(1) if form else ""):
        name = re.search(r'name="([^"]+)"', attrs)
        kind = re.search(r'type="([^"]+)"', attrs)
        if name and (not kind or kind.group(1) in ("text", "date")) and name.group(1) not in data:
            value = re.search(r'value="([^"]*)"', attrs)
            data[name.group(1)] = value.group(1) if value else "a quiet evening"
    return data


THINK_MIN = float(os.environ.get("BENCH_THINK_MIN", "2"))
THINK_MAX = float(os.environ.get("BENCH_THINK_MAX", "8"))


class Couple(_Base):
    wait_time = between(THINK_MIN, THINK_MAX)

    def on_start(self):
        super().on_start()
        # People do not all arrive in the same second: without this pause the 50 first
        # requests land together and queue, which made every step's p95 that burst's wait.
        gevent.sleep(random.uniform(0, THINK_MAX))

    @task(6)
    def today(self):
        self.get("/today/")

    @task(3)
    def question(self):
        if self.get("/question/"):
            self.post("/question/", {"text": _sentence()})

    @task(2)
    def note(self):
        if self.get("/notes/"):
            self.post("/notes/", {"text": _sentence(), "when": "now"})

    @task(2)
    def library(self):
        self.get(f"/library/?q={random.choice(['listen', 'walk', 'thank', 'morning'])}",
                 name="/library/?q=…")  # fmt: skip

    @task(2)
    def calendar(self):
        self.get("/calendar/", optional=True)

    @task(1)
    def journal(self):
        page = self.get("/journal/new/", optional=True)
        if page is not None:
            self.post("/journal/new/", _fill(page.text))

    @task(1)
    def today_api(self):
        self.get("/api/v1/today")

    @task(1)
    def log_in_again(self):
        """A real log-in with the password (the form, CSRF and argon2), in a fresh session."""
        if not PASSWORD:
            return
        keep = dict(self.cookies)
        self.cookies = {"csrftoken": self.csrf}
        response = self.post(
            "/accounts/login/",
            {"login": self.email, "password": PASSWORD},
            name="log in",
            ok=(302,),
        )
        fresh = re.search(r"sessionid=([^;]+)", str(response.headers))
        self.cookies = {"sessionid": fresh.group(1), "csrftoken": self.csrf} if fresh else keep


@events.quitting.add_listener
def _report_skips(environment, **kwargs):
    for url in sorted(_missing):
        print(f"note: skipped {url} (404: not in this build)")
