#!/usr/bin/env bash
# Follows docs/getting-started.md ("Your first performance test in five minutes") in a new folder outside the repository,
# with the files of samples/FirstPerfTest (the page shows them verbatim) and the packages in
# artifacts/feed (run `dotnet pack Registry.sln -c Release -o artifacts/feed` first, as .ci/run does):
#   1. dotnet test           -> fails: no baseline yet; the received file and the reports are written
#   2. dotnet perftest accept -> the received file becomes Baselines/NAME.json
#   3. dotnet test           -> passes and leaves no received file; the HTML report is rendered in headless Chromium (tools/render-report.sh)
#   4. SEARCH_DELAY_MS=300 dotnet test -> fails on the SLA (p50 above 200 ms), with the SLA table
# Every check names what it expected. Leaves the folder in artifacts/first-perf-test for inspection.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
feed="$repo/artifacts/feed"
ls "$feed"/PerfTesting.Xunit.*.nupkg >/dev/null 2>&1 || { echo "FAIL: no packages in $feed (dotnet pack first)"; exit 1; }
work="$(mktemp -d /tmp/first-perf-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cp "$repo"/samples/FirstPerfTest/{FirstPerfTest.csproj,SearchTests.cs,xunit.runner.json,nuget.config} "$work/"
cd "$work"
export PERFTESTING_FEED="$feed"
# A fresh package folder: a PerfTesting 0.1.0 cached from an earlier build never stands in for this one.
export NUGET_PACKAGES="$repo/artifacts/first-test-packages"
rm -rf "$NUGET_PACKAGES"
log="$repo/artifacts/first-perf-test.log"
: > "$log"
run() { echo "+ $*" | tee -a "$log"; "$@" 2>&1 | tee -a "$log.step" >> "$log"; }

rm -f "$log.step"; start=$(date +%s)
if run dotnet test; then echo "FAIL: step 1 passed; it must fail for the missing baseline"; exit 1; fi
grep -q "none committed" "$log.step" || { echo "FAIL: step 1 did not say the baseline is missing"; cat "$log.step"; exit 1; }
grep -q "failed: no baseline is committed (the SLA was met)" "$log.step" || { echo "FAIL: step 1's failure does not name the missing baseline first"; cat "$log.step"; exit 1; }
grep -q "\[  1s\]" "$log.step" || { echo "FAIL: step 1 showed no per-second progress at the default verbosity"; exit 1; }
received=(Baselines/*.received.json)
[ -f "${received[0]}" ] || { echo "FAIL: step 1 wrote no Baselines/*.received.json in the project folder"; exit 1; }
echo "step 1: failed as expected (no baseline), received file ${received[0]} ($(( $(date +%s) - start )) s)"

rm -f "$log.step"
run dotnet new tool-manifest
# The SDK's local-tool resolver cache is keyed by package id and version, not by packages folder: after a
# run whose fresh packages folder was deleted, it keeps pointing at that folder's PerfTesting.Cli.dll and
# `dotnet perftest` answers only "Run dotnet tool restore" (restore does not refresh it). Each run here
# installs 0.1.0 into a new folder, so the stale entry for this one package is dropped first.
rm -f "${DOTNET_CLI_HOME:-$HOME}"/.dotnet/toolResolverCache/*/perftesting.cli
run dotnet tool install PerfTesting.Cli --version 0.1.0
run dotnet perftest accept
grep -q "1 baseline(s) accepted" "$log.step" || { echo "FAIL: perftest accept did not accept one baseline"; cat "$log.step"; exit 1; }
baselines=(Baselines/*.json)
[ ${#baselines[@]} = 1 ] && [[ "${baselines[0]}" != *.received.json ]] || { echo "FAIL: expected one accepted baseline, found ${baselines[*]}"; exit 1; }
echo "step 2: accepted ${baselines[0]}"

rm -f "$log.step"; start=$(date +%s)
run dotnet test || { echo "FAIL: step 3 failed against the accepted baseline"; cat "$log.step"; exit 1; }
leftover=(Baselines/*.received.json)
[ ! -e "${leftover[0]}" ] || { echo "FAIL: step 3 passed but left ${leftover[*]} (a passing run writes no received file)"; exit 1; }
html=(TestResults/perf/*/report.html)
[ -f "${html[0]}" ] || { echo "FAIL: no TestResults/perf/*/report.html"; exit 1; }
bash "$repo/tools/render-report.sh" "$work/${html[0]}" "$repo/artifacts/first-perf-test-report.png"
echo "step 3: passed; ${html[0]} rendered to artifacts/first-perf-test-report.png ($(( $(date +%s) - start )) s)"

rm -f "$log.step"; start=$(date +%s)
if SEARCH_DELAY_MS=300 run dotnet test; then echo "FAIL: step 4 passed with a 300 ms endpoint"; exit 1; fi
grep -Eq "p50 latency below 200 ms \| < 200 ms \| +[0-9.]+ ms \| FAIL" "$log.step" || { echo "FAIL: step 4 did not fail on the p50 line"; cat "$log.step"; exit 1; }
echo "step 4: failed on the SLA as expected ($(( $(date +%s) - start )) s)"
rm -rf "$repo/artifacts/first-perf-test" && cp -r "$work" "$repo/artifacts/first-perf-test"
echo "five-minute test: OK (log: artifacts/first-perf-test.log)"
