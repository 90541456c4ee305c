#!/usr/bin/env bash
# Accepts what the last perf run measured: every tests/Perf/Baselines/NAME.received.json becomes
# NAME.json (the same as re-running with PERF_ACCEPT=1, without re-running). Review `git diff` after.
set -euo pipefail
dir="${1:-$(dirname "$0")/../tests/Perf/Baselines}"
shopt -s nullglob
accepted=0
for received in "$dir"/*.received.json; do
  mv "$received" "${received%.received.json}.json"
  echo "accepted ${received%.received.json}.json"
  accepted=$((accepted + 1))
done
echo "$accepted baseline(s) accepted"
