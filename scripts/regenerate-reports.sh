#!/usr/bin/env bash
# Regenerates Reports/ from the shipped scenarios:
# - for every scenario Scenarios/NAME.yaml: the English report in Reports/NAME/ and the regression baseline
#   Reports/NAME/baseline.json (capsim run --json) that `capsim check` and .ci/run compare against;
# - a scenario with an uncertainty: block has its study run once (Reports/NAME/explore.json), and its reports read it;
# - Vietnamese reports of the national scenario and of the Dong Nai province in Reports/NAME-vi/;
# - the portfolio (a file with a top-level portfolio: key): its consolidated report with every member's report.
# Usage: scripts/regenerate-reports.sh [--keep-explore] [NAME...]   (default: every shipped scenario)
#   --keep-explore  reuse an existing Reports/NAME/explore.json instead of running the study again (it takes
#                   many minutes for the national scenario); only when the scenario and capsim's planning are
#                   unchanged since it was written.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build -c release --product capsim
capsim=.build/release/capsim
# Exit 2 means some year cannot meet its targets within the bounds: the report says so; keep going.
allow2() { local status=0; "$@" || status=$?; if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then exit "$status"; fi; }

keep_explore=0
if [ "${1:-}" = "--keep-explore" ]; then keep_explore=1; shift; fi
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for scenario in Scenarios/*.yaml; do names+=("$(basename "$scenario" .yaml)"); done
fi
for name in "${names[@]}"; do
  scenario="Scenarios/$name.yaml"
  echo "== $name" >&2
  kept=""
  if [ "$keep_explore" -eq 1 ] && [ -f "Reports/$name/explore.json" ]; then
    kept=$(mktemp); cp "Reports/$name/explore.json" "$kept"
  fi
  rm -rf "Reports/$name"
  mkdir -p "Reports/$name"
  if grep -q '^portfolio:' "$scenario"; then
    allow2 "$capsim" portfolio report "$scenario" --out "Reports/$name"
    continue
  fi
  explore=()
  if [ -n "$kept" ]; then
    mv "$kept" "Reports/$name/explore.json"
    explore=(--explore "Reports/$name/explore.json")
  elif grep -q '^uncertainty:' "$scenario"; then
    allow2 "$capsim" explore "$scenario" --json "Reports/$name/explore.json"
    explore=(--explore "Reports/$name/explore.json")
  fi
  allow2 "$capsim" report "$scenario" --out "Reports/$name" "${explore[@]}"
  "$capsim" run "$scenario" --json "Reports/$name/baseline.json" > /dev/null
  case "$name" in
    vn-national|vn-province-dong-nai)
      rm -rf "Reports/$name-vi"
      mkdir -p "Reports/$name-vi"
      allow2 "$capsim" report "$scenario" --out "Reports/$name-vi" --lang vi "${explore[@]}" ;;
  esac
done
