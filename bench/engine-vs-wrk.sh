#!/usr/bin/env bash
# The engine against wrk (C, epoll) and a bare HttpClient loop, all against the same nginx on
# loopback, in one run. Ratios are what matter: absolute figures drift between machines and runs.
# Last four lines (exactly): small_ratio, large_ratio, overhead, memory_mb. See README for targets.
# Usage: bench/engine-vs-wrk.sh [SECONDS_PER_PHASE]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
fi

work=$(mktemp -d); chmod 755 "$work"
cleanup() { [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/www"
head -c 64 /dev/zero | tr '\0' 'a' > "$work/www/small.bin"
head -c $((4 * 1024 * 1024)) /dev/urandom > "$work/www/large.bin"
chmod -R a+rX "$work/www"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 10000000;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$port; root $work/www; }
}
CONF
nginx -p "$work" -c "$work/nginx.conf"
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/small.bin" >/dev/null && break; sleep 0.1; done

dotnet build bench/EngineBench -c Release --nologo -v quiet >/dev/null
bench() { dotnet bench/EngineBench/bin/Release/net10.0/EngineBench.dll "$@"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
# wrk's own output goes to stderr so that the log keeps it; stdout carries only the figure.
wrk_rps() { local out; out=$(wrk -t2 -c"$1" -d"${seconds}s" "$2"); echo "$out" >&2; echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }

small="http://127.0.0.1:$port/small.bin"; large="http://127.0.0.1:$port/large.bin"
echo "== 64-byte file, 64 connections, ${seconds}s per phase (nginx, 1 worker, 127.0.0.1:$port)"
wrk_small=$(wrk_rps 64 "$small")
engine_small_line=$(bench engine "$small" 64 "$seconds"); echo "engine: $engine_small_line"
bare_small_line=$(bench bare "$small" 64 "$seconds"); echo "bare loop: $bare_small_line"
echo "== 4 MiB file, 16 connections"
wrk_large_rps=$(wrk_rps 16 "$large")
engine_large_line=$(bench engine "$large" 16 "$seconds"); echo "engine: $engine_large_line"
bare_large_line=$(bench bare "$large" 16 "$seconds"); echo "bare loop: $bare_large_line"
echo "== memory: engine recording 10,000,000 requests (or 60 s)"
memory_line=$(bench memory 10000000 60); echo "memory: $memory_line"

engine_small=$(echo "$engine_small_line" | field requests_per_sec)
bare_small=$(echo "$bare_small_line" | field requests_per_sec)
engine_large=$(echo "$engine_large_line" | field bytes_per_sec)
wrk_large=$(python3 -c "print($wrk_large_rps * 4 * 1024 * 1024)")
memory=$(echo "$memory_line" | field memory_growth_mb)
bare_large=$(echo "$bare_large_line" | field bytes_per_sec)
echo "wrk_small_rps=$wrk_small engine_small_rps=$engine_small bare_small_rps=$bare_small wrk_large_bytes_per_sec=$wrk_large engine_large_bytes_per_sec=$engine_large bare_large_bytes_per_sec=$bare_large"
python3 - "$engine_small" "$wrk_small" "$engine_large" "$wrk_large" "$bare_small" "$memory" <<'PY'
import sys
engine_small, wrk_small, engine_large, wrk_large, bare_small, memory = map(float, sys.argv[1:])
print(f"small_ratio={engine_small / wrk_small:.3f}")
print(f"large_ratio={engine_large / wrk_large:.3f}")
print(f"overhead={1 - engine_small / bare_small:.3f}")
print(f"memory_mb={memory:.1f}")
PY
