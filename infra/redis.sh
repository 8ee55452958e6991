#!/usr/bin/env bash
# A private Redis server on loopback, for tests and development. It never touches the system server: its
# configuration, pid file, log and working directory all live under DIR, it binds 127.0.0.1 only and it persists
# nothing (no RDB snapshots, no append-only file).
#
#   infra/redis.sh start DIR PORT [PASSWORD]   start a server on 127.0.0.1:PORT (the default user needs PASSWORD when
#                                              given) and wait until it answers PING; DIR may hold a stopped server
#   infra/redis.sh stop DIR                    stop the server started in DIR (an outage: clients disconnect)
#
# With REDIS_TLS_CERT, REDIS_TLS_KEY and REDIS_TLS_CA (PEM files) set at start, PORT speaks TLS only (rediss://),
# with that server certificate; clients are not asked for one.
# Needs Debian's redis-server package (apt-get install redis-server).
set -euo pipefail

REDIS_SERVER=${REDIS_SERVER:-/usr/bin/redis-server}
REDIS_CLI=${REDIS_CLI:-/usr/bin/redis-cli}
START_TIMEOUT_SECONDS=${REDIS_START_TIMEOUT:-30}

usage() {
  sed -n '6,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "redis.sh: $*" >&2
  exit 1
}

# PING with DIR's port and password; the password goes through the environment, never the command line.
ping_server() {
  local dir=$1
  local -a tls=()
  if [ -f "$dir/tls-ca.pem" ]; then
    tls=(--tls --cacert "$dir/tls-ca.pem")
  fi
  REDISCLI_AUTH="$(cat "$dir/password")" "$REDIS_CLI" -h 127.0.0.1 -p "$(cat "$dir/port")" "${tls[@]}" --no-auth-warning ping 2>/dev/null
}

start() {
  [ $# -ge 2 ] || usage
  local dir=$1 port=$2 password=${3:-}
  [ -x "$REDIS_SERVER" ] || die "Redis is not installed ($REDIS_SERVER is missing): apt-get install redis-server"
  [[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
  [[ $password =~ ^[A-Za-z0-9._~-]*$ ]] || die "PASSWORD may hold letters, digits and . _ ~ - only"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ -f "$dir/redis.pid" ] && kill -0 "$(cat "$dir/redis.pid")" 2>/dev/null; then
    die "$dir already holds a running server (pid $(cat "$dir/redis.pid")); stop it first or use another directory"
  fi

  echo "$port" >"$dir/port"
  printf '%s' "$password" >"$dir/password"
  chmod 600 "$dir/password"
  rm -f "$dir/tls-ca.pem"
  if [ -n "${REDIS_TLS_CERT:-}" ]; then
    [ -f "$REDIS_TLS_CERT" ] && [ -f "${REDIS_TLS_KEY:-}" ] && [ -f "${REDIS_TLS_CA:-}" ] \
      || die "REDIS_TLS_CERT, REDIS_TLS_KEY and REDIS_TLS_CA must all name PEM files"
    cp "$REDIS_TLS_CA" "$dir/tls-ca.pem"
  fi
  {
    echo "bind 127.0.0.1"
    if [ -f "$dir/tls-ca.pem" ]; then
      echo "port 0"
      echo "tls-port $port"
      echo "tls-cert-file $REDIS_TLS_CERT"
      echo "tls-key-file $REDIS_TLS_KEY"
      echo "tls-ca-cert-file $dir/tls-ca.pem"
      echo "tls-auth-clients no"
    else
      echo "port $port"
    fi
    echo "protected-mode yes"
    echo "dir $dir"
    echo "pidfile $dir/redis.pid"
    echo "logfile $dir/redis.log"
    echo "daemonize yes"
    # Nothing written to disk: a test server starts empty every time.
    echo 'save ""'
    echo "appendonly no"
    # Clients of a stopped test are closed by the server, not left hanging.
    echo "timeout 0"
    if [ -n "$password" ]; then
      echo "requirepass $password"
    fi
  } >"$dir/redis.conf"
  chmod 600 "$dir/redis.conf"
  rm -f "$dir/redis.pid"

  "$REDIS_SERVER" "$dir/redis.conf" >"$dir/server.out" 2>&1 </dev/null || {
    echo "redis.sh: redis-server did not start; its output:" >&2
    cat "$dir/server.out" >&2 || true
    tail -n 20 "$dir/redis.log" >&2 2>/dev/null || true
    exit 1
  }

  local deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until [ "$(ping_server "$dir")" = "PONG" ]; do
    if [ $SECONDS -ge $deadline ]; then
      echo "redis.sh: the server on port $port did not answer PING within ${START_TIMEOUT_SECONDS}s; its log:" >&2
      tail -n 20 "$dir/redis.log" >&2 2>/dev/null || true
      stop "$dir" >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 0.1
  done
  echo "$port"
}

stop() {
  [ $# -ge 1 ] || usage
  local dir=$1
  [ -f "$dir/port" ] || die "no server was started in $dir"
  local pid
  pid=$(cat "$dir/redis.pid" 2>/dev/null || echo "")
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    return
  fi
  kill "$pid" 2>/dev/null || true
  # Wait until it is gone, so its port is free for a server started again in DIR.
  local deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/redis.pid"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) usage ;;
esac
