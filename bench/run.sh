#!/usr/bin/env bash
# The side-by-side load benchmark: Switchyard beside the backend alone, nginx and HAProxy, driven by wrk.
#   bench/run.sh [--quick] [--hedging | --telemetry]
# Installs what is missing (wrk, nginx, HAProxy, gnuplot), builds the gateway and the benchmark in Release, runs the
# benchmark (it starts and stops every server itself and writes bench/results/latest.md and the concurrent-calls CSV),
# then draws bench/results/concurrent-calls-cdf.png. --quick: one connection count and short runs (under 2 minutes).
# --hedging: only the hedged-calls experiment (about 3 minutes; bench/results/hedging.md and hedging-cdf.png).
# --telemetry: only the telemetry-cost experiment (about 10 minutes; bench/results/telemetry.md): this build with and
# without OpenTelemetry beside a build of TELEMETRY_BASELINE (default: the last commit before the gateway had spans
# and metrics), checked out in a temporary worktree.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=()
hedging=false
telemetry=false
for argument in "$@"; do
  case "$argument" in
    --quick) mode+=(--quick) ;;
    --hedging) mode+=(--hedging); hedging=true ;;
    --telemetry) mode+=(--telemetry); telemetry=true ;;
    *) echo "usage: bench/run.sh [--quick] [--hedging | --telemetry]" >&2; exit 2 ;;
  esac
done

# A package installed here may start and enable a system service; the benchmark starts its own private instances
# and never uses one, so leave none running.
stop_service() {
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now "$1" >/dev/null 2>&1 || true
  fi
  if [ -x "/etc/init.d/$1" ]; then
    "/etc/init.d/$1" stop >/dev/null 2>&1 || true
  fi
}

# need <program path> <apt package> [service the package starts]
need() {
  if [ -x "$1" ]; then
    return
  fi
  echo "run.sh: $1 is missing; installing $2 with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"
  if [ -n "${3:-}" ]; then
    stop_service "$3"
  fi
  if [ ! -x "$1" ]; then
    echo "run.sh: installing $2 did not provide $1" >&2
    exit 1
  fi
}

need /usr/bin/wrk wrk
if [ "$hedging" = false ] && [ "$telemetry" = false ]; then
  need /usr/sbin/nginx nginx-light nginx
  need /usr/sbin/haproxy haproxy haproxy
fi
need /usr/bin/gnuplot gnuplot-nox
if ! command -v dotnet >/dev/null 2>&1; then
  echo "run.sh: dotnet is missing; run ./test.sh once to set the machine up" >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

build() {
  if ! log=$(dotnet build -c Release "$1" --nologo -v q 2>&1); then
    echo "$log" >&2
    echo "run.sh: building $1 failed" >&2
    exit 1
  fi
}
build functions/Switchyard.Functions.csproj
build bench/Switchyard.LoadBench/Switchyard.LoadBench.csproj

if [ "$telemetry" = true ]; then
  baseline_revision=${TELEMETRY_BASELINE:-9a5998b}
  baseline=$(mktemp -d)
  trap 'git worktree remove --force "$baseline" >/dev/null 2>&1 || true; rm -rf "$baseline"' EXIT
  git worktree add --detach "$baseline" "$baseline_revision" >/dev/null
  build "$baseline/functions/Switchyard.Functions.csproj"
  mode+=(--baseline-gateway "$baseline/functions/bin/Release/net10.0/switchyard" --baseline-revision "$baseline_revision")
fi

bench/Switchyard.LoadBench/bin/Release/net10.0/Switchyard.LoadBench \
  --gateway functions/bin/Release/net10.0/switchyard "${mode[@]}"
if [ "$telemetry" = true ]; then
  echo "run.sh: results in bench/results/telemetry.md"
elif [ "$hedging" = true ]; then
  gnuplot -c bench/plot-hedging-cdf.gp bench/results/hedging-cdf.csv bench/results/hedging-cdf.png
  echo "run.sh: results in bench/results/hedging.md, plot in bench/results/hedging-cdf.png"
else
  gnuplot -c bench/plot-cdf.gp bench/results/concurrent-calls-cdf.csv bench/results/concurrent-calls-cdf.png
  echo "run.sh: results in bench/results/latest.md, plot in bench/results/concurrent-calls-cdf.png"
fi
