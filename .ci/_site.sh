# A throwaway production-like hub for .ci/production and .ci/schemathesis (sourced, not run).
#
# site_prepare: collects static files with the manifest storage (unless the caller sets
# STATIC_MANIFEST=false), migrates a new SQLite database and loads the demo, all under a
# temporary directory, with DEBUG=false (from a copy of SITE_DB_TEMPLATE, a migrated SQLite
# file, when the caller names one).
# site_start: starts gunicorn (the server docs/operations.md names) on a free port of
# 127.0.0.1 and waits until it answers. site_stop (also run on exit) stops it and removes
# the directory. Every step is bounded in time; a failure ends the calling script.
set -euo pipefail

SITE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -x "$SITE_ROOT/.venv/bin/python" ]; then
  export PATH="$SITE_ROOT/.venv/bin:$PATH"
fi

SITE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/improvement-hub-site.XXXXXX")"
SITE_PID=""
SITE_PORT=""
SITE_URL=""

site_stop() {
  if [ -n "$SITE_PID" ] && kill -0 "$SITE_PID" 2>/dev/null; then
    kill -TERM "$SITE_PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$SITE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$SITE_PID" 2>/dev/null || true
    wait "$SITE_PID" 2>/dev/null || true
  fi
  SITE_PID=""
  if [ "${SITE_KEEP:-}" != "1" ]; then rm -rf "$SITE_DIR"; fi
}
# On any failure, a last line that says which step failed (the checks print their own).
SITE_NAME="$(basename "$0")"
SITE_STEP="setting up"
SITE_SUMMARY_DONE=""
site_on_exit() {
  local code=$?
  site_stop
  if [ "$code" -ne 0 ] && [ -z "$SITE_SUMMARY_DONE" ]; then
    echo "$SITE_NAME: FAILED while $SITE_STEP (exit $code)"
  fi
  exit "$code"
}
trap site_on_exit EXIT

# The production settings, and nothing from the calling environment that could change them.
unset DATABASE_URL DJANGO_SETTINGS_MODULE WHITENOISE_USE_FINDERS CACHE_URL EMAIL_URL \
  TASKS_BACKEND BEHIND_HTTPS_PROXY SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE
export DEBUG=false
SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false
export STATIC_MANIFEST=true
export VAR_DIR="$SITE_DIR/var"
export DATABASE_URL="sqlite:///$SITE_DIR/var/hub.sqlite3"
export STATIC_ROOT="$SITE_DIR/var/static"
export MEDIA_ROOT="$SITE_DIR/var/media"
export PRIVATE_MEDIA_ROOT="$SITE_DIR/var/private"
mkdir -p "$VAR_DIR"

# Run the hub's commands from the temporary directory, so a developer's .env or var/ in
# the checkout plays no part.
hub() { (cd "$SITE_DIR" && timeout "${HUB_TIMEOUT:-600}" improvement-hub "$@"); }

site_prepare() {
  if [ "$STATIC_MANIFEST" = true ]; then
    echo "-- collectstatic (DEBUG=false, manifest storage)"
    SITE_STEP="collecting static files"
    hub collectstatic --noinput -v 0
  fi
  echo "-- migrate a new SQLite database and load the demo"
  SITE_STEP="migrating"
  if [ -n "${SITE_DB_TEMPLATE:-}" ]; then
    # A database migrated beforehand (.ci/run's SQLite template): copied, then migrate
    # applies only what it lacks, instead of every migration again.
    cp "$SITE_DB_TEMPLATE" "$SITE_DIR/var/hub.sqlite3"
  fi
  hub migrate --noinput -v 0
  SITE_STEP="loading the demo"
  hub demo >"$SITE_DIR/demo.log" 2>&1 || { cat "$SITE_DIR/demo.log" >&2; return 1; }
}

site_start() {
  SITE_PORT="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  SITE_URL="http://127.0.0.1:$SITE_PORT"
  echo "-- gunicorn on $SITE_URL"
  SITE_STEP="starting gunicorn"
  (cd "$SITE_DIR" && exec gunicorn -c python:improvement_hub.config.gunicorn improvement_hub.config.wsgi -w "${SITE_WORKERS:-2}" \
    -b "127.0.0.1:$SITE_PORT" --timeout 60 --graceful-timeout 5 \
    >"$SITE_DIR/gunicorn.log" 2>&1) &
  SITE_PID=$!
  for _ in $(seq 1 60); do
    if ! kill -0 "$SITE_PID" 2>/dev/null; then
      echo "gunicorn stopped while starting:" >&2
      tail -n 40 "$SITE_DIR/gunicorn.log" >&2
      return 1
    fi
    if python -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)' \
      "$SITE_URL/" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "gunicorn did not answer within 60 s:" >&2
  tail -n 40 "$SITE_DIR/gunicorn.log" >&2
  return 1
}

# The 500s in the server's log, one line each: the request's path and the exception (the
# last one of a chained traceback).
site_server_errors() {
  python - "$SITE_DIR/gunicorn.log" <<'PY'
import re
import sys

errors, seen = [], set()
path = exception = None


def flush():
    if path and exception and (path, exception) not in seen:
        seen.add((path, exception))
        errors.append(f"500 {path}: {exception}")


with open(sys.argv[1], encoding="utf-8", errors="replace") as log:
    for line in log:
        match = re.match(r"Internal Server Error: (\S+)", line)
        if match:
            flush()
            path, exception = match.group(1), None
        elif path and re.match(r"[A-Za-z_][\w.]*(Error|Exception|Exit|Warning)\b", line):
            exception = line.strip()[:300]
flush()
print("\n".join(errors) if errors else "(no 500 in the server's log)")
PY
}
