#!/usr/bin/env bash
# One open-model test (RATE arrivals/s for SECONDS, after 1 s of warm-up) run as 1, 2 and 4
# `perftest agent` processes on this machine against one Kestrel target on loopback, each agent with
# the environment a Kubernetes Indexed Job's pod gets; each run merged from its result folders.
# Prints one line per agent count, then exactly these three lines last:
#   agents_4_requests_exact=1|0             the 4-agent merge started exactly RATE x SECONDS requests, none dropped
#   merge_percentile_error_max=X            largest relative error of merged p50/p90/p99/p99.9/max against the
#                                           exact order statistics of the union of all agents' raw samples
#   merge_seconds_per_million_requests=S    read + merge time of the three runs over their requests
# Usage: bench/distributed.sh [RATE] [SECONDS]   (defaults 2000 and 5)
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-2000}"
seconds="${2:-5}"
dotnet build src/PerfTesting.Cli -c Release -nologo -v q >/dev/null
dotnet build bench/DistributedBench -c Release -nologo -v q >/dev/null
dotnet bench/DistributedBench/bin/Release/net10.0/DistributedBench.dll \
  src/PerfTesting.Cli/bin/Release/net10.0/PerfTesting.Cli.dll "$rate" "$seconds"
