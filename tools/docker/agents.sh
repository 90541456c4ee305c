#!/usr/bin/env bash
# A team's perf test as 4 agent containers on the private Docker engine (tools/docker/engine.sh),
# results through S3, merged with `perftest merge` from s3://.
#
#   bash tools/docker/agents.sh     # after `dotnet build` (Debug; CONFIG=Release for a Release build)
#
# 1. A local base image perftesting/dotnet-aspnet:10 (no pulls): a Debian bookworm root file system
#    (debootstrap) with the .NET and ASP.NET Core runtimes this machine's SDK carries; cached by label.
# 2. The agent image from deploy/agent/Dockerfile (--build-arg BASE=that base), holding the built
#    tests/Agents: a user-style xunit perf test that knows nothing about agents.
# 3. The S3 emulator container (perftesting/emulators:1, s3rver, access key S3RVER) on a loopback port,
#    and the service under test on loopback (a python3 threading HTTP server answering "ok").
# 4. Four containers of the image, host network, each with only the agent variables (PERF_AGENT_INDEX,
#    PERF_AGENT_COUNT, PERF_TEST_ID, PERF_START_AT, PERF_RESULTS=s3://...) and PERF_TARGET_URL.
# 5. `perftest merge --from s3://... --sla ...`, then a check of the merged whole against the agents'
#    own parts read back from S3: requests exactly rate x seconds (as one machine would start them),
#    none dropped, every agent its quarter, merged p50/p99/max equal (within the histogram's 0.1%) to
#    the exact order statistics of all agents' raw samples, the SLA met on the whole.
# Prints one line: `containers agents: 4 agents, exact=1|0, merged from s3`, and exits non-zero unless
# exact=1 (the merge's exit 0, the SLA met on the whole, is part of it). Removes its containers, its agent image and its target on every exit (the cached base stays,
# as the engine's other local images do); the build's intermediate containers are removed by --force-rm.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
CONFIG=${CONFIG:-Debug}
AGENTS=4
# tests/Agents/HealthLoadTests.cs: Rate arrivals/s for Seconds, open model.
RATE=200
SECONDS_MEASURED=3
# From `docker run` to the shared start: 4 containers created on vfs (each copies the image) and 4
# test processes started on a 2-core machine shared with other work.
ALLOWANCE=${AGENTS_START_ALLOWANCE:-45}
BASE_IMAGE=perftesting/dotnet-aspnet:10
BASE_RECIPE_VERSION=1
RUN_ID="agents-$(date +%s)-$$"
IMAGE="perftesting/agent-tests:$RUN_ID"
BUCKET=perf-results
CACHE=${PERF_DOCKER_CACHE:-/var/cache/perftesting-docker}

log() { printf '[agents %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
dk() { bash "$REPO/tools/docker/engine.sh" docker "$@"; }

bash "$REPO/tools/docker/engine.sh" status >/dev/null 2>&1 || die "the private engine does not answer: bash tools/docker/engine.sh start"
app="$REPO/tests/Agents/bin/$CONFIG/net10.0"
cli="$REPO/src/PerfTesting.Cli/bin/$CONFIG/net10.0/PerfTesting.Cli.dll"
[ -f "$app/Tests.Agents.dll" ] && [ -f "$cli" ] || die "build first: dotnet build tests/Integration -c $CONFIG (builds tests/Agents and the CLI)"

work=$(mktemp -d)
target_pid=""
cleanup() {
  local ids; ids=$(dk ps -aq --filter "label=perftesting.agents=$RUN_ID" 2>/dev/null || true)
  [ -z "$ids" ] || dk rm -f $ids >/dev/null 2>&1 || true
  dk rmi -f "$IMAGE" >/dev/null 2>&1 || true
  [ -z "$target_pid" ] || kill "$target_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# --- 1. the base: Debian + this machine's .NET runtimes -------------------------------------------
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
runtimes=$(cd "$dotnet_root/shared" && ls -d Microsoft.NETCore.App/10.* Microsoft.AspNetCore.App/10.* 2>/dev/null | sort)
[ -n "$runtimes" ] || die "no .NET 10 runtime under $dotnet_root/shared"
base_hash=$( (echo "$BASE_RECIPE_VERSION"; echo "$runtimes") | sha256sum | cut -c1-16)
if [ "$(dk image inspect --format '{{ index .Config.Labels "perftesting.recipe" }}' "$BASE_IMAGE" 2>/dev/null || true)" != "$base_hash" ]; then
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  mirror=$(apt-cache policy 2>/dev/null | awk -v s="$codename/main" '$3 == s && $2 ~ /^https?:/ { print $2; exit }')
  [ -n "$mirror" ] || die "no Debian mirror for $codename/main in this machine's apt sources"
  rootfs=$CACHE/rootfs/dotnet-aspnet
  rm -rf "$rootfs"; mkdir -p "$rootfs"
  log "debootstrap bookworm (+ the .NET runtime's libraries) from ${mirror%/}"
  # What the .NET runtime loads: ICU (globalization), OpenSSL (TLS), zlib; CA certificates for HTTPS.
  debootstrap --variant=minbase --include=libicu72,libssl3,zlib1g,ca-certificates bookworm "$rootfs" "${mirror%/}" >"$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; die "debootstrap failed"; }
  rm -rf "$rootfs"/usr/share/{doc,man,info,locale} "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*
  mkdir -p "$rootfs/usr/share/dotnet/shared"
  cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
  for runtime in $runtimes; do mkdir -p "$rootfs/usr/share/dotnet/shared/$(dirname "$runtime")"; cp -a "$dotnet_root/shared/$runtime" "$rootfs/usr/share/dotnet/shared/$runtime"; done
  ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  log "importing $BASE_IMAGE ($(echo $runtimes))"
  tar -C "$rootfs" -c . | dk import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' -c 'ENV DOTNET_ROOT=/usr/share/dotnet' \
    -c "LABEL perftesting.recipe=$base_hash" - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
fi

# --- 2. the agent image: the same Dockerfile a team uses, with the local base ---------------------
mkdir -p "$work/context"
cp -a "$app" "$work/context/app"
log "building $IMAGE from deploy/agent/Dockerfile"
DOCKER_BUILDKIT=0 dk build -q --force-rm -f "$REPO/deploy/agent/Dockerfile" \
  --build-arg "BASE=$BASE_IMAGE" --build-arg ASSEMBLY=Tests.Agents.dll \
  --label "perftesting.agents=$RUN_ID" -t "$IMAGE" "$work/context" >/dev/null

# --- 3. S3 (s3rver) and the service under test, both on loopback ----------------------------------
dk run -d --name "$RUN_ID-s3" --label "perftesting.agents=$RUN_ID" -p 127.0.0.1::4569 perftesting/emulators:1 >/dev/null
s3=$(dk port "$RUN_ID-s3" 4569/tcp | head -1)
# The target: python3's threading HTTP server with keep-alive and a deep accept queue (the stock
# `python3 -m http.server` closes every connection and queues 5, which resets arrivals under load).
python3 -u - >"$work/target.log" 2>/dev/null <<'EOF' &
import http.server
class Health(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *args): pass
class Server(http.server.ThreadingHTTPServer):
    request_queue_size = 1024
server = Server(("127.0.0.1", 0), Health)
print(f"serving on port {server.server_address[1]}")
server.serve_forever()
EOF
target_pid=$!
python3 - "$s3" "$BUCKET" "$work/target.log" <<'EOF'
import sys, time, urllib.request, re
s3, bucket, target_log = sys.argv[1], sys.argv[2], sys.argv[3]
deadline = time.monotonic() + 60
while True:  # bounded: s3rver answers within seconds of its container starting
    try:
        urllib.request.urlopen(urllib.request.Request(f"http://{s3}/{bucket}", method="PUT"), timeout=5).read()
        break
    except Exception as e:
        if time.monotonic() > deadline: sys.exit(f"s3rver on {s3} did not create the bucket: {e}")
        time.sleep(0.5)
while not re.search(r"port (\d+)", open(target_log).read()):
    if time.monotonic() > deadline: sys.exit("the target did not start")
    time.sleep(0.2)
EOF
target="http://127.0.0.1:$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/target.log" | head -1)/health"
s3_env=(-e "PERF_S3_URL=http://$s3" -e PERF_EMULATOR=1 -e AWS_ACCESS_KEY_ID=S3RVER -e AWS_SECRET_ACCESS_KEY=S3RVER -e AWS_REGION=us-east-1)

# --- 4. the agents: the environment alone makes the test an agent ---------------------------------
start_at=$(( $(date +%s) + ALLOWANCE ))
runs=()
log "starting $AGENTS agent containers; shared start in ${ALLOWANCE} s; target $target; results s3://$BUCKET/$RUN_ID"
for i in $(seq 0 $((AGENTS - 1))); do
  dk run -d --name "$RUN_ID-agent-$i" --label "perftesting.agents=$RUN_ID" --network host \
    -e "PERF_AGENT_INDEX=$i" -e "PERF_AGENT_COUNT=$AGENTS" -e "PERF_TEST_ID=$RUN_ID" -e "PERF_START_AT=$start_at" \
    -e "PERF_RESULTS=s3://$BUCKET/$RUN_ID" -e "PERF_TARGET_URL=$target" "${s3_env[@]}" "$IMAGE" >/dev/null &
  runs+=($!)
done
for run in "${runs[@]}"; do wait "$run" || die "an agent container did not start"; done
failed=0
for i in $(seq 0 $((AGENTS - 1))); do
  code=$(timeout 300 bash "$REPO/tools/docker/engine.sh" docker wait "$RUN_ID-agent-$i" || echo timeout)
  if [ "$code" != 0 ]; then failed=1; log "agent $i exited with $code:"; dk logs --tail 40 "$RUN_ID-agent-$i" >&2 || true; fi
done
log "agents done, $(( $(date +%s) - start_at )) s after the shared start"

# --- 5. merge from s3:// and check the whole against its parts ------------------------------------
set +e
PERF_S3_URL="http://$s3" PERF_EMULATOR=1 AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_REGION=us-east-1 \
  dotnet "$cli" merge --from "s3://$BUCKET/$RUN_ID" --out "$work/merged" --title "$RUN_ID" \
  --sla 'p99<10000ms' --sla 'error-rate<1%' >"$work/merge.log" 2>&1
merge_status=$?
set -e
sed 's/^/[agents merge] /' "$work/merge.log" >&2
exact=0
if [ "$failed" = 0 ] && [ "$merge_status" = 0 ] && python3 - "$s3" "$BUCKET" "$RUN_ID" "$work/merged/results.json" "$AGENTS" $((RATE * SECONDS_MEASURED)) <<'EOF'
import json, sys, urllib.request, xml.etree.ElementTree as ET
s3, bucket, run, merged_path, agents, expected = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
listing = ET.fromstring(urllib.request.urlopen(f"http://{s3}/{bucket}?prefix={run}/", timeout=30).read())
# Any namespace: AWS writes http://s3.amazonaws.com/doc/2006-03-01/, s3rver http://doc.s3.amazonaws.com/2006-03-01/.
keys = sorted(k.text for k in listing.iter() if k.tag.split("}")[-1] == "Key" and k.text.endswith("/agent.json"))
parts = [json.load(urllib.request.urlopen(f"http://{s3}/{bucket}/{k}", timeout=30)) for k in keys]
whole = json.load(open(merged_path))["runs"][0]
problems = []
if [k.split("/")[1] for k in keys] != [f"agent-{i:04d}-of-{agents:04d}" for i in range(agents)]:
    problems.append(f"agent folders {keys}")
t = whole["totals"]
if (t["started"], t["succeeded"], t["dropped"]) != (expected, expected, 0):
    problems.append(f"merged totals {t}, expected {expected} started and succeeded, none dropped")
for p in parts:
    if p["runs"][0]["totals"]["started"] != expected // agents:
        problems.append(f"agent {p['agentIndex']} started {p['runs'][0]['totals']['started']}, expected {expected // agents}")
samples = sorted(s["latencyMs"] for p in parts for s in p["runs"][0]["rawSamples"])
if len(samples) != expected:
    problems.append(f"{len(samples)} raw samples, expected {expected}")
else:
    # HdrHistogram's rank: p x n rounded to the nearest sample; its resolution: 3 significant digits (+1 us rounding).
    for name, exact in (("p50", samples[int(0.50 * len(samples) + 0.5) - 1]), ("p99", samples[int(0.99 * len(samples) + 0.5) - 1]), ("max", samples[-1])):
        merged = whole["latency"][name]
        if not exact * 0.999 - 0.001 <= merged <= exact * 1.001 + 0.001:
            problems.append(f"merged {name} {merged} ms, exact {exact} ms")
    late = max(p["runs"][0]["startLateness"] for p in parts)
    print(f"[agents] merged p50 {whole['latency']['p50']} / p99 {whole['latency']['p99']} / max {whole['latency']['max']} ms = exact order statistics of {len(samples)} raw samples; latest agent start lateness {late}", file=sys.stderr)
for problem in problems:
    print("[agents] NOT EXACT: " + problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF
then exact=1; fi
echo "containers agents: $AGENTS agents, exact=$exact, merged from s3"
[ "$exact" = 1 ]
