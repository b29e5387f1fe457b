#!/usr/bin/env bash
# Integration test of capsim's cluster studies on a real single-node Slurm (scripts/slurm-local.sh):
#   - `capsim slurm ... --shards 3 --submit` runs a 21-plan explore study as a job array plus a merge job;
#   - the merged explore.json is byte for byte the unsharded `capsim explore --json` of the same study;
#   - resume: a complete shard run again (by hand, and as a resubmitted array task) is kept, not recomputed, and a
#     lost shard is recomputed by resubmitting the array, with the same merged bytes;
#   - `capsim merge` exits 66 naming a missing shard, and 65 when a shard's study hash differs;
#   - a portfolio's plan (Tests/Data/portfolio: three members) as a 2-shard job array plus merge is byte for byte
#     the local `capsim portfolio plan --json`, and a resubmitted array keeps both complete shards.
# The paths have spaces on purpose. The cluster is stopped by its daemons' PIDs at the end, also on failure or
# interruption; on failure the scratch folder is kept (its path is printed).
#
# Usage: scripts/test-slurm-study.sh [CAPSIM]   (default .build/release/capsim; as root, or with sudo: starting
#        the cluster needs root; the jobs run as the calling user)
set -euo pipefail
cd "$(dirname "$0")/.."
test_name=test-slurm-study
# shellcheck source=scripts/slurm-test-lib.sh
. scripts/slurm-test-lib.sh

capsim=${1:-.build/release/capsim}
[ -x "$capsim" ] || { echo "$test_name: $capsim is not built; run swift build -c release first" >&2; exit 1; }
capsim="$(cd "$(dirname "$capsim")" && pwd)/$(basename "$capsim")"
slurm_test_begin

# The study: 16 samples + base + low/high of one input + 2 noise-check runs = 21 plans of a few tenths of a
# second each. Options after -- must reach every shard: a what-if and another design seed.
mkdir -p "$work/scenario dir"
scenario="$work/scenario dir/explore growth.yaml"
cp Tests/Scenarios/explore-growth.yaml "$scenario"
options=(--set "pools.p.unit.cost=90000000" --design-seed 7)
study="$work/study dir"

step "start the cluster"
"$slurm_local" up

step "the same study on this machine, unsharded"
t=$EPOCHREALTIME
"$capsim" explore "$scenario" "${options[@]}" --json "$work/local.json" >"$work/local.txt"
echo "local explore: $(seconds_since "$t") s"

step "capsim slurm --shards 3 --submit"
t=$EPOCHREALTIME
"$capsim" slurm "$scenario" --shards 3 --out "$study" --time 10 --submit -- "${options[@]}" | tee "$work/submit.txt"
array=$(sed -n 's/^submitted .*: job array \([0-9]*\) .*/\1/p' "$work/submit.txt")
merge=$(sed -n 's/^submitted .*: job \([0-9]*\), after .*/\1/p' "$work/submit.txt")
if [ -z "$array" ] || [ -z "$merge" ]; then fail "no job ids in the output of capsim slurm --submit"; fi
# shellcheck disable=SC2016 # the variable is expanded in the job, not here
grep -q -- '--shard "$SLURM_ARRAY_TASK_ID/3"' "$study/explore.sbatch" || fail "explore.sbatch does not run the shards"
wait_job "$array"
wait_job "$merge"
echo "array and merge on Slurm: $(seconds_since "$t") s from submission"
for i in 0 1 2; do check_file "$study/shard-$i-of-3.json"; done

step "the merged explore.json is byte-identical to the local run"
same_bytes "$study/explore.json" "$work/local.json"
grep -q 'merged from 3 shard file(s)' "$study"/merge-"$merge".out || fail "the merge job's log has no summary"

step "resume: a complete shard run again is kept, not recomputed"
shard1="$study/shard-1-of-3.json"
cp -p "$shard1" "$work/shard-1.before"
stamp=$(stat -c '%y' "$shard1")
sleep 0.01
"$capsim" explore "$scenario" "${options[@]}" --shard 1/3 --out "$study" >"$work/rerun.txt"
grep -q "^kept $shard1: .*not recomputed" "$work/rerun.txt" || fail "rerunning shard 1 did not keep it: $(cat "$work/rerun.txt")"
[ "$(stat -c '%y' "$shard1")" = "$stamp" ] || fail "$shard1 was rewritten (modification time changed)"
same_bytes "$shard1" "$work/shard-1.before"

step "resume on Slurm: resubmit the array after losing shard 2; shards 0 and 1 are kept, 2 is planned again"
rm "$study/shard-2-of-3.json"
expect_status 66 "$capsim" merge "$study"
again=$(sbatch --parsable "$study/explore.sbatch")
again=${again%%;*}
remerge=$(sbatch --parsable --dependency="afterok:$again" "$study/merge.sbatch")
remerge=${remerge%%;*}
wait_job "$again"
wait_job "$remerge"
for i in 0 1; do grep -q '^kept ' "$study/explore-${again}_$i.out" || fail "task $i of the resubmitted array recomputed its shard"; done
grep -q '^wrote ' "$study/explore-${again}_2.out" || fail "task 2 of the resubmitted array did not plan its shard"
same_bytes "$study/explore.json" "$work/local.json"

step "a missing shard: capsim merge exits 66 naming it"
mv "$shard1" "$work/shard-1.moved"
expect_status 66 "$capsim" merge "$study" --json "$work/merged-missing.json"
expect_stderr_mentions "$shard1"
[ ! -e "$work/merged-missing.json" ] || fail "merge wrote a document with a shard missing"
mv "$work/shard-1.moved" "$shard1"

step "a shard of another study: capsim merge exits 65 naming it"
cp -r "$study" "$work/mixed"
sed -i 's/"study": "fnv1a64:[0-9a-f]*"/"study": "fnv1a64:0123456789abcdef"/' "$work/mixed/shard-2-of-3.json"
expect_status 65 "$capsim" merge "$work/mixed"
expect_stderr_mentions "$work/mixed/shard-2-of-3.json"
expect_stderr_mentions "fnv1a64:0123456789abcdef"

step "a portfolio's plan on Slurm: 2 shards by member, merged, byte-identical to the local run"
mkdir -p "$work/portfolio dir"
cp Tests/Data/portfolio/* "$work/portfolio dir/"
portfolio="$work/portfolio dir/portfolio.yaml"
portfolio_options=(--duration 3m --replications 2)
portfolio_study="$work/portfolio study"
"$capsim" portfolio plan "$portfolio" "${portfolio_options[@]}" --json "$work/portfolio-local.json" >/dev/null
t=$EPOCHREALTIME
"$capsim" slurm "$portfolio" --shards 2 --out "$portfolio_study" --time 10 --submit -- "${portfolio_options[@]}" | tee "$work/portfolio-submit.txt"
array=$(sed -n 's/^submitted .*: job array \([0-9]*\) .*/\1/p' "$work/portfolio-submit.txt")
merge=$(sed -n 's/^submitted .*: job \([0-9]*\), after .*/\1/p' "$work/portfolio-submit.txt")
if [ -z "$array" ] || [ -z "$merge" ]; then fail "no job ids in the output of capsim slurm --submit on a portfolio"; fi
wait_job "$array"
wait_job "$merge"
echo "portfolio array and merge on Slurm: $(seconds_since "$t") s from submission"
for i in 0 1; do check_file "$portfolio_study/shard-$i-of-2.json"; done
same_bytes "$portfolio_study/portfolio.json" "$work/portfolio-local.json"
grep -q '3 member plans merged from 2 shard file(s)' "$portfolio_study"/merge-"$merge".out || fail "the portfolio merge job's log has no summary"

step "resume a portfolio on Slurm: a resubmitted array keeps both complete shards"
again=$(sbatch --parsable "$portfolio_study/plan.sbatch")
again=${again%%;*}
wait_job "$again"
for i in 0 1; do grep -q '^kept ' "$portfolio_study/plan-${again}_$i.out" || fail "task $i of the resubmitted portfolio array recomputed its shard"; done

step "stop the cluster"
