"""`make bench`: numbers for the library load and the main pages, printed, not asserted.

Runs against a throwaway SQLite database (or DATABASE_URL if set).
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
os.environ.setdefault("NEARER_DATA_DIR", tempfile.mkdtemp(prefix="nearer-bench-"))


def timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def report(label, samples):
    samples = sorted(samples)
    p95 = samples[int(len(samples) * 0.95) - 1] if len(samples) >= 20 else samples[-1]
    median = statistics.median(samples)
    print(f"{label:<40} median {median:7.1f} ms   p95 {p95:7.1f} ms   n={len(samples)}")


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from nearer.library.loader import load_library
    from nearer.library.models import Item
    from nearer.testing import link, make_moment, make_user

    setup_test_environment()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)

    start = time.perf_counter()
    load_library(settings.NEARER_CONTENT_DIR)
    first = (time.perf_counter() - start) * 1000
    print(f"{'library: first load':<40} {first:7.1f} ms   items={Item.objects.count()}")
    reload = timed(lambda: load_library(settings.NEARER_CONTENT_DIR), 5)
    report("library: re-load (nothing changed)", reload)

    from nearer.library.search import Filters, search

    for label, filters in (
        ("search: one word", Filters(q="morning")),
        ("search: three words", Filters(q="long distance call")),
        (
            "search: words + filters",
            Filters(q="together", kind="date", setting="home", cost="free"),
        ),
        ("browse: filters only", Filters(kind="question", situation="new_parents", depth="deep")),
    ):
        # The first page, as the library page shows it (search itself is lazy).
        report(label, timed(lambda filters=filters: list(search(filters)[:30]), 200))

    a, b = make_user("bench-a@example.com", "A"), make_user("bench-b@example.com", "B")
    link(a, b)
    for n in range(200):
        make_moment(a if n % 2 else b, title=f"moment {n}")
    client = Client()
    client.force_login(a)
    from nearer.plans.services import enroll

    enroll(a, ["after_betrayal", "long_distance"])
    for url in (
        "/today/",
        "/plan/",
        "/timeline/",
        "/couple/",
        "/library/?q=together&kind=date",
        "/api/v1/timeline",
        "/api/v1/today",
        "/healthz",
    ):
        client.get(url)  # warm up
        report(f"GET {url}", timed(lambda url=url: client.get(url), 50))


if __name__ == "__main__":
    main()
