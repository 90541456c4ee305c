# Sourced by .ci/run and run-perf.sh: installs what a fresh machine lacks (Node.js and npm for the
# emulators, the PostgreSQL 15 server, setpriv) and the pinned emulator packages. Needs bash, dotnet.
apt_updated=0
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo" # GitHub's runners are not root
ensure_packages() { # ensure_packages COMMAND-OR-PATH PACKAGE ...
  local probe=$1; shift
  if command -v "$probe" >/dev/null 2>&1 || [ -e "$probe" ]; then return; fi
  if [ "$apt_updated" = 0 ]; then $sudo apt-get update -qq; apt_updated=1; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required (see global.json)"; exit 1; }
ensure_packages node nodejs npm
ensure_packages /usr/lib/postgresql/15/bin/initdb postgresql
ensure_packages setpriv util-linux
ensure_packages redis-server redis-server # the shared cache as a local process (PerfTesting.BackingServices LocalRedis)
ensure_packages unzip unzip # .ci/run checks what the packages contain
ensure_packages jq jq # tools/gate-verdict.sh reads the verdict from results.json
dotnet --version; node --version; npm --version
# The emulators install on first use as well (PerfTesting.BackingServices writes its embedded lockfile
# into this per-user cache folder and runs npm ci there); doing it here keeps test timings honest.
emulators="${XDG_CACHE_HOME:-$HOME/.cache}/perftesting/emulators/$(sha256sum tools/emulators/package-lock.json | cut -c1-16)"
if [ -z "${PERF_EMULATORS_DIR:-}" ] && [ ! -f "$emulators/node_modules/s3rver/bin/s3rver.js" ]; then
  mkdir -p "$emulators" && cp tools/emulators/package.json tools/emulators/package-lock.json "$emulators/"
  (cd "$emulators" && npm ci --no-audit --no-fund --loglevel=error)
fi
