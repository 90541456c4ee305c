#!/usr/bin/env bash
# The registry's download path against the store itself, in one run: N clients (default 100) download
# the same archive (40 MiB, then 4 MiB) "direct" (each download asks a registry with presigned_urls_enabled
# and follows its redirect to S3, so it does the same authenticated catalog lookup per download as the
# streamed runs), through the registry from S3, through the registry from PostgreSQL, and through the
# registry with the hot-archive cache on; "store-only" (one presigned URL re-read, no registry) is printed
# for reference. Backing services are local processes (s3rver, dynalite, PostgreSQL); each registry is its
# own process (Release build) whose allocations and CPU are read from its /health/components before and
# after each phase, and s3rver's, the clients' and the whole machine's CPU from /proc (CPU s per GB per
# process; "other_work" is everything else on the machine, e.g. other people's builds).
# The tools take turns within each round and every figure is the median over the rounds; ratios within
# this run are what count. Last four lines (exactly): s3_streamed_over_direct, postgres_streamed_over_direct,
# cached_over_direct, allocated_bytes_per_streamed_byte, each the weaker of the two archive sizes.
# BENCH_BEFORE_REGISTRY=path/to/Registry.dll adds s3-before and cached-before (another build, same rounds).
# Usage: bench/registry-vs-direct.sh [SECONDS_PER_PHASE] [ROUNDS] [CLIENTS]   (defaults 5, 3 and 100)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
rounds="${2:-3}"
clients="${3:-100}"
[ -d tools/emulators/node_modules ] || (cd tools/emulators && npm ci --silent)
dotnet build src/Registry -c Release --nologo -v quiet >/dev/null
dotnet build bench/RegistryBench -c Release --nologo -v quiet >/dev/null
dotnet bench/RegistryBench/bin/Release/net10.0/RegistryBench.dll compare \
  "$PWD/src/Registry/bin/Release/net10.0/Registry.dll" "$seconds" "$rounds" "$clients"
