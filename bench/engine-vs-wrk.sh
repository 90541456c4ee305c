#!/usr/bin/env bash
# The engine against wrk (C, epoll) and a bare HttpClient loop, all against the same nginx on
# loopback, in one run. Ratios are what matter: absolute figures drift between machines and runs.
# Every tool gets the same 64 connections on both files (wrk -t2: one thread per core).
# Last four lines (exactly): small_ratio, large_ratio, overhead, memory_mb. See README for targets.
# Usage: bench/engine-vs-wrk.sh [SECONDS_PER_PHASE] [ROUNDS]   (defaults 5 and 5)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
rounds="${2:-5}"
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
# Small responses: socket completions run on the epoll thread instead of hopping to the thread pool,
# as wrk's event loop does; measured +20% requests/s for any HttpClient here, engine and bare loop
# alike, but slower on 4 MiB bodies (the copy then blocks the epoll thread), so only the small phases.
small_bench() { DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1 bench "$@"; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p"; }
# wrk's own output goes to stderr so that the log keeps it; stdout carries only the figure.
wrk_rps() { local out; out=$(wrk -t2 -c"$1" -d"${seconds}s" "$2"); echo "$out" >&2; echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p'; }

small="http://127.0.0.1:$port/small.bin"; large="http://127.0.0.1:$port/large.bin"
# One sample per tool drifts by 10-15% on this machine (the three compete with nginx for two cores), so
# the tools take turns within each round and every figure is the median over the rounds.
for round in $(seq 1 "$rounds"); do
  echo "== round $round/$rounds: 64-byte file, 64 connections, ${seconds}s per phase (nginx, 1 worker, 127.0.0.1:$port)"
  wrk_rps 64 "$small" >> "$work/wrk_small"
  line=$(small_bench engine "$small" 64 "$seconds"); echo "engine: $line"; echo "$line" | field requests_per_sec >> "$work/engine_small"
  line=$(small_bench bare "$small" 64 "$seconds"); echo "bare loop: $line"; echo "$line" | field requests_per_sec >> "$work/bare_small"
  echo "== round $round/$rounds: 4 MiB file, 64 connections"
  wrk_rps 64 "$large" >> "$work/wrk_large_rps"
  line=$(bench engine "$large" 64 "$seconds"); echo "engine: $line"; echo "$line" | field bytes_per_sec >> "$work/engine_large"
  line=$(bench bare "$large" 64 "$seconds"); echo "bare loop: $line"; echo "$line" | field bytes_per_sec >> "$work/bare_large"
done
echo "== memory: engine recording 10,000,000 requests (or 60 s)"
memory_line=$(bench memory 10000000 60); echo "memory: $memory_line"
echo "$memory_line" | field memory_growth_mb > "$work/memory"

python3 - "$work" <<'PY'
import statistics, sys, pathlib
work = pathlib.Path(sys.argv[1])
def median(name): return statistics.median(float(v) for v in (work / name).read_text().split())
wrk_small, engine_small, bare_small = median("wrk_small"), median("engine_small"), median("bare_small")
wrk_large, engine_large, bare_large = median("wrk_large_rps") * 4 * 1024 * 1024, median("engine_large"), median("bare_large")
memory = median("memory")
print(f"medians: wrk_small_rps={wrk_small:.0f} engine_small_rps={engine_small:.0f} bare_small_rps={bare_small:.0f} "
      f"wrk_large_bytes_per_sec={wrk_large:.0f} engine_large_bytes_per_sec={engine_large:.0f} bare_large_bytes_per_sec={bare_large:.0f}")
print(f"small_ratio={engine_small / wrk_small:.3f}")
print(f"large_ratio={engine_large / wrk_large:.3f}")
print(f"overhead={1 - engine_small / bare_small:.3f}")
print(f"memory_mb={memory:.1f}")
PY
