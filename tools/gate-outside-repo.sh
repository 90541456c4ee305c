#!/usr/bin/env bash
# The pull-request gate as a user meets it, outside this repository (issue 26's "done when"): follows
# samples/PullRequestGate/README.md in a new folder that is its own git repository, with the packages
# and the `perftest` tool from a local feed packed from this checkout.
#   main     the sample as committed
#   comment  main + a comment in Service/Work.cs           -> perftest compare must exit 0
#   slower   main + WorkUnits raised 10% (200_000 -> 220_000) -> perftest compare must exit 1
# Each branch is compared REPEATS times (default 1; the issue asks twice in a row on a quiet machine):
#   perftest compare --base main --head BRANCH --app Service/GateService.csproj --tests PerfTests/PerfTests.csproj --out DIR
# Prints one line per comparison (exit code, verdict, rounds, seconds, p50/p95/throughput intervals) and
# writes them to artifacts/gate-outside-repo.txt; exits 1 when any exit code is not the expected one.
#   bash tools/gate-outside-repo.sh [REPEATS]
#   GATE_FEED=DIR   use packages already packed into DIR instead of packing into artifacts/gate-feed
#   GATE_BUDGET=8m  perftest compare --budget (default: the tool's, 8 minutes)
# Takes about 3-6 minutes per comparison on a quiet 2-core machine (two Release publishes, the tests'
# build, the rounds); much longer on a busy one. Leaves the folder in artifacts/gate-outside-repo.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
repeats="${1:-1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$(date +%s)

feed="${GATE_FEED:-$repo/artifacts/gate-feed}"
if [ -z "${GATE_FEED:-}" ]; then
  rm -rf "$feed"
  # The three packages a user of the sample installs: the engine, the xunit module, the tool.
  for project in PerfTesting PerfTesting.Xunit PerfTesting.Cli; do
    dotnet pack "$repo/src/$project" -c Release -o "$feed" --nologo -v quiet -p:ContinuousIntegrationBuild=true >/dev/null
  done
  echo "packed into $feed: $(cd "$feed" && ls ./*.nupkg | xargs -n1 basename | tr '\n' ' ')($(( $(date +%s) - start )) s)"
fi
ls "$feed"/PerfTesting.Cli.*.nupkg >/dev/null 2>&1 || { echo "FAIL: no PerfTesting.Cli package in $feed"; exit 1; }

work="$(mktemp -d /tmp/gate-outside-repo.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# A fresh packages folder: a PerfTesting 0.1.0 cached from an earlier pack never stands in for this one.
export NUGET_PACKAGES="$repo/artifacts/gate-outside-packages"
rm -rf "$NUGET_PACKAGES"
export PERFTESTING_FEED="$feed"

# The sample as the user copies it: its files, no build output.
cp -r "$repo/samples/PullRequestGate/." "$work/"
rm -rf "$work"/*/bin "$work"/*/obj
cd "$work"

# README step 0: the nuget.config that takes PerfTesting* from the feed (the README's text), committed with the code.
cat > nuget.config <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
    <add key="perftesting-local" value="%PERFTESTING_FEED%" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="perftesting-local">
      <package pattern="PerfTesting" />
      <package pattern="PerfTesting.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
EOF
printf 'bin/\nobj/\nperf-compare/\n' > .gitignore
git init -q -b main
git -c user.name=gate -c user.email=gate@example.invalid add -A
git -c user.name=gate -c user.email=gate@example.invalid commit -qm "the sample service"
git switch -qc comment
sed -i 's|^    /// <summary>Steps of CPU work per request.</summary>|    // A comment only: the pull request that must pass.\n&|' Service/Work.cs
git -c user.name=gate -c user.email=gate@example.invalid commit -qam "a comment only"
git switch -q main
git switch -qc slower
sed -i 's/WorkUnits = 200_000;/WorkUnits = 220_000;/' Service/Work.cs   # the README's command
grep -q 'WorkUnits = 220_000;' Service/Work.cs || { echo "FAIL: the README's sed did not change WorkUnits"; exit 1; }
git -c user.name=gate -c user.email=gate@example.invalid commit -qam "10% more work per request"
git switch -q main

# README step 1: the plain test, as `dotnet test` runs it.
dotnet test PerfTests -c Release --nologo -v quiet > "$work/plain-test.log" 2>&1 || { echo "FAIL: dotnet test PerfTests -c Release failed"; tail -30 "$work/plain-test.log"; exit 1; }
echo "step 1: dotnet test PerfTests -c Release passed"

# README step 2: the tool as a local tool from the feed. The SDK's tool-resolver cache is keyed by id and
# version, not by packages folder, so a stale entry from an earlier fresh folder is dropped first.
rm -f "${DOTNET_CLI_HOME:-$HOME}"/.dotnet/toolResolverCache/*/perftesting.cli
dotnet new tool-manifest >/dev/null
dotnet tool install PerfTesting.Cli --version 0.1.0 >/dev/null
echo "step 2: dotnet tool install PerfTesting.Cli --version 0.1.0 (local tool)"

summary="$repo/artifacts/gate-outside-repo.txt"
mkdir -p "$repo/artifacts"
{ echo "# tools/gate-outside-repo.sh $(date -u +%FT%TZ), $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$summary"
failed=0
for i in $(seq 1 "$repeats"); do
  for branch in comment slower; do
    expected=$([ "$branch" = comment ] && echo 0 || echo 1)
    out="$work/perf-compare-$branch-$i"
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    t0=$(date +%s)
    set +e
    dotnet perftest compare --base main --head "$branch" --app Service/GateService.csproj --tests PerfTests/PerfTests.csproj \
      --out "$out" ${GATE_BUDGET:+--budget "$GATE_BUDGET"} > "$work/compare-$branch-$i.log" 2>&1
    status=$?
    set -e
    seconds=$(( $(date +%s) - t0 ))
    line="$branch run $i: exit $status (expected $expected), ${seconds} s, load average ${load_before} -> $(cut -d' ' -f1 /proc/loadavg)"
    if [ -f "$out/results.json" ]; then
      line="$line; $(jq -r '[.verdict // "no verdict", (.comparisons[0].comparison // {} | "\(.rounds | length) rounds, \(.looks.taken // "?") looks, stop \(.looks.stop // "?")")] | join(", ")' "$out/results.json")"
      line="$line; $(jq -r '.comparisons[0].comparison.metrics // [] | map(select(.metric != "ErrorRate" and .metric != "P99")) | map("\(.metric) \(if .change == null then "n/a" else "\(.change * 1000 | round / 10)% [\(.lower * 1000 | round / 10)%, \(.upper * 1000 | round / 10)%]" end) \(.verdict)") | join("; ")' "$out/results.json" 2>/dev/null || echo "metrics unreadable")"
      line="$line; $(jq -r '.cpu | "machine busy \(.machineBusy // "?" | tostring | .[0:4]), A cpu \(.aCpuSeconds | floor) s, B cpu \(.bCpuSeconds | floor) s, generator \(.generatorCpuSeconds // 0 | floor) s"' "$out/results.json")"
    else
      line="$line; no results.json: $(tail -3 "$work/compare-$branch-$i.log" | tr '\n' ' ')"
    fi
    echo "$line" | tee -a "$summary"
    [ "$status" = "$expected" ] || failed=1
  done
done
rm -rf "$repo/artifacts/gate-outside-repo" && cp -r "$work" "$repo/artifacts/gate-outside-repo"
echo "total $(( $(date +%s) - start )) s; summary: artifacts/gate-outside-repo.txt; reports and logs: artifacts/gate-outside-repo/" | tee -a "$summary"
[ "$failed" = 0 ] && echo "gate outside the repository: OK" || { echo "FAIL: an exit code was not the expected one"; exit 1; }
