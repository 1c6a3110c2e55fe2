"""`make bench`: Nearer under load, served like production, against a bare Django floor.

For each database (SQLite, and PostgreSQL when it answers) this script:

1. makes a fresh database with production settings (a generated secret and server key),
   migrates, collects static files, loads the library and seeds couples with a year of
   activity (``manage.py seed_scale``), and makes log-in sessions for them;
2. serves it with granian, 2 workers, as ``scripts/serve.sh`` does, next to the bare Django
   view of ``scripts/baseline`` served the same way;
3. for every main page and list route runs a closed loop (wrk when installed, else locust;
   ``--users`` connections)
   alternately against the bare view and the page, and records requests/s, p50/p95/p99 and
   errors; the ratio is the page's throughput over the bare view's, measured in the same run;
4. runs the couples' scenario (``scripts/locustfile.py``: 50 people with think time, not a
   closed loop) and records p50/p95/p99 per step;
5. measures each main page's first-load weight: the compressed HTML plus the CSS and JS it
   links, as a browser would fetch them, and checks the static files come compressed with
   far-future caching under hashed names.

It prints the tables and writes them to ``docs/benchmarks.md`` (and a CSV next to it).
Options: ``python -m scripts.loadbench --help``.
"""

import argparse
import csv
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent
APP_PORT, BASE_PORT = 18461, 18462
STATIC_ROOT = Path(tempfile.gettempdir()) / "nearer-bench-static"
COLLECTED = []
SKIPPED = set()

PAGES = [
    "/today/",
    "/question/",
    "/api/v1/today",
    "/library/?q=listen",
    "/notes/",
    "/appreciations/",
    "/timeline/",
    "/plan/",
    "/calendar/",
    "/journal/",
    "/api/v1/timeline",
    "/api/v1/notes",
    "/api/v1/appreciations",
    "/api/v1/question",
]
WEIGHT_PAGES = [
    "/today/",
    "/question/",
    "/notes/",
    "/appreciations/",
    "/library/?q=listen",
    "/timeline/",
    "/plan/",
    "/calendar/",
    "/journal/",
]
GOALS = {"/today/": 0.30, "/api/v1/today": 0.50}
# What the stack reaches with almost no page work, measured in the same run: one SELECT 1
# and no session, then a session and the user and a small JSON answer. No goal.
FLOOR = {"/healthz": "floor: one `SELECT 1`", "/api/v1/me": "floor: session, user, 5 fields"}
# The framework's own floor for a signed-in page, on the bare project (`scripts/baseline`):
# the same template behind login_required, the session and the user read from SQLite.
SIGNED_IN = "/signed-in/"
FLOOR[SIGNED_IN] = "bare Django, signed in: its floor for any signed-in page"


def log(message):
    print(message, flush=True)


def app_env(data_dir: Path, database_url: str | None) -> dict:
    from cryptography.fernet import Fernet

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_URL", "NEARER_", "SECRET_KEY", "DJANGO_SETTINGS"))
    }
    env.update(
        NEARER_ENV="production",
        NEARER_DATA_DIR=str(data_dir),
        SECRET_KEY=secrets.token_hex(32),
        # A kept database (--keep-db) needs the server key it was seeded with.
        NEARER_SERVER_KEY=os.environ.get("BENCH_SERVER_KEY") or Fernet.generate_key().decode(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"https://127.0.0.1:{APP_PORT}",
        CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{APP_PORT}",
        DJANGO_SETTINGS_MODULE="nearer.settings",
        LOG_LEVEL="WARNING",
        # As behind one proxy: each simulated person sends their own address in
        # X-Forwarded-For (scripts/locustfile.py), so the log-in rate limit (per address)
        # sees 50 people, not one address logging in 30 times a minute.
        NEARER_TRUSTED_PROXY_COUNT="1",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    # One static folder for every database of the run: compressing the files once is enough.
    env["STATIC_ROOT"] = os.environ.get("BENCH_STATIC_ROOT") or str(STATIC_ROOT)
    return env


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, text=True, capture_output=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout if capture else None


# A signed-in session made the way django.contrib.auth.login makes one (no log-in form, so
# the log-in rate limit is not what gets measured). Both projects' snippets start with it.
SIGN_IN = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
def signed_in(user):
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    return s.session_key
"""

SESSION_CODE = (
    SIGN_IN
    + """
import json
from nearer.accounts.models import User
people = User.objects.filter(email__startswith="scale-").order_by("pk")[:{n}]
print(json.dumps([[user.email, signed_in(user)] for user in people]))
"""
)

BASELINE_SESSION_CODE = (
    SIGN_IN
    + """
from django.contrib.auth.models import User
print(signed_in(User.objects.create_user("floor")))
"""
)


def baseline_database(env):
    """The bare project's SQLite database, with one user signed in: the session key."""
    subprocess.run([PY, "-m", "django", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env,
                   check=True)  # fmt: skip
    return subprocess.run(
        [PY, "-c", f"import django;django.setup();{BASELINE_SESSION_CODE}"],
        cwd=ROOT, env=env, text=True, capture_output=True, check=True,
    ).stdout.strip()  # fmt: skip


def serve(env, module, port, workers):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is taken: stop what listens there (an earlier run?)")
    return subprocess.Popen(
        [str(BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port),
         "--workers", str(workers), "--blocking-threads", os.environ.get("WEB_THREADS", "8"),
         "--log-level", "warning", module],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip


def stop(process):
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_until_up(port, path="/healthz", headers=None):
    for _ in range(150):
        try:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{path}", headers=headers or {}
            )
            urllib.request.urlopen(request, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answers on port {port}")


def fetch(port, path, session=None, encoding="br, gzip"):
    headers = {"X-Forwarded-Proto": "https", "Accept-Encoding": encoding}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, _lower(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, _lower(error.headers), error.read()


def _lower(headers):
    return {k.lower(): v for k, v in headers.items()}


def locust(port, user_class, users, seconds, env_extra, prefix):
    env = {**os.environ, **env_extra}
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "scripts" / "locustfile.py"), "--headless",
         "-u", str(users), "-r", str(users), "-t", f"{seconds}s",
         "--host", f"http://127.0.0.1:{port}", "--csv", str(prefix), "--only-summary",
         "--loglevel", "WARNING", "--exit-code-on-error", "0", user_class],
        cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL if not env_extra.get("SHOW")
        else None,
    )  # fmt: skip
    rows = {}
    with open(f"{prefix}_stats.csv") as f:
        for row in csv.DictReader(f):
            rows[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"] or 0),
                "p95": float(row["95%"] or 0),
                "p99": float(row["99%"] or 0),
            }
    return rows


WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "errors": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def wrk(port, path, session, users, seconds, tmp):
    """A closed loop with wrk (C, so the load generator takes little of the two cores);
    errors are failed connections and answers other than 2xx/3xx."""
    script = tmp / "report.lua"
    script.write_text(WRK_REPORT)
    headers = ["-H", "X-Forwarded-Proto: https"]
    if session:
        headers += ["-H", f"Cookie: sessionid={session}"]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{users}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
         *headers, f"http://127.0.0.1:{port}{path}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    row = json.loads(out.strip().splitlines()[-1])
    row["rps"] = row["requests"] / row["seconds"] if row["seconds"] else 0
    return row


def closed_loop(opts, port, path, sessions, prefix):
    if opts.loader == "wrk":
        return wrk(port, path, sessions[0][1] if sessions else None, opts.users, opts.seconds,
                   prefix.parent)  # fmt: skip
    env = {"BENCH_SESSIONS": json.dumps(sessions[: opts.users]), "BENCH_URL": path}
    return locust(port, "OnePage", opts.users, opts.seconds, env, prefix)[path]


def compressed_size(port, path, session):
    status, headers, body = fetch(port, path, session)
    return status, headers, len(body), body


def page_weight(port, path, session, static_checks):
    status, headers, html_bytes, body = compressed_size(port, path, session)
    if status != 200:
        return None
    raw = body
    if headers.get("content-encoding") == "gzip":
        raw = gzip.decompress(body)
    elif headers.get("content-encoding") == "br":
        try:
            import brotli

            raw = brotli.decompress(body)
        except ImportError:
            _s, _h, _n, raw = compressed_size(port, path, session)
    text = raw.decode("utf-8", "replace")
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', text)
    total, parts = html_bytes, {"html": html_bytes}
    for asset in assets:
        a_status, a_headers, a_bytes, _ = compressed_size(port, asset, None)
        total += a_bytes
        parts[asset.rsplit("/", 1)[-1]] = a_bytes
        static_checks[asset] = {
            "status": a_status,
            "encoding": a_headers.get("content-encoding", ""),
            "cache": a_headers.get("cache-control", ""),
            "hashed": bool(re.search(r"\.[0-9a-f]{12}\.", asset)),
        }
    # The app leaves HTML compression to the proxy in front (TLS ends there too): count the
    # HTML as a proxy would send it, gzip level 6, when the app sent it uncompressed.
    if not headers.get("content-encoding"):
        gz = len(gzip.compress(raw, 6))
        total += gz - html_bytes
        parts["html"] = gz
        parts["html uncompressed"] = html_bytes
    return {"total": total, "parts": parts, "encoding": headers.get("content-encoding", "")}


def reset_postgres(url):
    name = url.rsplit("/", 1)[-1]
    host = ["-h", "127.0.0.1", "-U", "postgres"]
    subprocess.run(["dropdb", *host, "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", *host, name], check=True)


def has_seed(env):
    code = (
        "from nearer.accounts.models import User;"
        "print(User.objects.filter(email__startswith='scale-').count())"
    )
    out = subprocess.run(
        [PY, "-c", f"import django;django.setup();{code}"], cwd=ROOT, env=env, text=True,
        capture_output=True,
    )  # fmt: skip
    return int(out.stdout.strip() or 0) if out.returncode == 0 else 0


def bench_database(label, database_url, opts, results, weights, static_checks):
    data_dir = Path(tempfile.mkdtemp(prefix=f"nearer-bench-{label}-"))
    env = app_env(data_dir, database_url)
    if database_url and opts.keep_db and has_seed(env):
        label = f"{label}, {has_seed(env) // 2:,} couples"
        log(f"[{label}] reusing the seeded database")
        manage(env, "migrate", "--noinput")
    else:
        label = f"{label}, {opts.couples:,} couples"
        if database_url:
            reset_postgres(database_url)
        log(f"[{label}] migrate, collectstatic, load_library, seed_scale --couples {opts.couples}")
        manage(env, "migrate", "--noinput")
        manage(env, "load_library")
        seeded = manage(env, "seed_scale", "--couples", str(opts.couples), capture=True)
        log(next(line for line in seeded.splitlines() if line.startswith("Created")))
    reuse = opts.reuse_static and (STATIC_ROOT / "staticfiles.json").exists()
    if not COLLECTED and not reuse:  # once per run (compressing every file takes a while)
        manage(env, "collectstatic", "--noinput")
        COLLECTED.append(True)
    people = max(opts.people, opts.users)
    sessions = json.loads(
        subprocess.run(
            [PY, "-c", f"import django;django.setup();{SESSION_CODE.replace('{n}', str(people))}"],
            cwd=ROOT,
            env=env,
            text=True,
            capture_output=True,
            check=True,
        ).stdout  # fmt: skip
    )
    app = serve(env, "nearer.wsgi:application", APP_PORT, opts.workers)
    tmp = data_dir / "locust"
    tmp.mkdir()
    try:
        wait_until_up(APP_PORT)
        session = sessions[0][1]
        pages = []
        for page in opts.pages.split(",") if opts.pages else [*FLOOR, *PAGES]:
            if page == SIGNED_IN:  # on the bare project, below
                pages.append(page)
                continue
            status = fetch(APP_PORT, page, session)[0]
            if status == 404:
                log(f"note: {page} answers 404 (not in this build): skipped")
                SKIPPED.add(page)
                continue
            if status != 200:
                raise SystemExit(f"[{label}] {page} answered {status} before the benchmark")
            for _ in range(5):
                fetch(APP_PORT, page, session)
            pages.append(page)
        for page in WEIGHT_PAGES:
            if page in pages:
                weights.setdefault(page, {})[label] = page_weight(
                    APP_PORT, page, session, static_checks
                )
        baselines = []
        for n, page in enumerate(pages):
            base = closed_loop(opts, BASE_PORT, "/", [], tmp / f"base{n}")
            baselines.append(base)
            if base["errors"]:
                log(f"warning: the bare view answered {base['errors']} errors")
            if page == SIGNED_IN:
                row = closed_loop(opts, BASE_PORT, page, [["floor", opts.base_session]],
                                  tmp / f"page{n}")  # fmt: skip
            else:
                row = closed_loop(opts, APP_PORT, page, sessions, tmp / f"page{n}")
            row["baseline_rps"] = base["rps"]
            results.append({"db": label, "kind": "closed loop", "page": page, **row})
            log(f"[{label}] {page:<24} {row['rps']:7.1f} req/s (bare view {base['rps']:7.1f})"
                f"  p95 {row['p95']:5.0f} ms  errors {row['errors']}")  # fmt: skip
        for b in baselines:
            b.pop("baseline_rps", None)
        results.append(
            {"db": label, "kind": "closed loop", "page": "bare Django view",
             **_mean(baselines)}
        )  # fmt: skip
        scenario = locust(
            APP_PORT, "Couple", opts.people, opts.scenario_seconds,
            {"BENCH_SESSIONS": json.dumps(sessions[: opts.people]),
             "BENCH_PASSWORD": "bench-password-0451", "SHOW": ""},
            tmp / "scenario",
        )  # fmt: skip
        for name, row in scenario.items():
            results.append({"db": label, "kind": f"{opts.people} people", "page": name, **row})
        log(f"[{label}] scenario with {opts.people} people done")
    finally:
        stop(app)
        if not opts.keep_files:
            shutil.rmtree(data_dir, ignore_errors=True)


def _mean(rows):
    keys = ("rps", "p50", "p95", "p99")
    out = {k: sum(r[k] for r in rows) / len(rows) for k in keys}
    out["requests"] = sum(r["requests"] for r in rows)
    out["errors"] = sum(r["errors"] for r in rows)
    out["rps_min"] = min(r["rps"] for r in rows)
    out["rps_max"] = max(r["rps"] for r in rows)
    return out


def _now():
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


def render(results, weights, static_checks, opts) -> str:
    out = [
        "# Benchmarks",
        "",
        f"Written by `make bench` (`python -m scripts.loadbench`) on {_now()}, "
        f"{os.cpu_count()} CPU cores (shared with whatever else ran). Production settings, granian "
        f"with {opts.workers} workers, seeded couples with a year of activity each "
        f"(`seed_scale`; how many is in each title). Closed loops: {opts.loader}, "
        f"{opts.users} connections for {opts.seconds} s per page, "
        "alternating with the bare Django view (`scripts/baseline`, template view, default "
        "middleware, no database, served the same way). The floor rows say what the stack "
        f"reaches with almost no page work; `{SIGNED_IN}` is the bare project's same view "
        "behind `login_required`, its session and user read from SQLite: the framework's "
        "own floor for any page of a signed-in person. The load generator runs on the same "
        "machine and takes part of the two cores (locust far more than wrk).",
        "",
    ]  # fmt: skip
    for db in dict.fromkeys(r["db"] for r in results):
        base = next(r for r in results if r["db"] == db and r["page"] == "bare Django view")
        out += [
            f"## {db}: throughput (closed loop)",
            "",
            f"Bare Django view: {base['rps']:.0f} req/s on average "
            f"({base['rps_min']:.0f}–{base['rps_max']:.0f} over the run).",
            "",
            "| page | req/s | bare view req/s (just before) | ratio "
            "| p50 ms | p95 ms | p99 ms | errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]  # fmt: skip
        for r in results:
            if r["db"] == db and r["kind"] == "closed loop" and r["page"] != "bare Django view":
                ratio = r["rps"] / r["baseline_rps"] if r["baseline_rps"] else 0
                goal = GOALS.get(r["page"], 0.20)
                mark = "" if ratio >= goal or r["page"] in FLOOR else f" (goal {goal:.2f})"
                floor = f" ({FLOOR[r['page']]})" if r["page"] in FLOOR else ""
                out.append(
                    f"| `{r['page']}`{floor} | {r['rps']:.0f} | {r['baseline_rps']:.0f} "
                    f"| {ratio:.2f}{mark} "
                    f"| {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {r['errors']} |"
                )  # fmt: skip
        scen = [r for r in results if r["db"] == db and r["kind"] != "closed loop"]
        if scen:
            out += [
                "",
                f"## {db}: {scen[0]['kind']} with think time (2–8 s), not a closed loop",
                "",
                "| step | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
                "|---|---:|---:|---:|---:|---:|---:|",
            ]
            for r in scen:
                skipped = r["page"].rstrip("/").rsplit("/new", 1)[0] + "/" in SKIPPED
                note = " (404: not in this build, skipped)" if skipped else ""
                out.append(
                    f"| {r['page']}{note} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} "
                    f"| {r['p95']:.0f} | {r['p99']:.0f} | {r['errors']} |"
                )
        out.append("")
    if weights:
        out += [
            "## First-load page weight (compressed HTML + CSS + JS)",
            "",
            "Static files as whitenoise sends them (brotli); the HTML gzipped (level 6) as the "
            "proxy in front sends it (the uncompressed size is listed too).",
            "",
            "| page | total KB | parts (bytes) |",
            "|---|---:|---|",
        ]
        for page, by_db in weights.items():
            w = next(iter(v for v in by_db.values() if v), None)
            if w:
                parts = ", ".join(f"{k} {v}" for k, v in w["parts"].items())
                out.append(f"| `{page}` | {w['total'] / 1024:.1f} | {parts} |")
        out += ["", "Static files:", ""]
        for asset, c in static_checks.items():
            out.append(
                f"- `{asset}`: {c['status']}, encoding `{c['encoding'] or 'none'}`, "
                f"`Cache-Control: {c['cache']}`, hashed name: {'yes' if c['hashed'] else 'no'}"
            )
        out.append("")
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite,postgresql")
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/perfbench"),
    )  # fmt: skip
    parser.add_argument("--keep-db", action="store_true", help="reuse a seeded PostgreSQL db")
    parser.add_argument("--keep-files", action="store_true")
    parser.add_argument("--pages", default="", help="comma-separated; default: every main page")
    parser.add_argument(
        "--reuse-static", action="store_true", help="keep the static files of the last run"
    )
    parser.add_argument("--couples", type=int, default=30)
    parser.add_argument("--users", type=int, default=20, help="closed-loop connections")
    parser.add_argument("--seconds", type=int, default=8, help="per page and per bare run")
    parser.add_argument("--people", type=int, default=50, help="people in the scenario")
    parser.add_argument("--scenario-seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--loader",
        choices=["wrk", "locust"],
        default="wrk" if shutil.which("wrk") else "locust",
        help="closed loops with wrk (default when installed: apt-get install wrk) or locust",
    )
    parser.add_argument("--out", default=str(ROOT / "docs" / "benchmarks.md"))
    opts = parser.parse_args()
    # Stopped with SIGTERM: still stop the servers (the finally blocks below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    base_dir = Path(tempfile.mkdtemp(prefix="nearer-bench-baseline-"))
    base_env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_SETTINGS")},
        "DJANGO_SETTINGS_MODULE": "scripts.baseline.settings",
        "SECRET_KEY": secrets.token_hex(32),
        "BASELINE_DB": str(base_dir / "baseline.sqlite3"),
    }
    opts.base_session = baseline_database(base_env)
    baseline = serve(base_env, "scripts.baseline.wsgi:application", BASE_PORT, opts.workers)
    results, weights, static_checks = [], {}, {}
    try:
        wait_until_up(BASE_PORT, "/")
        # A redirect to the log-in page would count as an answer in the closed loop.
        status, _headers, body = fetch(BASE_PORT, SIGNED_IN, opts.base_session)
        if status != 200 or b"signed in" not in body:
            raise SystemExit(f"the bare project's {SIGNED_IN} answered {status}, not signed in")
        for label in opts.db.split(","):
            if label == "sqlite":
                bench_database("SQLite", None, opts, results, weights, static_checks)
            elif label == "postgresql":
                if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode:
                    log("note: PostgreSQL does not answer on 127.0.0.1: skipped")
                    continue
                bench_database("PostgreSQL", opts.postgres_url, opts, results, weights,
                               static_checks)  # fmt: skip
    finally:
        stop(baseline)
        shutil.rmtree(base_dir, ignore_errors=True)
    text = render(results, weights, static_checks, opts)
    print(text)
    Path(opts.out).write_text(text + "\n")
    with open(Path(opts.out).with_suffix(".csv"), "w", newline="") as f:
        fields = ["db", "kind", "page", "requests", "errors", "rps", "baseline_rps", "p50", "p95",
                  "p99"]  # fmt: skip
        writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(results)
    log(f"written: {opts.out} and {Path(opts.out).with_suffix('.csv')}")


if __name__ == "__main__":
    main()
