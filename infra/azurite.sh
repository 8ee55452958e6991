#!/usr/bin/env bash
# A private Azurite (the Azure Storage emulator: blobs, queues, tables) on loopback, for tests and development. Its
# data, its log (azurite.log) and its PID file all live under DIR, so a stop and a start on the same DIR keep the data.
#
#   infra/azurite.sh start DIR BLOB_PORT QUEUE_PORT TABLE_PORT   start Azurite on 127.0.0.1 and wait until all three
#                                                                services answer; prints the connection string
#   infra/azurite.sh stop DIR                                    stop the Azurite started in DIR and wait for its exit
#
# Runs the npm package azurite pinned in infra/azurite/package-lock.json: ./test.sh installs it when
# infra/azurite/node_modules is missing, or run `npm ci --ignore-scripts` there yourself.
set -euo pipefail

AZURITE_DIR=$(cd "$(dirname "$0")/azurite" && pwd)
AZURITE_JS=$AZURITE_DIR/node_modules/azurite/dist/src/azurite.js
START_TIMEOUT_SECONDS=${AZURITE_START_TIMEOUT:-30}
STOP_TIMEOUT_SECONDS=15

# Azurite's well-known development account: the same name and key in every Azurite, published in its documentation.
ACCOUNT_NAME=devstoreaccount1
ACCOUNT_KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

usage() {
  sed -n '5,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "azurite.sh: $*" >&2
  exit 1
}

# True when the process in DIR's PID file runs, and is an Azurite on DIR (not a process that took over the number).
running_pid() {
  local dir=$1 pid
  pid=$(cat "$dir/azurite.pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--location $dir " || return 1
  echo "$pid"
}

# True when Azurite itself answers HTTP on 127.0.0.1:PORT. An unauthenticated request is refused, but its answer
# names the server; a bare open port is not enough, since another process may hold one of the ports Azurite wanted.
answers() {
  local port=$1 response
  response=$({
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    printf 'GET /%s?comp=list HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$ACCOUNT_NAME" "$port" >&3
    timeout 2 head -c 512 <&3
  } 2>/dev/null) || return 1
  [[ $response == *"Server: Azurite-"* ]]
}

start() {
  [ $# -eq 4 ] || usage
  local dir=$1 blob_port=$2 queue_port=$3 table_port=$4 port pid
  for port in "$blob_port" "$queue_port" "$table_port"; do
    [[ $port =~ ^[0-9]+$ ]] || die "ports must be numbers, got '$port'"
  done
  command -v node >/dev/null 2>&1 || die "node is not installed: apt-get install nodejs npm (./test.sh does it)"
  [ -f "$AZURITE_JS" ] || die "azurite is not installed ($AZURITE_JS is missing): run ./test.sh, or \`npm ci --ignore-scripts\` in $AZURITE_DIR"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if pid=$(running_pid "$dir"); then
    die "$dir already has a running Azurite (PID $pid); stop it first or use another directory"
  fi

  # --disableTelemetry: Azurite otherwise reports every start, stop and request to Application Insights on the
  # internet. --skipApiVersionCheck: Azurite refuses requests whose x-ms-version is newer than the ones it knows
  # (up to 2026-06-06 for 3.37.0), and the Storage SDKs send their newest by default (Queues 12.28.1 sends
  # 2026-10-06); a test must not fail because an SDK was updated before the emulator. AZURITE_ACCOUNTS and
  # AZURITE_DB are dropped so that a developer's own settings cannot replace the well-known account or the
  # directory's database.
  echo "--- $(date -u +%FT%TZ) start on ports $blob_port $queue_port $table_port" >>"$dir/azurite.log"
  # setsid: Azurite outlives this script and is not stopped by the caller's terminal or process group. It writes
  # to its log only, so the caller's pipes close when this script exits.
  setsid env -u AZURITE_ACCOUNTS -u AZURITE_DB node "$AZURITE_JS" \
    --silent --disableTelemetry --skipApiVersionCheck --location "$dir" \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" \
    >>"$dir/azurite.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/azurite.pid"

  local deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until answers "$blob_port" && answers "$queue_port" && answers "$table_port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "azurite.sh: Azurite exited while starting; its log:" >&2
      tail -n 40 "$dir/azurite.log" >&2 || true
      rm -f "$dir/azurite.pid"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "azurite.sh: Azurite did not answer on ports $blob_port, $queue_port and $table_port within ${START_TIMEOUT_SECONDS}s; its log:" >&2
      tail -n 40 "$dir/azurite.log" >&2 || true
      stop "$dir" >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 0.1
  done
  # A port another process held answers too, but then Azurite fails to listen on it and exits.
  kill -0 "$pid" 2>/dev/null || die "Azurite exited while starting; its log: $(tail -n 40 "$dir/azurite.log")"

  local endpoint=http://127.0.0.1
  echo "DefaultEndpointsProtocol=http;AccountName=$ACCOUNT_NAME;AccountKey=$ACCOUNT_KEY;BlobEndpoint=$endpoint:$blob_port/$ACCOUNT_NAME;QueueEndpoint=$endpoint:$queue_port/$ACCOUNT_NAME;TableEndpoint=$endpoint:$table_port/$ACCOUNT_NAME;"
}

stop() {
  [ $# -eq 1 ] || usage
  local dir pid
  dir=$(cd "$1" 2>/dev/null && pwd) || die "no directory $1"
  if ! pid=$(running_pid "$dir"); then
    rm -f "$dir/azurite.pid"
    return 0
  fi
  # SIGTERM lets Azurite close its servers and save its databases to DIR; SIGKILL only when it does not exit.
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + STOP_TIMEOUT_SECONDS))
  while kill -0 "$pid" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then
      echo "azurite.sh: Azurite (PID $pid) did not exit within ${STOP_TIMEOUT_SECONDS}s of SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
    sleep 0.1
  done
  rm -f "$dir/azurite.pid"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) usage ;;
esac
