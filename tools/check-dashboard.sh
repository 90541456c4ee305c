#!/usr/bin/env bash
# Checks the registry's /dashboard in a real browser: starts the registry on the embedded backing
# services (loopback) through src/Registry.AppHost, seeds a 1 MiB Tiny-LLM stand-in, then headless
# Chromium (Playwright) types the admin token, clicks Start, waits for the run to complete and screenshots the charts.
# Usage: tools/check-dashboard.sh [OUT.png]   (default artifacts/dashboard.png; installs chromium if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-artifacts/dashboard.png}")
mkdir -p "$(dirname "$out")"
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
if ! command -v chromium >/dev/null 2>&1; then
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
(cd tools/dashboard-check && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error)
dotnet build src/Registry.AppHost --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export REGISTRY_ADMIN_TOKEN=dashboard-check-admin-token REGISTRY_READER_TOKEN=dashboard-check-reader-token
log=$(mktemp)
dotnet src/Registry.AppHost/bin/Debug/net10.0/Registry.AppHost.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
registry=$!
trap 'kill "$registry" 2>/dev/null; wait "$registry" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 "$registry" 2>/dev/null || { cat "$log"; echo "FAIL: the registry exited"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/health" >/dev/null || { cat "$log"; echo "FAIL: the registry did not start in 120 s"; exit 1; }
dotnet src/Registry.AppHost/bin/Debug/net10.0/Registry.AppHost.dll seed --url "http://127.0.0.1:$port" --models 3 --size-mb 1 --token "$REGISTRY_ADMIN_TOKEN"
node tools/dashboard-check/check.mjs "http://127.0.0.1:$port/dashboard" "$REGISTRY_ADMIN_TOKEN" "$out"
