# Helpers for tests that run jobs on the local single-node Slurm cluster (scripts/slurm-local.sh); sourced by
# scripts/test-slurm-local.sh and scripts/test-slurm-study.sh. Not a script of its own.
#
# Before sourcing, set:
#   test_name     the name in messages (e.g. test-slurm-local)
# After sourcing, call `slurm_test_begin`: it sets $work (a scratch folder), $slurm_local (the cluster script),
# and a trap that stops the cluster by the PIDs it recorded (`slurm-local.sh down`) whatever happens; on success
# the scratch folder is removed and the wall time printed, on failure it is kept for inspection.
#
# shellcheck shell=bash

slurm_test_begin() {
  : "${test_name:?set test_name before sourcing slurm-test-lib.sh}"
  slurm_local="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/slurm-local.sh"
  work=$(mktemp -d "${TMPDIR:-/tmp}/capsim-$test_name.XXXXXX")
  started=$EPOCHREALTIME
  trap slurm_test_finish EXIT
  trap 'exit 130' INT TERM
}

step() { echo "== $*"; }

fail() {
  echo "$test_name: FAIL: $*" >&2
  exit 1
}

seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

# Always stop the cluster, whatever happened.
slurm_test_finish() {
  local status=$?
  trap - EXIT INT TERM
  "$slurm_local" down || status=1
  if [ "$status" -eq 0 ]; then
    rm -rf "$work"
    echo "$test_name: PASS in $(seconds_since "$started") s"
  else
    echo "$test_name: FAIL (exit $status); job files and logs kept in $work" >&2
  fi
  exit "$status"
}

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
  "$slurm_local" wait-job "$1" "${2:-120}" || fail "job $1 did not complete (see the job logs under $work)"
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

# same_bytes A B: files A and B are byte for byte identical.
same_bytes() {
  cmp -- "$1" "$2" || fail "$1 and $2 differ"
}

# expect_status STATUS COMMAND...: runs COMMAND with its stderr in $work/last.err and fails the test unless it
# exits with STATUS.
expect_status() {
  local want=$1 got=0
  shift
  "$@" 2>"$work/last.err" || got=$?
  [ "$got" -eq "$want" ] || fail "$* exited with $got, expected $want; stderr: $(cat "$work/last.err")"
}

# expect_stderr_mentions TEXT: the last expect_status command's stderr contains TEXT.
expect_stderr_mentions() {
  grep -qF -- "$1" "$work/last.err" || fail "stderr does not mention '$1': $(cat "$work/last.err")"
}
