#!/usr/bin/env bash
# A private RabbitMQ node on loopback, for tests and development. It never touches the system node: its own node
# name, dist port, data, logs, configuration, env file and Erlang cookie all live under DIR.
#
#   infra/rabbitmq.sh start DIR PORT [MGMT_PORT]   start a node listening on 127.0.0.1:PORT (management on MGMT_PORT)
#                                                  and wait until it is up; prints the node name
#   infra/rabbitmq.sh stop DIR                     stop the node started in DIR
#   infra/rabbitmq.sh stop_app DIR                 stop the broker application only (an outage: clients disconnect)
#   infra/rabbitmq.sh start_app DIR                start it again after stop_app
#
# Needs Debian's rabbitmq-server package (apt-get install rabbitmq-server). Run as root, the node runs as the
# `rabbitmq` user (as Debian's own wrapper would), so DIR is handed to that user.
set -euo pipefail

RABBITMQ_BIN=${RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}
START_TIMEOUT_SECONDS=${RABBITMQ_START_TIMEOUT:-90}

usage() {
  sed -n '5,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "rabbitmq.sh: $*" >&2
  exit 1
}

# Runs a RabbitMQ program with DIR's private environment, as the rabbitmq user when we are root.
# The programs are called directly rather than through /usr/sbin's wrappers: those reset HOME to
# /var/lib/rabbitmq, which would share the system node's Erlang cookie.
run_as_node_user() {
  local dir=$1
  shift
  local -a environment=(
    HOME="$dir/home"
    RABBITMQ_NODENAME="$(cat "$dir/nodename")"
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$(cat "$dir/port")"
    RABBITMQ_DIST_PORT="$(cat "$dir/dist_port")"
    RABBITMQ_MNESIA_BASE="$dir/mnesia"
    RABBITMQ_LOG_BASE="$dir/log"
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="$(cat "$dir/erl_args")"
  )
  if [ "$(id -u)" = 0 ]; then
    runuser -u rabbitmq -- env "${environment[@]}" "$@"
  else
    env "${environment[@]}" "$@"
  fi
}

ctl() {
  local dir=$1
  shift
  run_as_node_user "$dir" "$RABBITMQ_BIN/rabbitmqctl" -n "$(cat "$dir/nodename")" "$@"
}

free_port() {
  # The kernel hands out a free port; the short window before the node binds it is acceptable for tests.
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 40000-60000 -n 1
}

start() {
  [ $# -ge 2 ] || usage
  local dir=$1 port=$2 mgmt_port=${3:-}
  [ -x "$RABBITMQ_BIN/rabbitmq-server" ] || die "RabbitMQ is not installed ($RABBITMQ_BIN/rabbitmq-server is missing): apt-get install rabbitmq-server"
  [[ $port =~ ^[0-9]+$ ]] || die "PORT must be a number, got '$port'"
  [ -z "$mgmt_port" ] || [[ $mgmt_port =~ ^[0-9]+$ ]] || die "MGMT_PORT must be a number, got '$mgmt_port'"

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -f "$dir/nodename" ] || die "$dir already holds a node ($(cat "$dir/nodename")); stop it first or use another directory"

  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
  echo "switchyard-$port-$$-$RANDOM@localhost" >"$dir/nodename"
  echo "$port" >"$dir/port"
  free_port >"$dir/dist_port"
  : >"$dir/rabbitmq-env.conf"
  # A small disk must not raise the free-disk alarm that blocks publishers in the middle of a test.
  printf 'disk_free_limit.absolute = 50MB\n' >"$dir/rabbitmq.conf"
  # Erlang distribution on loopback too: nothing of this node is reachable from outside the machine.
  local erl_args='-kernel inet_dist_use_interface {127,0,0,1}'
  if [ -n "$mgmt_port" ]; then
    echo '[rabbitmq_management].' >"$dir/enabled_plugins"
    erl_args+=" -rabbitmq_management tcp_config [{ip,\"127.0.0.1\"},{port,$mgmt_port}]"
  else
    echo '[].' >"$dir/enabled_plugins"
  fi
  echo "$erl_args" >"$dir/erl_args"
  # A private cookie, so this node and its rabbitmqctl never read or create the system node's one.
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/home/.erlang.cookie"
  chmod 400 "$dir/home/.erlang.cookie"
  if [ "$(id -u)" = 0 ]; then
    chown -R rabbitmq:rabbitmq "$dir"
  fi

  # setsid: the node outlives this script and is not killed by the caller's terminal or process group.
  run_as_node_user "$dir" setsid "$RABBITMQ_BIN/rabbitmq-server" >"$dir/log/server.out" 2>&1 </dev/null &
  local server_pid=$!
  echo "$server_pid" >"$dir/server.pid"

  local deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until ctl "$dir" await_startup --timeout 10 >"$dir/log/await.out" 2>&1; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "rabbitmq.sh: the node $(cat "$dir/nodename") exited while starting; its output:" >&2
      tail -n 40 "$dir/log/server.out" >&2 || true
      rm -f "$dir/nodename"
      exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "rabbitmq.sh: the node $(cat "$dir/nodename") did not start within ${START_TIMEOUT_SECONDS}s; its output:" >&2
      tail -n 40 "$dir/log/server.out" >&2 || true
      tail -n 10 "$dir/log/await.out" >&2 || true
      stop "$dir" >/dev/null 2>&1 || true
      exit 1
    fi
    sleep 0.5
  done
  cat "$dir/nodename"
}

require_node() {
  [ $# -ge 1 ] || usage
  [ -f "$1/nodename" ] || die "no node was started in $1"
}

stop() {
  require_node "$@"
  local dir=$1
  local server_pid
  server_pid=$(cat "$dir/server.pid" 2>/dev/null || echo "")
  if ! ctl "$dir" stop >"$dir/log/stop.out" 2>&1 && [ -n "$server_pid" ]; then
    # The node does not answer: end its process instead.
    kill "$server_pid" 2>/dev/null || true
  fi
  # rabbitmqctl returns while the node halts; wait until it is gone so its ports and files are free.
  if [ -n "$server_pid" ]; then
    local deadline=$((SECONDS + 30))
    while kill -0 "$server_pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  fi
  rm -f "$dir/nodename"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  stop_app | start_app)
    command=$1
    shift
    require_node "$@"
    ctl "$1" "$command"
    ;;
  *) usage ;;
esac
