#!/usr/bin/env bash
# Smoke test of the local single-node Slurm cluster (scripts/slurm-local.sh): starts it, runs a 3-task job array
# and a job that depends on it, checks the files they wrote, checks that a failing array task is reported as a
# failure, and stops the cluster again, also when a check fails or the test is interrupted.
# Exits non-zero on any failure; the jobs' files are kept then (the path is printed).
#
# Usage: scripts/test-slurm-local.sh   (as root, or as a user with sudo: starting the cluster needs root)
#
# To add a test: submit jobs with `submit`, wait for them with `wait_job`, and check what they wrote with
# `check_file`; all of it runs in the scratch directory $work.
#
# shellcheck disable=SC2016 # the job commands are single-quoted on purpose: they are expanded in the job.
set -euo pipefail
cd "$(dirname "$0")/.."
slurm_local="$PWD/scripts/slurm-local.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/capsim-slurm-test.XXXXXX")
started=$EPOCHREALTIME

step() { echo "== $*"; }
fail() {
  echo "test-slurm-local: FAIL: $*" >&2
  exit 1
}

# Always stop the cluster, whatever happened.
finish() {
  local status=$?
  trap - EXIT INT TERM
  "$slurm_local" down || status=1
  if [ "$status" -eq 0 ]; then
    rm -rf "$work"
    echo "test-slurm-local: PASS in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
  else
    echo "test-slurm-local: FAIL (exit $status); job files and logs kept in $work" >&2
  fi
  exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

# submit SBATCH-ARGUMENTS...: submits a job that runs in $work, with its output in $work/slurm-JOBID.log;
# prints the job id.
submit() {
  local id
  id=$(sbatch --parsable --chdir="$work" --output="$work/slurm-%j.log" "$@") || fail "sbatch $* failed"
  echo "${id%%;*}" # --parsable prints JOBID or JOBID;CLUSTER
}

# wait_job JOBID [TIMEOUT_SECONDS]: waits until the job (all its array tasks) has finished; fails the test unless
# every task COMPLETED.
wait_job() {
  "$slurm_local" wait-job "$1" "${2:-120}" || fail "job $1 did not complete (see $work/slurm-*.log)"
}

# expect_job_failure JOBID [TIMEOUT_SECONDS]: waits for the job and fails the test unless wait-job reports that
# some task did not complete (exit 1; a timeout, exit 3, is not what we expect either).
expect_job_failure() {
  local status=0
  "$slurm_local" wait-job "$1" "${2:-120}" || status=$?
  [ "$status" -eq 1 ] || fail "wait-job $1 exited with $status; expected 1 (a task failed)"
}

# check_file PATH [EXPECTED_CONTENT]: PATH exists and is not empty; with EXPECTED_CONTENT, its content is exactly
# that (trailing newlines aside).
check_file() {
  [ -s "$1" ] || fail "$1 is missing or empty"
  if [ $# -ge 2 ] && [ "$(cat "$1")" != "$2" ]; then
    fail "$1 contains '$(cat "$1")', expected '$2'"
  fi
}

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
