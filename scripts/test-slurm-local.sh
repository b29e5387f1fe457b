#!/usr/bin/env bash
# Smoke test of the local single-node Slurm cluster (scripts/slurm-local.sh): starts it, runs a 3-task job array
# and a job that depends on it, checks the files they wrote, checks that a failing array task is reported as a
# failure, and stops the cluster again, also when a check fails or the test is interrupted.
# Exits non-zero on any failure; the jobs' files are kept then (the path is printed).
#
# Usage: scripts/test-slurm-local.sh   (as root, or as a user with sudo: starting the cluster needs root)
#
# To add a test: submit jobs with `submit`, wait for them with `wait_job`, and check what they wrote with
# `check_file`; all of it runs in the scratch directory $work. The helpers are in scripts/slurm-test-lib.sh.
#
# shellcheck disable=SC2016 # the job commands are single-quoted on purpose: they are expanded in the job.
set -euo pipefail
cd "$(dirname "$0")/.."
test_name=test-slurm-local
# shellcheck source=scripts/slurm-test-lib.sh
. scripts/slurm-test-lib.sh
slurm_test_begin

step "start the cluster"
"$slurm_local" up
sinfo

step "a 3-task job array, and a job that runs after it succeeded"
array=$(submit --job-name=smoke-array --array=0-2 \
  --wrap 'echo "task $SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT" > "task-$SLURM_ARRAY_TASK_ID.txt"')
after=$(submit --job-name=smoke-after --dependency="afterok:$array" \
  --wrap 'cat task-0.txt task-1.txt task-2.txt > all.txt')
echo "array job $array, dependent job $after"
wait_job "$array"
wait_job "$after"
for i in 0 1 2; do check_file "$work/task-$i.txt" "task $i of 3"; done
check_file "$work/all.txt" "$(printf 'task 0 of 3\ntask 1 of 3\ntask 2 of 3')"

step "a failing array task is reported as a failure"
failing=$(submit --job-name=smoke-failing --array=0-1 --wrap '[ "$SLURM_ARRAY_TASK_ID" -eq 0 ] || exit 3')
expect_job_failure "$failing"

step "stop the cluster"
