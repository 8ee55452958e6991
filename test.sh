#!/usr/bin/env bash
# Runs every Switchyard test on a fresh machine: installs what the tests need when it is missing, builds the
# solution and runs all test projects. Exit code 0 only when every test passed.
set -euo pipefail
cd "$(dirname "$0")"

need_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks | grep -q '^10\.'; then
    return
  fi
  echo "test.sh: the .NET 10 SDK is missing; installing it with apt-get" >&2
  apt-get update -qq
  apt-get install -y -qq dotnet-sdk-10.0
}

# The AMQP tests start private RabbitMQ nodes through infra/rabbitmq.sh; they need the server installed, not running.
need_rabbitmq() {
  if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
    return
  fi
  echo "test.sh: rabbitmq-server is missing; installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server
  # The package may start and enable a system node; the tests never use one, so leave none running.
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now rabbitmq-server >/dev/null 2>&1 || true
  fi
  if [ -x /usr/sbin/rabbitmqctl ] && /usr/sbin/rabbitmqctl -q status >/dev/null 2>&1; then
    /usr/sbin/rabbitmqctl -q stop >/dev/null 2>&1 || true
  fi
}

# The Redis fan-out tests start private servers through infra/redis.sh; they need the server installed, not running.
need_redis() {
  if [ -x /usr/bin/redis-server ] && [ -x /usr/bin/redis-cli ]; then
    return
  fi
  echo "test.sh: redis-server is missing; installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server redis-tools
  # The package may start and enable a system server on port 6379; the tests never use one, so leave none running.
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now redis-server >/dev/null 2>&1 || true
  fi
  if [ -x /etc/init.d/redis-server ]; then
    /etc/init.d/redis-server stop >/dev/null 2>&1 || true
  fi
}

# The Prometheus tests run Debian's real prometheus, each with its own data directory, port and scrape configuration.
need_prometheus() {
  if command -v prometheus >/dev/null 2>&1; then
    return
  fi
  echo "test.sh: prometheus is missing; installing it with apt-get" >&2
  apt-get update -qq
  # Without its recommended node exporter, a second system service the tests never use.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus
  # The package starts and enables a system server on port 9090 scraping itself; the tests never use it, so leave none
  # running (it would also take the exporters' default port).
  if command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now prometheus prometheus-node-exporter >/dev/null 2>&1 || true
  fi
  for service in prometheus prometheus-node-exporter; do
    if [ -x "/etc/init.d/$service" ]; then
      "/etc/init.d/$service" stop >/dev/null 2>&1 || true
    fi
  done
}

need_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    return
  fi
  echo "test.sh: node and npm are missing; installing them with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
}

# The JWT and OAuth 2.0 client tests run a real authorization server, infra/oidc/server.mjs, on oidc-provider at the
# version pinned by its lock file (--ignore-scripts: its packages are plain JavaScript with no install step).
need_oidc_provider() {
  # oidc-provider 9 calls URL.parse and crypto.hash, which Node.js 18 (Debian's own package) lacks.
  if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    echo "test.sh: the OpenID Connect provider the JWT tests start needs Node.js 20 or newer; found $(node --version)" >&2
    exit 1
  fi
  if [ ! -d infra/oidc/node_modules ]; then
    (cd infra/oidc && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
}

# The tests that need Azure Storage run Azurite (infra/azurite.sh) from infra/azurite, at the version its lock file pins.
# --ignore-scripts: the only install script among its packages is protobufjs's postinstall, which just prints a
# version-scheme warning; none of them builds a native addon. Azurite 3.37.0 declares Node.js 22 but runs on 20.
need_azurite() {
  if [ ! -d infra/azurite/node_modules ]; then
    (cd infra/azurite && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  fi
}

# The Celery traffic tests run a real worker from infra/celery on Debian's Python (/usr/bin/python3), not the
# machine's default python3, so Debian's packages are what they need.
need_celery() {
  if [ -x /usr/bin/python3 ] && env -u PYTHONPATH -u PYTHONHOME /usr/bin/python3 -c 'import celery, kombu, redis' >/dev/null 2>&1; then
    return
  fi
  echo "test.sh: Celery is missing for /usr/bin/python3; installing Debian's celery, python3-celery and python3-redis with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq celery python3-celery python3-kombu python3-redis
}

# The packaged-app tests publish the function app as Native AOT, whose compiler links with the platform's C toolchain
# (clang or gcc) and strips symbols with objcopy.
need_native_toolchain() {
  if { command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1; } && command -v objcopy >/dev/null 2>&1; then
    return
  fi
  echo "test.sh: a C toolchain for the Native AOT publish is missing; installing gcc and binutils with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc binutils
}

# The TLS tests drive a TLS 1.1 client that .NET cannot be with Debian's `openssl s_client`.
need_openssl() {
  if command -v openssl >/dev/null 2>&1; then
    return
  fi
  echo "test.sh: openssl is missing; installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl
}

# The control page's browser test drives Debian's Chromium through Playwright (never `playwright install`).
need_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "test.sh: chromium is missing; installing it with apt-get" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
}

need_dotnet
need_rabbitmq
need_redis
need_prometheus
need_node
need_azurite
need_oidc_provider
need_celery
need_chromium
need_openssl
need_native_toolchain
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The Bicep tests compile bicep/ with the Bicep CLI that restore downloads (a PackageDownload of
# tests/Switchyard.Functions.Tests) into the NuGet global packages folder.
# -m:1 runs the test projects one after the other: their servers and timing tests do not compete for the 2 cores.
dotnet test Serverless.sln --nologo -m:1 2>&1 | tee "$log" || status=$?

# One closing line for CI: the totals of every test project.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
