#!/usr/bin/env bash
# The pull-request verdict, the same locally and in CI: `bash run-perf.sh --compare REF` runs this.
# Builds the base (the merge base of REF and HEAD, in a temporary git worktree) and the head (this
# checkout, uncommitted changes included), starts both registries as separate processes on the same
# backing services, runs the ci-profile download workload against both in 20 rounds (tests/Perf/Compare)
# and writes artifacts/perf/{report.md,report.html,results.json,run.log}. Exit code (tools/gate-verdict.sh,
# the same codes as `perftest compare`): 0 Same or Improved, 1 Regressed, 2 could not run, 3 Inconclusive
# under PERF_COMPARE_INCONCLUSIVE=fail (Inconclusive passes with a warning under warn, the default).
#   PERF_COMPARE_EXACT=1   compare with REF itself instead of the merge base
#   PERF_COMPARE_INCONCLUSIVE=fail|warn|pass   what an Inconclusive verdict does (warn)
#   PERF_COMPARE_ROUNDS, PERF_COMPARE_ITERATIONS   rounds (20); downloads per client per run (1)
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:?usage: bash run-perf.sh --compare REF (a branch, tag or commit)}"
policy="${PERF_COMPARE_INCONCLUSIVE:-warn}"
case "$policy" in fail|warn|pass) ;; *) echo "PERF_COMPARE_INCONCLUSIVE must be fail, warn or pass, not '$policy'"; exit 2 ;; esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$(date +%s)
step() { printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

base_commit=$(git rev-parse --verify "$ref^{commit}")
if [ "${PERF_COMPARE_EXACT:-0}" != 1 ]; then
  base_commit=$(git merge-base "$base_commit" HEAD)
fi
head_commit=$(git rev-parse HEAD)
head_label="head"
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then head_label="head (with uncommitted changes)"; fi

step "prerequisites"
source tools/prerequisites.sh

work="$PWD/artifacts/compare"
out=$(realpath -m "${PERF_ARTIFACTS:-artifacts/perf}"); export PERF_ARTIFACTS="$out"
rm -rf "$work" "$out" && mkdir -p "$work" "$out"
cleanup() { git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true; }
trap cleanup EXIT

step "build A = base $(git rev-parse --short "$base_commit") (git worktree)"
git worktree add --detach "$work/base-src" "$base_commit" >/dev/null
dotnet publish "$work/base-src/src/Registry" -c Release -o "$work/base" --nologo -v quiet
step "build B = $head_label $(git rev-parse --short "$head_commit")"
dotnet publish src/Registry -c Release -o "$work/head" --nologo -v quiet
dotnet build tests/Perf -c Release --nologo -v quiet -warnaserror

step "compare (tests/Perf/Compare/BuildComparisonTests.cs)"
export PERF_COMPARE_A_DLL="$work/base/Registry.dll" PERF_COMPARE_B_DLL="$work/head/Registry.dll"
export PERF_COMPARE_A_LABEL="base" PERF_COMPARE_B_LABEL="$head_label"
export PERF_COMPARE_A_REV=$(git rev-parse --short=12 "$base_commit") PERF_COMPARE_B_REV=$(git rev-parse --short=12 "$head_commit")
export PERF_COMPARE_A_DESCRIPTION="$( [ "$(git rev-parse "$ref^{commit}")" = "$base_commit" ] || echo "merge base of $ref; ")$(git log -1 --format=%s "$base_commit")"
export PERF_COMPARE_B_DESCRIPTION="$(git log -1 --format=%s "$head_commit")"
set +e
dotnet test tests/Perf -c Release --no-build --filter "FullyQualifiedName~BuildComparisonTests" \
  --logger "console;verbosity=normal" 2>&1 | tee "$out/run.log"
test_status=${PIPESTATUS[0]}
# The verdict file and the test's exit code decide, never the log's wording (tools/gate-verdict.sh).
gate_line=$(bash tools/gate-verdict.sh "$out/results.json" "$test_status" "$policy")
status=$?
set -e
echo "$gate_line"
if [ -f "$out/report.md" ]; then
  # The PR comment's first line says what the gate decided and under which policy.
  { printf '> **%s** (exit %s; inconclusive policy: %s)\n\n' "$gate_line" "$status" "$policy"; cat "$out/report.md"; } > "$out/report.md.tmp"
  mv "$out/report.md.tmp" "$out/report.md"
fi

if [ -f "$out/report.html" ]; then
  step "HTML report in headless Chromium"
  # A report that does not render is a broken report, not a verdict: it warns and leaves the exit code alone.
  bash tools/render-report.sh "$out/report.html" "$out/report.png" || echo "warning: report.html did not render in headless Chromium"
fi
[ -f "$out/report.md" ] && cat "$out/report.md"
step "done (exit $status): $out/report.md, report.html, results.json"
exit "$status"
