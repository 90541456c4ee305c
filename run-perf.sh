#!/usr/bin/env bash
# The main job: the ACME registry's performance track end to end (tests/Perf), on a fresh machine.
# Installs what is missing, builds in Release, starts the backing services, seeds 500 models, runs
# every workload, judges every before/after (optimisations, S3 vs PostgreSQL, shared cache, pool) by
# A/B rounds with a control per schedule, and writes artifacts/perf/{results.json,report.md,
# report.html,histogram.hlog,performance-report.md} plus docs/performance-report.md, then renders the
# HTML in headless Chromium.
#   PERF_PROFILE=full (default, < 10 min on 2 cores) | ci (same A/B rounds, shorter shapes, 4 MiB
#   archive) | extended (full, plus Lambda vs ECS, the 6-step sweep, 5-step stress and 42 s soak)
#   PERF_ARCHIVE_MB=N  archive size of the Tiny-LLM stand-in (default 40 for full)
#   PERF_AB_ROUNDS=N   rounds per look of every A/B comparison (default 12, at least 10)
#   PERF_AB_LOOKS=N    most looks of the adaptive rounds (default 3; each comparison also stops at 40 s)
#   PERF_ACCEPT=1      make this run's measurement the committed baseline (tests/Perf/Baselines)
#   PERF_HISTORY_DB=URI  where the run is recorded (default sqlite:artifacts/history.db); PERF_HISTORY=0 skips
# bash run-perf.sh --compare REF: the pull-request verdict instead: the base (merge base of REF and
# HEAD) and the head built and compared on this machine, interleaved (tools/compare-builds.sh).
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = "--compare" ]; then
  shift
  exec bash tools/compare-builds.sh "$@"
fi
export PERF_PROFILE="${PERF_PROFILE:-full}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$(date +%s)
step() { printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

step "prerequisites"
source tools/prerequisites.sh

step "build (Release)"
dotnet build tests/Perf -c Release --nologo -v quiet -warnaserror

step "performance track, profile $PERF_PROFILE"
rm -rf artifacts/perf && mkdir -p artifacts/perf
set +e
dotnet test tests/Perf -c Release --no-build --logger "console;verbosity=normal" 2>&1 | tee artifacts/perf/run.log
status=${PIPESTATUS[0]}
set -e

if [ -f artifacts/perf/results.json ] && [ "${PERF_HISTORY:-1}" != 0 ]; then
  step "history: record into ${PERF_HISTORY_DB:=sqlite:artifacts/history.db} (perftest history; PERF_HISTORY=0 skips)"
  perftest() { dotnet run --project src/PerfTesting.Cli -c Release -v quiet -- "$@"; }
  perftest history record --db "$PERF_HISTORY_DB" artifacts/perf/results.json && perftest history analyze --db "$PERF_HISTORY_DB" --last 5 || true
fi
if [ -f artifacts/perf/report.html ]; then
  step "HTML report in headless Chromium"
  bash tools/render-report.sh artifacts/perf/report.html artifacts/perf/report.png
fi
step "done (exit $status): artifacts/perf/ and docs/performance-report.md"
ls -l artifacts/perf
exit "$status"
