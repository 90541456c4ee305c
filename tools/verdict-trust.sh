#!/usr/bin/env bash
# How far the A/B verdict can be trusted, measured on this machine (tests/Perf/Trust/ABVerdictTrustTests.cs):
# 20 A/A comparisons, 20 with B's latency +5%, 20 with +10% (a loopback delay endpoint, 20 ms), and 20 of a
# throughput-bound endpoint whose capacity is 5% lower on B; each comparison uses ABRunner's defaults.
# Writes artifacts/perf/ab-verdict-trust.{md,txt} and ends with the five key=value lines.
#   PERF_AB_TRUST=N  comparisons of each kind (default 20)
# Required: aa_false_regressed <= 1/20, ab5_detected >= 19/20, ab10_detected = 20/20.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PERF_AB_TRUST="${PERF_AB_TRUST:-20}"
start=$(date +%s)
dotnet build tests/Perf -c Release --nologo -v quiet -warnaserror >/dev/null
mkdir -p artifacts/perf
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
