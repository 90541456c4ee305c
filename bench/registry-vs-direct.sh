#!/usr/bin/env bash
# The registry's download path against the store itself, in one run: N clients (default 100) download
# the same archive (40 MiB, then 4 MiB) directly from S3 through presigned URLs, through the registry
# from S3, through the registry from PostgreSQL, and through the registry with the hot-archive cache on.
# Backing services are local processes (s3rver, dynalite, PostgreSQL); each registry is its own process
# (Release build) whose allocations and CPU are read from its /health/components before and after each phase.
# The tools take turns within each round and every figure is the median over the rounds; ratios within
# this run are what count. Last four lines (exactly): s3_streamed_over_direct, postgres_streamed_over_direct,
# cached_over_direct, allocated_bytes_per_streamed_byte, each the weaker of the two archive sizes.
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
