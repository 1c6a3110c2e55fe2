#!/usr/bin/env bash
# Serve the web app (granian) and the background worker together. Ctrl-C stops both.
#
# The worker is `manage.py worker` on either TASKS_BACKEND: it runs tasks (with RQ's
# scheduler on Redis, so tasks with a start time run at it), says it is alive every few
# seconds (/healthz/ready) and enqueues the periodic chores (nearer/background/chores.py).
# WORKERS=2 starts two; chores and scheduled tasks still run once.
set -euo pipefail
PY=${PYTHON:-.venv/bin/python}
PORT=${PORT:-8000}
HOST=${HOST:-127.0.0.1}

pids=()
stop() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

for _ in $(seq "${WORKERS:-1}"); do
  "$PY" manage.py worker &
  pids+=($!)
done
"$(dirname "$PY")/granian" --interface wsgi --host "$HOST" --port "$PORT" \
  --workers "${WEB_WORKERS:-1}" --blocking-threads "${WEB_THREADS:-8}" nearer.wsgi:application &
pids+=($!)
echo "Nearer is running at http://$HOST:$PORT (Ctrl-C stops the web server and the worker)"
# Whichever stops first (or Ctrl-C) stops the others too.
wait -n
