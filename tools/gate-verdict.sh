#!/usr/bin/env bash
# The pull-request gate's exit code, decided from the verdict file and the test process's exit code,
# never from the test log's wording (the console logger prints "Test Run Successful.", not "Passed!").
#   bash tools/gate-verdict.sh RESULTS_JSON TEST_EXIT_CODE [fail|warn|pass]
# RESULTS_JSON is the comparison's results.json (schema perftesting.ab/v1, field comparison.overall).
# Prints one line saying what the gate decided and exits with the codes `perftest compare` uses:
#   0 Same or Improved (and Inconclusive under warn or pass), 1 Regressed,
#   2 the comparison could not run (no verdict file, an unreadable one, or a test that failed without
#     a Regressed verdict), 3 Inconclusive under the fail policy.
set -uo pipefail
results="${1:?usage: gate-verdict.sh RESULTS_JSON TEST_EXIT_CODE [fail|warn|pass]}"
test_status="${2:?usage: gate-verdict.sh RESULTS_JSON TEST_EXIT_CODE [fail|warn|pass]}"
policy="${3:-warn}"
case "$policy" in fail|warn|pass) ;; *) echo "gate: unknown inconclusive policy '$policy' (fail, warn or pass)"; exit 2 ;; esac
if [ ! -s "$results" ]; then
  echo "gate: the comparison did not run: no verdict file at $results (test exit code $test_status)"; exit 2
fi
overall=$(jq -er '.comparison.overall' "$results" 2>/dev/null) || {
  echo "gate: the comparison did not run: $results has no comparison.overall"; exit 2; }
case "$overall" in
  Regressed) echo "gate: Regressed: the job fails"; exit 1 ;;
  Same|Improved) ;;
  Inconclusive)
    case "$policy" in
      fail) echo "gate: Inconclusive, and the policy is fail: the job fails"; exit 3 ;;
      warn) echo "gate: WARNING: Inconclusive (the rounds could not resolve the tolerance); the policy is warn: the job passes" ;;
      pass) echo "gate: Inconclusive; the policy is pass: the job passes" ;;
    esac ;;
  *) echo "gate: the comparison did not run: unknown verdict '$overall' in $results"; exit 2 ;;
esac
if [ "$test_status" != 0 ]; then
  echo "gate: the comparison did not run: the verdict is $overall but the test process exited $test_status"; exit 2
fi
[ "$overall" = Inconclusive ] || echo "gate: $overall: the job passes"
exit 0
