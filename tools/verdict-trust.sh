#!/usr/bin/env bash
# How far the A/B verdict can be trusted, measured on this machine (tests/Perf/Trust/ABVerdictTrustTests.cs):
# 20 A/A comparisons, 20 with B's latency +5%, 20 with +10% (a loopback delay endpoint, 20 ms), and 20 of a
# throughput-bound endpoint whose capacity is 5% lower on B; each comparison uses ABRunner's defaults.
# Then the CPU-bound pair (A/A, B with 5% and 10% more CPU work per request) with the adaptive rounds.
# Writes artifacts/perf/ab-verdict-trust.{md,txt} and ends with the five key=value lines.
#   PERF_AB_TRUST=N  comparisons of each kind (default 20)
#   PERF_AB_TRUST_LATENCY=0  skip the latency and throughput kinds (run only the CPU-bound pair below)
# Required: aa_false_regressed <= 1/20, ab5_detected >= 19/20, ab10_detected = 20/20.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PERF_AB_TRUST="${PERF_AB_TRUST:-20}"
start=$(date +%s)
dotnet build tests/Perf -c Release --nologo -v quiet -warnaserror >/dev/null
mkdir -p artifacts/perf
if [ "${PERF_AB_TRUST_LATENCY:-1}" != 0 ]; then
  rm -f artifacts/perf/ab-verdict-trust.txt
  set +e
  dotnet test tests/Perf -c Release --no-build --filter "FullyQualifiedName~ABVerdictTrustTests" \
    --logger "console;verbosity=detailed" > artifacts/perf/ab-verdict-trust.log 2>&1
  status=$?
  set -e
  grep -E '^ +[0-9]+/[0-9]+ ' artifacts/perf/ab-verdict-trust.log | sed 's/^ *//' || true
  [ -f artifacts/perf/ab-verdict-trust.md ] && cat artifacts/perf/ab-verdict-trust.md
  echo "test exit code $status; $(( $(date +%s) - start )) s in all; log: artifacts/perf/ab-verdict-trust.log"
  if [ ! -f artifacts/perf/ab-verdict-trust.txt ]; then
    tail -40 artifacts/perf/ab-verdict-trust.log
    exit 1
  fi
  cat artifacts/perf/ab-verdict-trust.txt
fi

# The CPU-bound pair: samples/PullRequestGate's service published three times (WorkUnits as committed, +5%,
# +10%), four processes on free loopback ports (A, a second A for A/A, B+5%, B+10%), all on this machine's
# cores, compared by tests/Perf/Trust/CpuVerdictTrustTests.cs with ABAdaptiveRunner's look plan, interleaved
# rounds (perftest compare's default) of 0.25 s runs and a 25 s budget per comparison: 60 comparisons take
# at most about 25 minutes (a quiet machine decides most in one or two looks, well under that).
#   PERF_AB_TRUST_CPU=N  comparisons of each CPU kind (default: PERF_AB_TRUST); 0 skips the pair
#   PERF_AB_TRUST_CPU_BUDGET=S  each comparison's budget in seconds (default 25)
# Required: cpu_aa_false_regressed <= 1/20, cpu10_detected >= 19/20; cpu5 is reported as measured.
export PERF_AB_TRUST_CPU="${PERF_AB_TRUST_CPU:-$PERF_AB_TRUST}"
[ "$PERF_AB_TRUST_CPU" = 0 ] && exit 0
cpu_start=$(date +%s)
cpu_work=$(mktemp -d)
cpu_pids=()
cpu_cleanup() { for pid in "${cpu_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$cpu_work"; }
trap cpu_cleanup EXIT
units=$(sed -n 's/.*public const int WorkUnits = \([0-9_]*\);.*/\1/p' samples/PullRequestGate/Service/Work.cs | tr -d _)
[ -n "$units" ] || { echo "could not read WorkUnits from samples/PullRequestGate/Service/Work.cs"; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
for variant in "base:$units" "b5:$(( units * 105 / 100 ))" "b10:$(( units * 110 / 100 ))"; do
  name=${variant%%:*}; value=${variant#*:}
  cp -r samples/PullRequestGate/Service "$cpu_work/src-$name"
  rm -rf "$cpu_work/src-$name/bin" "$cpu_work/src-$name/obj"
  sed -i "s/public const int WorkUnits = [0-9_]*;/public const int WorkUnits = $value;/" "$cpu_work/src-$name/Work.cs"
  # Outside samples/: no Directory.Build.props above it, as a user's service would build.
  dotnet publish "$cpu_work/src-$name/GateService.csproj" -c Release -o "$cpu_work/$name" --nologo -v quiet >/dev/null
  echo "published WorkUnits=$value as $name"
done
start_side() { # start_side VAR BUILD
  local port; port=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$cpu_work/$2/GateService.dll" >/dev/null 2>&1 &
  cpu_pids+=($!)
  for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the $2 service did not become ready on port $port"; exit 1; }
  export "$1=http://127.0.0.1:$port/"
}
start_side PERF_AB_CPU_A base; start_side PERF_AB_CPU_AA base; start_side PERF_AB_CPU_B5 b5; start_side PERF_AB_CPU_B10 b10
rm -f artifacts/perf/ab-verdict-trust-cpu.txt
set +e
dotnet test tests/Perf -c Release --no-build --filter "FullyQualifiedName~CpuVerdictTrustTests" \
  --logger "console;verbosity=detailed" > artifacts/perf/ab-verdict-trust-cpu.log 2>&1
cpu_status=$?
set -e
grep -E '^ +[0-9]+/[0-9]+ cpu' artifacts/perf/ab-verdict-trust-cpu.log | sed 's/^ *//' || true
[ -f artifacts/perf/ab-verdict-trust-cpu.md ] && cat artifacts/perf/ab-verdict-trust-cpu.md
echo "CPU-bound pair: test exit code $cpu_status; $(( $(date +%s) - cpu_start )) s; log: artifacts/perf/ab-verdict-trust-cpu.log"
if [ ! -f artifacts/perf/ab-verdict-trust-cpu.txt ]; then
  tail -40 artifacts/perf/ab-verdict-trust-cpu.log
  exit 1
fi
cat artifacts/perf/ab-verdict-trust-cpu.txt
[ "$cpu_status" = 0 ] || exit "$cpu_status"
