#!/usr/bin/env bash
# A real single-node Slurm cluster on this machine, for CI and for testing capsim's Slurm support by hand.
#
# Usage:
#   scripts/slurm-local.sh up                       install (if needed) and start munged, slurmctld, slurmd
#   scripts/slurm-local.sh down                     stop the daemons this script started
#   scripts/slurm-local.sh status                   which daemons are up, and what sinfo says
#   scripts/slurm-local.sh wait-job JOBID [TIMEOUT] wait (default 3600 s) until a job, with all its array
#                                                   tasks, has left the queue and print each task's final
#                                                   state; exit 0 if every task COMPLETED, 1 if not, 3 on
#                                                   timeout (2: usage)
#
# For Debian (tested on Debian 12 with Slurm 22.05 and munge 0.5.15): uses apt and Debian's slurmctld, slurmd,
# slurm-client and munge packages. Works without systemd: every daemon runs in foreground mode, in the background, in its own session, and this script records
# its PID. `up` and `down` need root; when run as another user they re-run themselves through sudo.
#
# The cluster: one node called `localhost` (address 127.0.0.1, so nothing depends on the host name) with this
# machine's CPUs and memory, one default partition `local`, no cgroups, no accounting, no mail, no scheduler
# delays. It writes /etc/slurm/slurm.conf (and refuses to overwrite one it did not write), so the ordinary
# client commands (sbatch, squeue, sinfo, scancel) work without extra settings.
#
# Settings (environment):
#   SLURM_LOCAL_RUN          run directory: PID files and the daemons' own output (default /tmp/slurm-local)
#   SLURM_LOCAL_UP_TIMEOUT   seconds `up` waits for the node to become usable (default 30)
#   SLURM_LOCAL_CPUS         CPUs to give the node (default: all; more than the machine has oversubscribes it)
#   SLURM_LOCAL_MEMORY_MB    memory to give the node in MB (default: all)
#
# Files: /etc/slurm/slurm.conf, daemon logs in /var/log/slurm, state in /var/spool/slurmctld and
# /var/spool/slurmd, munge key /etc/munge/munge.key.
#
# Timing: `up` takes about 0.5 s once the packages are installed. The first job after `up` starts about 3 s after
# slurmctld did (its first scheduling pass); later jobs start within about a second. Finished jobs stay visible
# to squeue/scontrol (and so to wait-job) for 5 minutes (MinJobAge).
set -euo pipefail

RUN_DIR=${SLURM_LOCAL_RUN:-/tmp/slurm-local}
UP_TIMEOUT=${SLURM_LOCAL_UP_TIMEOUT:-30}
CONF=/etc/slurm/slurm.conf
CONF_MARKER="# Written by capsim scripts/slurm-local.sh (single-node test cluster); rewritten by every 'up'."
LOG_DIR=/var/log/slurm
NODE=localhost
PARTITION=local
PACKAGES=(slurmctld slurmd slurm-client munge)

say() { echo "slurm-local: $*"; }
warn() { echo "slurm-local: $*" >&2; }
die() { echo "slurm-local: error: $*" >&2; exit 1; }

usage() {
  sed -n '4,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

now() { echo "$EPOCHREALTIME"; }                           # seconds since the epoch, with microseconds
elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
before() { awk -v d="$1" -v t="$EPOCHREALTIME" 'BEGIN { exit !(t < d) }'; }   # is it still before deadline $1?
deadline_in() { awk -v s="$1" -v t="$EPOCHREALTIME" 'BEGIN { printf "%.6f", t + s }'; }

# ---------------------------------------------------------------------------------------------------------------
# Processes. A PID file holds "PID STARTTIME" (start time in clock ticks since boot, from /proc/PID/stat), so a PID
# that the kernel has since given to another process is never mistaken for our daemon.

# proc_field PID INDEX: prints a field of /proc/PID/stat, counted from the state field (0 = state,
# 19 = start time); fails when there is no such process. Splitting after the last ')' copes with any comm.
proc_field() {
  local stat rest fields
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  rest=${stat##*) }
  read -r -a fields <<<"$rest"
  echo "${fields[$2]}"
}

# is_live_process PID NAME: PID is a running process called NAME. A zombie (state Z) counts as dead: this
# machine's PID 1 reaps orphans lazily, so killed daemons can linger as <defunct> for seconds, and `kill -0`
# would still say they are alive.
is_live_process() {
  local comm state
  read -r comm 2>/dev/null <"/proc/$1/comm" || return 1
  [ "$comm" = "$2" ] || return 1
  state=$(proc_field "$1" 0) || return 1
  [ "$state" != Z ]
}

pid_file() { echo "$RUN_DIR/$1.pid"; }

# recorded_pid NAME: the PID recorded for daemon NAME, if that process is still ours and alive.
recorded_pid() {
  local file pid start
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  read -r pid start <"$file" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  is_live_process "$pid" "$1" || return 1
  [ "$(proc_field "$pid" 19)" = "$start" ] || return 1
  echo "$pid"
}

alive() { recorded_pid "$1" >/dev/null; }

# others_named NAME: PIDs of live processes called NAME that this script did not start (space-separated).
others_named() {
  local ours comm_file comm pid found=()
  ours=$(recorded_pid "$1" || true)
  for comm_file in /proc/[0-9]*/comm; do
    read -r comm 2>/dev/null <"$comm_file" || continue
    [ "$comm" = "$1" ] || continue
    pid=${comm_file#/proc/}
    pid=${pid%/comm}
    [ "$pid" != "$ours" ] || continue
    if is_live_process "$pid" "$1"; then found+=("$pid"); fi
  done
  echo "${found[*]}"
}

# start_daemon NAME COMMAND...: runs COMMAND (which must become a process called NAME) in the background in a
# new session, its output in RUN_DIR/NAME.out, and records its PID. A script has no job control, so
# the background child is not a process-group leader and setsid execs in place instead of forking: $! is the
# daemon's own PID.
start_daemon() {
  local name=$1 pid start i
  shift
  setsid "$@" </dev/null >"$RUN_DIR/$name.out" 2>&1 &
  pid=$!
  # Until it has exec'd, the child is still called bash/setsid/setpriv; wait (up to 5 s) for the real name.
  for ((i = 0; i < 50; i++)); do
    is_live_process "$pid" "$name" && break
    sleep 0.1
  done
  if ! is_live_process "$pid" "$name"; then
    show_logs
    die "$name did not start (command: $*)"
  fi
  start=$(proc_field "$pid" 19)
  echo "$pid $start" >"$(pid_file "$name")"
  say "started $name (pid $pid)"
}

# stop_daemon NAME: stops daemon NAME if this script started it and it still runs (SIGTERM, then SIGKILL after
# 15 s), and forgets its PID. Never signals any other process.
stop_daemon() {
  local name=$1 file pid i
  file=$(pid_file "$name")
  [ -f "$file" ] || return 0
  if ! pid=$(recorded_pid "$name"); then
    rm -f "$file"
    say "$name was not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 150; i++)); do
    is_live_process "$pid" "$name" || break
    sleep 0.1
  done
  if is_live_process "$pid" "$name"; then
    warn "$name (pid $pid) ignored SIGTERM for 15 s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      is_live_process "$pid" "$name" || break
      sleep 0.1
    done
    is_live_process "$pid" "$name" && die "could not stop $name (pid $pid)"
  fi
  rm -f "$file"
  say "stopped $name (pid $pid)"
}

# show_logs: the last lines each daemon wrote, for error messages. In foreground mode the daemons write their log
# to stderr too, so RUN_DIR/NAME.out has everything, including errors from before a log file was opened. The
# PMIx lines are noise (Debian's slurm is built with PMIx support, the library is not installed, nothing needs it).
show_logs() {
  local d
  for d in munged slurmctld slurmd; do
    [ -s "$RUN_DIR/$d.out" ] || continue
    echo "----- last lines of $RUN_DIR/$d.out" >&2
    grep -v -e 'pmix' -e 'MPI: Cannot create context' "$RUN_DIR/$d.out" | tail -n 12 >&2
  done
  if alive slurmctld; then
    echo "----- sinfo -R (why the node is not usable, if it is down or drained)" >&2
    timeout 5 sinfo -R >&2 || true
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# up

# Re-run this script as root through sudo (keeping the SLURM_LOCAL_* settings) when not already root.
become_root() {
  [ "$(id -u)" -eq 0 ] && return 0
  command -v sudo >/dev/null || die "'$1' needs root, and sudo is not installed"
  local settings=() var
  while IFS= read -r var; do settings+=("$var=${!var}"); done < <(compgen -e | grep '^SLURM_LOCAL_' || true)
  exec sudo env "${settings[@]}" "$0" "$@"
}

# apt-get, waiting (up to 5 minutes) instead of failing when another apt or dpkg holds the lock; output goes to
# RUN_DIR/apt.log and is shown when it fails.
apt_get() {
  if ! DEBIAN_FRONTEND=noninteractive apt-get -q -o DPkg::Lock::Timeout=300 "$@" >>"$RUN_DIR/apt.log" 2>&1; then
    tail -n 20 "$RUN_DIR/apt.log" >&2
    return 1
  fi
}

# Install the Debian packages that are missing. `apt-get update` only when apt does not know one of them yet
# (empty package lists, as on a fresh machine), or when the install fails on stale package lists.
ensure_packages() {
  local missing=() p need_update=0 started
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  started=$(now)
  : >"$RUN_DIR/apt.log"
  for p in "${missing[@]}"; do apt-cache show "$p" >/dev/null 2>&1 || need_update=1; done
  if [ "$need_update" -eq 1 ]; then
    say "updating the package lists ..."
    apt_get update || die "apt-get update failed"
  fi
  say "installing ${missing[*]} ..."
  if ! apt_get install -y --no-install-recommends "${missing[@]}"; then
    [ "$need_update" -eq 0 ] || die "apt-get install failed"
    say "apt-get install failed; updating the package lists and trying again"
    apt_get update || die "apt-get update failed"
    apt_get install -y --no-install-recommends "${missing[@]}" || die "apt-get install failed"
  fi
  say "installed ${missing[*]} in $(elapsed_since "$started") s"
}

munge_works() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

# munged: the key (the package's postinst normally creates it), the run directory (/run is empty after a
# boot), then the daemon itself, as the munge user. A munged that is already running and answering (for
# example one started by the package's init script) is used as it is, and `down` leaves it alone.
ensure_munge() {
  local key=/etc/munge/munge.key others i
  if [ ! -s "$key" ]; then
    say "creating the munge key $key"
    mungekey --create --keyfile="$key"
  fi
  chown munge:munge "$key"
  chmod 0400 "$key"
  [ -d /run/munge ] || install -d -o munge -g munge -m 0755 /run/munge

  alive munged && return 0
  others=$(others_named munged)
  if [ -n "$others" ]; then
    munge_works || die "a munged not started by this script is running (pid $others) but does not answer"
    say "using the munged that is already running (pid $others); 'down' will not stop it"
    rm -f "$(pid_file munged)"
    return 0
  fi
  start_daemon munged setpriv --reuid=munge --regid=munge --clear-groups munged --foreground
  for ((i = 0; i < 100; i++)); do
    munge_works && return 0
    alive munged || break
    sleep 0.1
  done
  show_logs
  die "munged does not answer ('munge -n | unmunge' fails)"
}

# Writes slurm.conf when it differs from what it should be, and sets CONF_CHANGED=1 if it did.
CONF_CHANGED=0
write_conf() {
  local cpus memory overrides="" new
  cpus=${SLURM_LOCAL_CPUS:-$(nproc)}
  memory=${SLURM_LOCAL_MEMORY_MB:-$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)}
  # More CPUs than the machine has: slurmd must take the configured numbers instead of the detected ones.
  [ -n "${SLURM_LOCAL_CPUS:-}" ] && overrides="SlurmdParameters=config_overrides"
  if [ -f "$CONF" ] && [ "$(head -n 1 "$CONF")" != "$CONF_MARKER" ]; then
    die "$CONF exists and was not written by this script; move it away to use the local test cluster"
  fi
  mkdir -p "$(dirname "$CONF")"
  new="$RUN_DIR/slurm.conf.new"
  cat >"$new" <<EOF
$CONF_MARKER
ClusterName=capsim-local
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log

# No cgroups (no cgroup.conf either): plain process tracking, no task binding.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# No accounting, no job completion records, no mail.
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MailProg=/bin/true

# Schedule CPUs only (memory is not a consumable, so jobs need no --mem), without waiting between passes.
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
# Large job arrays for studies; MaxJobCount must stay well above MaxArraySize.
MaxArraySize=10001
MaxJobCount=100000
# Cancel jobs whose dependency can never be satisfied instead of leaving them pending for ever.
DependencyParameters=kill_invalid_depend
# A node that was marked down comes back as soon as its slurmd registers again.
ReturnToService=2
$overrides

NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=$PARTITION Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
  if [ -f "$CONF" ] && cmp -s "$new" "$CONF"; then
    rm -f "$new"
    return 0
  fi
  install -m 0644 "$new" "$CONF"
  rm -f "$new"
  CONF_CHANGED=1
}

# wait_for DESCRIPTION DEADLINE COMMAND...: polls COMMAND until it succeeds; fails (with the daemon logs) at the
# deadline or as soon as one of our daemons has died.
wait_for() {
  local what=$1 deadline=$2 d
  shift 2
  while ! "$@"; do
    for d in munged slurmctld slurmd; do
      if [ -f "$(pid_file "$d")" ] && ! alive "$d"; then
        show_logs
        die "$d exited while waiting for $what"
      fi
    done
    if ! before "$deadline"; then
      show_logs
      die "timed out after ${UP_TIMEOUT} s waiting for $what (the daemons are left running for inspection;" \
        "'$0 down' stops them; full logs in $LOG_DIR)"
    fi
    sleep 0.2
  done
}

controller_up() { timeout 5 scontrol ping 2>/dev/null | grep -q 'is UP'; }

node_state() { timeout 5 sinfo -h -n "$NODE" -o '%T' 2>/dev/null | head -n 1; }

node_usable() {
  case "$(node_state)" in
    idle | mixed | allocated | completing) return 0 ;;
    *) return 1 ;;
  esac
}

cmd_up() {
  local started deadline d others
  mkdir -p "$RUN_DIR" /var/spool/slurmctld /var/spool/slurmd "$LOG_DIR"
  ensure_packages
  started=$(now)
  deadline=$(deadline_in "$UP_TIMEOUT")
  write_conf
  ensure_munge

  # A new slurm.conf while our daemons run: restart them so that they read it.
  if [ "$CONF_CHANGED" -eq 1 ] && { alive slurmd || alive slurmctld; }; then
    say "slurm.conf changed; restarting slurmd and slurmctld"
    stop_daemon slurmd
    stop_daemon slurmctld
  fi
  # Another Slurm on this machine would hold the ports; do not touch it.
  for d in slurmctld slurmd; do
    if ! alive "$d"; then
      others=$(others_named "$d")
      [ -z "$others" ] || die "a $d not started by this script is running (pid $others); stop it first"
    fi
  done

  # -D foreground, -c start with a clean job state, -i ignore unreadable state files.
  alive slurmctld || start_daemon slurmctld slurmctld -D -c -i
  wait_for "slurmctld to answer" "$deadline" controller_up
  alive slurmd || start_daemon slurmd slurmd -D -N "$NODE"
  wait_for "node $NODE to become idle" "$deadline" node_usable

  local pids=""
  for d in munged slurmctld slurmd; do
    if alive "$d"; then pids+=" $d=$(recorded_pid "$d")"; else pids+=" $d=(not ours)"; fi
  done
  say "up in $(elapsed_since "$started") s: node $NODE $(node_state) ($(timeout 5 sinfo -h -n "$NODE" -o '%c CPUs, %m MB'))," \
    "partition $PARTITION; pids$pids; run dir $RUN_DIR, logs $LOG_DIR"
}

# ---------------------------------------------------------------------------------------------------------------
# down

# Cancels every job of the cluster and waits (up to 10 s) for the queue to drain, so that no job processes
# outlive the daemons.
cancel_all_jobs() {
  local job_ids i
  job_ids=$(timeout 10 squeue -h -o '%F' 2>/dev/null | sort -u | tr '\n' ' ') || return 0
  [ -n "${job_ids// /}" ] || return 0
  say "cancelling jobs: $job_ids"
  # shellcheck disable=SC2086 # one argument per job id
  timeout 10 scancel $job_ids || true
  for ((i = 0; i < 50; i++)); do
    [ -z "$(timeout 5 squeue -h -o '%i' 2>/dev/null)" ] && return 0
    sleep 0.2
  done
  warn "jobs still listed after cancelling them"
}

cmd_down() {
  local d stopped_any=0
  for d in slurmd slurmctld munged; do [ -f "$(pid_file "$d")" ] && stopped_any=1; done
  if [ "$stopped_any" -eq 0 ]; then
    say "down (nothing of ours was running)"
    return 0
  fi
  if alive slurmctld && alive slurmd; then cancel_all_jobs; fi
  for d in slurmd slurmctld munged; do stop_daemon "$d"; done
  say "down"
}

# ---------------------------------------------------------------------------------------------------------------
# status

cmd_status() {
  local d pid others healthy=0
  for d in munged slurmctld slurmd; do
    others=$(others_named "$d")
    if pid=$(recorded_pid "$d"); then
      echo "$d: up (pid $pid)"
    elif [ -n "$others" ]; then
      echo "$d: running, but not started by this script (pid $others)"
      [ "$d" = munged ] || healthy=1
    else
      echo "$d: down"
      healthy=1
    fi
  done
  if command -v munge >/dev/null && munge_works; then echo "munge: credentials work"; else echo "munge: not working"; healthy=1; fi
  if command -v sinfo >/dev/null && timeout 10 sinfo 2>&1; then :; else echo "sinfo: no answer from slurmctld"; healthy=1; fi
  return "$healthy"
}

# ---------------------------------------------------------------------------------------------------------------
# wait-job

# job_field LINE KEY: the value of KEY=VALUE in one line of `scontrol -o show job`.
job_field() {
  if [[ " $1" =~ [[:space:]]$2=([^[:space:]]*) ]]; then echo "${BASH_REMATCH[1]}"; fi
}

# Prints one line per task (JOB[_TASK] STATE exit=CODE:SIGNAL [reason]); returns 0 only if all COMPLETED.
report_job() {
  local jid=$1 records line id task state code reason failed=0 count=0 lines=()
  if ! records=$(timeout 10 scontrol -o show job "$jid" 2>&1); then
    warn "no record of job $jid: $records"
    warn "(unknown job id, or the job finished more than MinJobAge = 300 s ago)"
    return 1
  fi
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    id=$(job_field "$line" JobId)
    task=$(job_field "$line" ArrayTaskId)
    [ -z "$task" ] || id="$(job_field "$line" ArrayJobId)_$task"
    state=$(job_field "$line" JobState)
    code=$(job_field "$line" ExitCode)
    reason=$(job_field "$line" Reason)
    count=$((count + 1))
    if [ "$state" = COMPLETED ]; then
      lines+=("  $id $state exit=$code")
    else
      lines+=("  $id $state exit=$code reason=$reason")
      failed=$((failed + 1))
    fi
  done <<<"$records"
  [ "$count" -eq 0 ] || printf '%s\n' "${lines[@]}" | sort -V
  if [ "$count" -eq 0 ]; then warn "job $jid: no tasks listed"; return 1; fi
  if [ "$failed" -gt 0 ]; then warn "job $jid: $failed of $count task(s) did not complete"; return 1; fi
  say "job $jid: all $count task(s) completed"
}

cmd_wait_job() {
  local jid=${1:-} limit=${2:-3600} deadline out
  [[ $jid =~ ^[0-9]+(_[0-9]+)?$ ]] || usage
  [[ $limit =~ ^[0-9]+$ ]] || usage
  deadline=$(deadline_in "$limit")
  # squeue lists a job while any of its tasks is pending, running or completing; an empty answer means done.
  # (`sbatch --wait` would do the same but polls every 2 to 10 s.)
  while true; do
    if out=$(timeout 10 squeue -h -j "$jid" -o '%i' 2>&1); then
      [ -n "$out" ] || break
    elif [[ $out == *"Invalid job id"* ]]; then
      break # not known (any more): report_job says so
    fi
    if ! before "$deadline"; then
      timeout 10 squeue -j "$jid" -t all >&2 || true
      warn "timed out after $limit s waiting for job $jid"
      return 3
    fi
    sleep 0.5
  done
  report_job "$jid"
}

# ---------------------------------------------------------------------------------------------------------------

verb=${1:-}
[ $# -gt 0 ] && shift
case "$verb" in
  up) [ $# -eq 0 ] || usage; become_root up; cmd_up ;;
  down) [ $# -eq 0 ] || usage; become_root down; cmd_down ;;
  status) [ $# -eq 0 ] || usage; cmd_status ;;
  wait-job) { [ $# -ge 1 ] && [ $# -le 2 ]; } || usage; cmd_wait_job "$@" ;;
  *) usage ;;
esac
