#!/usr/bin/env bash
# Runs `capsim check` on every shipped scenario against its committed baseline (Reports/NAME/baseline.json).
# Usage: scripts/check-baselines.sh [PATH-TO-CAPSIM]
set -euo pipefail
cd "$(dirname "$0")/.."
capsim=${1:-.build/release/capsim}
failed=0
for scenario in Scenarios/*.yaml; do
  # Portfolios have no baseline of their own: their members are scenarios checked here or generated from a template.
  if grep -q "^portfolio:" "$scenario"; then continue; fi
  name=$(basename "$scenario" .yaml)
  baseline="Reports/$name/baseline.json"
  if [ ! -f "$baseline" ]; then
    echo "check-baselines: $scenario has no baseline ($baseline); run scripts/regenerate-reports.sh" >&2
    failed=1
    continue
  fi
  echo "== capsim check $scenario --baseline $baseline"
  "$capsim" check "$scenario" --baseline "$baseline" || failed=1
done
exit "$failed"
