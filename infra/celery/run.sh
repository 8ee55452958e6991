#!/usr/bin/env bash
# Runs the Celery test app on Debian's Python and Celery, with the broker from CELERY_BROKER_URL:
#
#   infra/celery/run.sh worker [celery worker options]   the worker with events on (-E), in the foreground
#   infra/celery/run.sh send [N]                         sends N of each task (add, boom, flaky); prints `name id` lines
#
# The machine's default python3 may be another interpreter (pyenv) without Celery, so this uses /usr/bin/python3 and
# drops the PYTHON*/PYENV* variables that would point it at that interpreter's libraries. The worker is one solo
# process without gossip, mingle or heartbeat: it emits task events only, which keeps its event stream countable.
set -euo pipefail
cd "$(dirname "$0")"

for variable in $(compgen -e | grep -E '^(PYTHON|PYENV)' || true); do
  unset "$variable"
done
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1

command=${1:-}
shift || true
case "$command" in
  worker)
    exec /usr/bin/python3 -m celery -A tasks worker -E -P solo -c 1 -l info \
      --without-heartbeat --without-gossip --without-mingle "$@" ;;
  send)
    exec /usr/bin/python3 send.py "$@" ;;
  *)
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2 ;;
esac
