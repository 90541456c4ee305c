#!/usr/bin/env bash
# Approves exporter snapshots: every tests/**/Approved/NAME.received.EXT becomes NAME.approved.EXT.
# Run the unit tests first; review `git diff` after.
set -euo pipefail
cd "$(dirname "$0")/.."
count=0
while IFS= read -r -d '' received; do
  approved="${received/.received./.approved.}"
  mv "$received" "$approved"
  echo "approved $approved"
  count=$((count + 1))
done < <(find tests -path '*/Approved/*' -name '*.received.*' -print0)
echo "$count snapshot(s) approved"
