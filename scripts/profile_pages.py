"""Profile the main pages in-process with pyinstrument: ``python -m scripts.profile_pages``.

A throwaway SQLite database (or DATABASE_URL), the library, a few seeded couples with a year
of activity; then each page is requested ``--repeat`` times as the first seeded person and the
mean time (wall clock and CPU), the SQL query count and (with ``--show``) pyinstrument's call
tree are printed.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nearer.settings")
os.environ.setdefault("NEARER_ENV", "test")
os.environ.setdefault("NEARER_DATA_DIR", tempfile.mkdtemp(prefix="nearer-profile-"))

PAGES = ["/today/", "/question/", "/api/v1/today", "/library/?q=listen", "/notes/",
         "/api/v1/question", "/api/v1/notes", "/appreciations/", "/timeline/",
         "/plan/"]  # fmt: skip


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages", nargs="*", default=PAGES)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--show", action="store_true", help="print pyinstrument's call tree")
    parser.add_argument("--all", action="store_true", help="with --show: library frames too")
    opts = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from pyinstrument import Profiler

    from nearer.accounts.models import User
    from nearer.library.loader import load_library

    setup_test_environment()
    call_command("migrate", verbosity=0)
    if not User.objects.filter(email__startswith="scale-").exists():
        load_library(settings.NEARER_CONTENT_DIR)
        call_command("seed_scale", couples=3, verbosity=0)
    client = Client()
    client.force_login(User.objects.get(email="scale-0-a@example.test"))
    for page in opts.pages:
        client.get(page)
        queries = []
        # Counted as they run: CaptureQueriesContext reads the connection's log lazily, and
        # the profiled requests below clear that log first, which printed 0 for every page.
        with connection.execute_wrapper(
            lambda run, sql, *args, seen=queries: seen.append(sql) or run(sql, *args)
        ):
            response = client.get(page)
        assert response.status_code == 200, (page, response.status_code)
        profiler = Profiler(interval=0.0005)
        start, cpu_start = time.perf_counter(), time.process_time()
        with profiler:
            for _ in range(opts.repeat):
                client.get(page)
        mean = (time.perf_counter() - start) / opts.repeat * 1000
        # CPU time is less at the mercy of other processes on a shared machine than wall time.
        cpu = (time.process_time() - cpu_start) / opts.repeat * 1000
        print(f"{page:<24} {mean:7.2f} ms  {cpu:7.2f} ms CPU  {len(queries):3d} queries")
        if opts.show:
            print(profiler.output_text(unicode=False, color=False, show_all=opts.all))


if __name__ == "__main__":
    main()
