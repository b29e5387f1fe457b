#!/usr/bin/env bash
# Checks capsim's JSON Schemas (draft 2020-12): the committed copies in docs/schema/ are what `capsim schema`
# prints, each is a valid schema, every shipped scenario (YAML read as JSON) validates against the scenario schema,
# and every kind of document capsim writes validates against its schema.
#
#   scripts/check-schemas.sh [PATH-TO-CAPSIM]
#
# Needs python3 with the jsonschema and PyYAML packages (installed with pip when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
capsim=${1:-.build/release/capsim}
python3 -c 'import jsonschema, yaml' 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml
work=$(mktemp -d "${TMPDIR:-/tmp}/capsim-schemas.XXXXXX")
trap 'rm -rf "$work"' EXIT

for name in scenario results size plan explore portfolio compare; do
  "$capsim" schema "$name" > "$work/$name.schema.json"
  if ! cmp -s "$work/$name.schema.json" "docs/schema/$name.schema.json"; then
    echo "check-schemas: docs/schema/$name.schema.json is out of date; run: capsim schema $name > docs/schema/$name.schema.json" >&2
    exit 1
  fi
done

# Documents of every kind, from small, fast scenarios.
"$capsim" run Scenarios/vn-province.yaml --replications 2 --duration 10m --json "$work/results.json" > /dev/null
"$capsim" run Scenarios/vn-stress-retry-storm.yaml --replications 2 --series 1m --json "$work/results-series.json" > /dev/null
"$capsim" run Scenarios/vn-province.yaml --replications 2 --duration 10m --set pools.onestop.servers=3 --json "$work/results-b.json" > /dev/null
"$capsim" compare "$work/results.json" "$work/results-b.json" --json "$work/compare.json" > /dev/null
"$capsim" size Scenarios/vn-province.yaml --replications 2 --duration 10m --json "$work/size.json" > /dev/null || [ $? -eq 2 ]
"$capsim" plan Scenarios/vn-province.yaml --replications 2 --duration 10m --json "$work/plan.json" > /dev/null || [ $? -eq 2 ]
"$capsim" explore Tests/Data/growth-study.yaml --json "$work/explore.json" > /dev/null
"$capsim" portfolio plan Tests/Data/portfolio/portfolio.yaml --json "$work/portfolio.json" > /dev/null

python3 - "$work" Scenarios/*.yaml Scenarios/provinces/province-template.yaml Tests/Data/growth-study.yaml <<'PY'
import json, sys, yaml
from jsonschema import Draft202012Validator

work, scenarios = sys.argv[1], sys.argv[2:]
failed = 0
def load(name):
    schema = json.load(open(f"docs/schema/{name}.schema.json"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)

def check(validator, document, label):
    global failed
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors[:5]:
        print(f"{label}: {'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message[:200]}")
    failed += bool(errors)
    if not errors:
        print(f"{label}: valid")

scenario = load("scenario")
for path in scenarios:
    text = open(path, encoding="utf-8").read()
    if any(line.startswith("portfolio:") for line in text.splitlines()):
        continue
    check(scenario, yaml.safe_load(text), path)
for name, files in [("results", ["results.json", "results-series.json", "results-b.json"]), ("compare", ["compare.json"]),
                    ("size", ["size.json"]), ("plan", ["plan.json"]), ("explore", ["explore.json"]),
                    ("portfolio", ["portfolio.json"])]:
    validator = load(name)
    for f in files:
        check(validator, json.load(open(f"{work}/{f}")), f"{name} document {f}")
# The scenario schema must refuse what capsim refuses: a misspelt key, a value in an unknown unit, a step without
# its service time.
broken = yaml.safe_load(open("Scenarios/vn-province.yaml", encoding="utf-8"))
broken["pools"][0]["servrs"] = 3
broken["simulation"]["duration"] = "10 parsecs"
broken["workloads"][0]["route"][0] = {"pool": "onestop"}
found = {tuple(map(str, list(e.absolute_path)[:2])) for e in scenario.iter_errors(broken)}
for where in [("pools", "0"), ("simulation", "duration"), ("workloads", "0")]:
    if where not in found:
        print(f"the scenario schema accepts a broken {'/'.join(where)}")
        failed += 1
sys.exit(1 if failed else 0)
PY
echo "check-schemas: ok"
