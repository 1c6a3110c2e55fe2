#!/usr/bin/env bash
# Serve the web app (granian) and the background worker together. Ctrl-C stops both.
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

if [ "${TASKS_BACKEND:-database}" = "redis" ]; then
  "$PY" manage.py rqworker --job-class django_tasks_rq.Job default &
else
  "$PY" manage.py db_worker --interval 1 &
fi
pids+=($!)
"$(dirname "$PY")/granian" --interface wsgi --host "$HOST" --port "$PORT" \
  --workers "${WEB_WORKERS:-1}" --blocking-threads "${WEB_THREADS:-8}" nearer.wsgi:application &
pids+=($!)
echo "Nearer is running at http://$HOST:$PORT (Ctrl-C stops the web server and the worker)"
# Whichever stops first (or Ctrl-C) stops the other too.
wait -n
