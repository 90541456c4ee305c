#!/usr/bin/env bash
# Fails when a process carrying this CI run's marker is still alive outside the caller's process tree.
# .ci/run exports PERFTESTING_CI_RUN (a fresh id), so every test host, emulator, PostgreSQL, Redis, Docker
# client and registry process the run starts inherits it; one still running after the steps were left
# behind (reparented, so no longer the caller's descendant). By marker, not by name: other work on a
# shared machine is never judged, and a registry or test host left behind is found as well as an emulator.
# Usage: tools/check-no-orphans.sh [caller pid, default: the parent shell]
set -euo pipefail
marker="PERFTESTING_CI_RUN=${PERFTESTING_CI_RUN:?PERFTESTING_CI_RUN is not set}"
caller="${1:-$PPID}"
declare -A parent
for stat in /proc/[0-9]*/stat; do
  text=$(cat "$stat" 2>/dev/null) || continue
  pid=${text%% *}
  rest=${text##*) }          # after "pid (comm) ": state ppid ...
  read -r _ ppid _ <<<"$rest"
  parent[$pid]=$ppid
done
left=()
for pid in "${!parent[@]}"; do
  grep -qzx -- "$marker" "/proc/$pid/environ" 2>/dev/null || continue
  # The .NET SDK's build servers (MSBuild nodes, the compiler server) outlive a build by design.
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -Eq 'nodeReuse:true|/nodemode:|VBCSCompiler|rzc\.dll' && continue
  p=$pid ours=0
  for _ in $(seq 1 64); do
    if [ "$p" = "$caller" ] || [ "$p" = "$$" ]; then ours=1; break; fi
    p=${parent[$p]:-0}
    [ "$p" -gt 1 ] || break
  done
  [ "$ours" = 1 ] || left+=("$pid")
done
if [ ${#left[@]} -gt 0 ]; then
  for pid in "${left[@]}"; do echo "left behind: $pid $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | cut -c1-200)"; done
  echo "FAIL: ${#left[@]} process(es) of this CI run still running"
  exit 1
fi
echo "no process of this CI run left behind"
