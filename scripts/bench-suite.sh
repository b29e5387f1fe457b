#!/usr/bin/env bash
# bench-suite.sh: capsim's performance benchmarks, each against a reference measured in the same run.
#
# Usage: scripts/bench-suite.sh [--repeat N] [--quick] [--only NAME,...] [--out DIR] [--no-build] [--strict]
#
#   --repeat N   rounds (default 3); every figure is the median over the rounds, with min-max
#   --quick      about 10x less simulation work (CI smoke test): shorter simulated periods, fewer customers;
#                plans only about 2x less (see below). Ratio targets are still judged; the plans' are not.
#   --only LIST  comma-separated subset of: mm8 national-day ps-heavy failures-heavy plan-national plan-stress
#   --out DIR    where logs, results JSON and runs.tsv go (default .build/bench-suite/<UTC time>)
#   --no-build   use the capsim release binary already built (not right after `swift test -c release`,
#                which rebuilds .build/release/capsim for testing: a different binary)
#   --strict     exit 1 when a target is not met (default: report only)
#
# Benchmarks (scenarios in Benchmarks/scenarios/, each file says what it stresses and its event count):
#   mm8             M/M/8 at rho 0.9, ~20M customers, `capsim run --jobs 1 --replications 1`, against the
#                   hand-written C program Benchmarks/reference/mmc.c on the same model (20M customers).
#                   Figure: customers per second. Target: capsim >= 0.9x C.
#   national-day    80M requests in one simulated day (multi-hop, PS link, evening peak, failures), one
#                   replication, one thread. Figure: wall time, against (its event count / the C program's
#                   events per second in an adjacent run). Target: <= 1.5x. The same scenario cut to a
#                   quarter day (15:00-21:00, which holds the evening peak) gives the memory row:
#                   peak RSS < 1 GB and flat in run length (full day <= 1.25x the quarter day).
#   ps-heavy        processor-sharing links ~77 % busy; reported like national-day, no target.
#   failures-heavy  2,000 servers failing every 10 min; reported like national-day, no target.
#   plan-national   `capsim plan Scenarios/vn-national.yaml --jobs 2`: whole-process wall time, target <= 10 s.
#   plan-stress     `capsim plan Scenarios/vn-stress.yaml --jobs 2`: target <= 30 s.
#
# Plans in quick mode: a plan cannot be cut down 10x. Every sizing probe pays the scenario's warm-up, and
# shorter or fewer replications widen the confidence intervals, so the 95 % rule re-simulates more probes
# (national with 1 min probes: 37 simulations instead of 26, no faster). Quick mode plans with 3
# replications of 2 min (national) / 1 min (stress): about half the full time, the same code paths.
#
# Fairness and noise:
#   - Rounds interleave the programs (capsim, C, capsim, C, ...; the order inside a pair alternates from
#     round to round), so drift of a shared machine hits both sides of a ratio alike. Ratios are the
#     median of the per-round (paired) ratios, not the ratio of medians.
#   - Every repeat does identical work (same seeds), so the spread is machine noise only.
#   - What is timed: for `capsim run`, the wall time capsim prints ("N events in X s wall time"): model
#     compilation and simulation, without process start-up, YAML parsing and JSON writing. For the C
#     program, CLOCK_MONOTONIC around its event loop, as it prints. For `capsim plan`, the wall clock
#     around the whole process (GNU time's %e). Peak memory is the maximum resident set size of the
#     whole process (GNU time's %M).
#   - The C program is compiled with plain -O2 (no -march=native, so the yardstick is portable) by the
#     Swift toolchain's clang (the clang next to `swift`, else `clang` on PATH, else `cc`; CC overrides).
#
# Needs: the Swift toolchain, bash, awk, sort and date, and GNU time (Debian package `time`). When GNU time
# is missing the script installs the `time` package with apt-get (with sudo when not root), as
# scripts/bootstrap.sh does for GSL. Output: a table on stdout; the raw runs in OUT/runs.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."

# ------------------------------------------------------------------------------------------ options
repeat=3
quick=0
only="mm8,national-day,ps-heavy,failures-heavy,plan-national,plan-stress"
out=""
build=1
strict=0
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) [ $# -ge 2 ] || { usage >&2; exit 64; }; repeat="$2"; shift 2 ;;
    --repeat=*) repeat="${1#*=}"; shift ;;
    --quick) quick=1; shift ;;
    --only) [ $# -ge 2 ] || { usage >&2; exit 64; }; only="$2"; shift 2 ;;
    --only=*) only="${1#*=}"; shift ;;
    --out) [ $# -ge 2 ] || { usage >&2; exit 64; }; out="$2"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --no-build) build=0; shift ;;
    --strict) strict=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-suite: unknown argument '$1'" >&2; usage >&2; exit 64 ;;
  esac
done
case "$repeat" in ''|*[!0-9]*|0) echo "bench-suite: --repeat needs a positive integer" >&2; exit 64 ;; esac
all_benchmarks="mm8 national-day ps-heavy failures-heavy plan-national plan-stress"
for b in ${only//,/ }; do
  case " $all_benchmarks " in *" $b "*) ;; *) echo "bench-suite: unknown benchmark '$b' (one of: $all_benchmarks)" >&2; exit 64 ;; esac
done
selected() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# Work per run. Full: the figures of the performance goals. Quick: about a tenth.
if [ "$quick" -eq 1 ]; then
  mode=quick
  mm8_customers=2000000;  mm8_args=(--duration 277777.78s)   # 2M customers / 7.2 per s
  day_args=(--duration 2.4h);     quarter_args=(--duration 36m)
  ps_args=(--duration 90s);       failures_args=(--duration 1d)
  plan_national_args=(--replications 3 --duration 2m)         # see "Plans in quick mode" above
  plan_stress_args=(--replications 3 --duration 1m)
  tolerance=0.03                                               # mean response vs Erlang C, 2M customers
else
  mode=full
  mm8_customers=20000000; mm8_args=()                          # the scenario's 20M / 7.2 s
  day_args=();                    quarter_args=(--duration 6h)
  ps_args=();                     failures_args=()
  plan_national_args=();   plan_stress_args=()
  tolerance=0.01                                               # mean response vs Erlang C, 20M customers
fi

[ -n "$out" ] || out=".build/bench-suite/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out/logs" "$out/json"
runs="$out/runs.tsv"
printf 'round\tbench\tprogram\tstatus\twall_s\telapsed_s\tevents\tcustomers\trss_kb\tmean_response\terlang_c_response\n' > "$runs"

# ------------------------------------------------------------------------------------------ tools
gnu_time=$(type -P time || true)
if [ -z "$gnu_time" ] || ! "$gnu_time" -f '%M' true > /dev/null 2>&1; then
  echo "bench-suite: installing GNU time (Debian package 'time') for peak-memory measurement..." >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq time > /dev/null
  gnu_time=$(type -P time)
fi

if [ -n "${CC:-}" ]; then
  cc_cmd="$CC"
else
  swift_dir=$(dirname "$(readlink -f "$(command -v swift)")")
  if [ -x "$swift_dir/clang" ]; then cc_cmd="$swift_dir/clang"
  elif command -v clang > /dev/null; then cc_cmd=$(command -v clang)
  else cc_cmd=cc
  fi
fi
mmc="$out/mmc"
"$cc_cmd" -O2 -std=c11 -o "$mmc" Benchmarks/reference/mmc.c -lm

if [ "$build" -eq 1 ]; then
  scripts/bootstrap.sh
  swift build -c release --product capsim >&2
fi
capsim="$(swift build -c release --show-bin-path)/capsim"
[ -x "$capsim" ] || { echo "bench-suite: $capsim not built (drop --no-build)" >&2; exit 66; }

{
  echo "capsim bench-suite, $mode mode, $repeat round(s), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Package.swift 2>/dev/null || echo ' (Sources modified)')"
  echo "machine:  $(uname -m), $(nproc) cores; load average at start: $(uptime 2>/dev/null | sed 's/.*load average: //' || echo unknown)"
  echo "swift:    $(swift --version 2>&1 | head -n 1)"
  echo "C:        $("$cc_cmd" --version 2>&1 | head -n 1) [-O2]"
} | tee "$out/machine.txt"

# ------------------------------------------------------------------------------------------ runners
# Each runner appends one row to runs.tsv. A failing command stops the suite (its log is kept).

# timed LOG TIMEFILE COMMAND...: runs COMMAND under GNU time (stdout and stderr to LOG; the last line of
# TIMEFILE is "ELAPSED_SECONDS MAX_RSS_KB"); prints COMMAND's exit status.
timed() {
  local log="$1" tfile="$2"; shift 2
  local status=0
  "$gnu_time" -o "$tfile" -f '%e %M' "$@" > "$log" 2>&1 || status=$?
  echo "$status"
}

# run_c ROUND BENCH: the C program on M/M/8, rho 0.9, seed 1, paired with BENCH.
run_c() {
  local round="$1" bench="$2"
  local log="$out/logs/$bench-r$round-c.log" tfile="$out/logs/$bench-r$round-c.time"
  local status
  status=$(timed "$log" "$tfile" "$mmc" "$mm8_customers" 8 0.9 1)
  if [ "$status" -ne 0 ]; then echo "bench-suite: C reference failed ($log)" >&2; cat "$log" >&2; exit 1; fi
  awk -v r="$round" -v b="$bench" -v s="$status" -v tf="$tfile" '
    BEGIN { while ((getline t < tf) > 0) last = t; split(last, tm, " ") }
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END { printf "%s\t%s\tc\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r, b, s, v["seconds"], tm[1], v["events"],
          v["customers"], tm[2], v["mean_response"], v["erlang_c_response"] }' "$log" >> "$runs"
}

# run_capsim ROUND BENCH SCENARIO [ARGS...]: `capsim run` on one thread, one replication.
run_capsim() {
  local round="$1" bench="$2" scenario="$3"; shift 3
  local log="$out/logs/$bench-r$round-capsim.log" tfile="$out/logs/$bench-r$round-capsim.time"
  local json="$out/json/$bench-r$round.json"
  local status
  status=$(timed "$log" "$tfile" "$capsim" run "$scenario" --jobs 1 --replications 1 --json "$json" "$@")
  if [ "$status" -ne 0 ]; then echo "bench-suite: capsim run $scenario failed ($log)" >&2; tail -n 20 "$log" >&2; exit 1; fi
  # Events and wall time from "N events in X s wall time on 1 thread(s)"; customers = the sum of the
  # workloads' "arrived"; mean response = the first workload's end-to-end mean (used for mm8).
  local line sums
  line=$(grep -E '[0-9,]+ events in [0-9.]+ s wall time' "$log" | tail -n 1 | tr -d ',')
  [ -n "$line" ] || { echo "bench-suite: no 'events in ... s wall time' line in $log" >&2; exit 1; }
  sums=$(awk '
    /"workloads": \{/ { inw = 1 }
    inw && /"arrived":/ { v = $2; gsub(/[^0-9.eE+-]/, "", v); arrived += v }
    inw && /"response": \{/ && resp == "" { want = 1 }
    want && /"mean":/ { v = $2; gsub(/[^0-9.eE+-]/, "", v); resp = v; want = 0 }
    END { printf "%.0f %s", arrived, (resp == "" ? "-" : resp) }' "$json")
  awk -v r="$round" -v b="$bench" -v s="$status" -v tf="$tfile" -v sums="$sums" '
    BEGIN { while ((getline t < tf) > 0) last = t; split(last, tm, " "); split(sums, su, " ") }
    { for (i = 1; i <= NF; i++) { if ($i == "events") ev = $(i - 1); if ($i == "in") w = $(i + 1) } }
    END { printf "%s\t%s\tcapsim\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t-\n", r, b, s, w, tm[1], ev, su[1], tm[2], su[2] }' \
    <<< "$line" >> "$runs"
}

# run_plan ROUND BENCH SCENARIO [ARGS...]: `capsim plan`, timed as a whole process. Exit 2 (a year cannot meet
# its targets within the bounds) is a valid outcome of a plan and is recorded, not an error.
run_plan() {
  local round="$1" bench="$2" scenario="$3"; shift 3
  local log="$out/logs/$bench-r$round.log" tfile="$out/logs/$bench-r$round.time"
  local status
  status=$(timed "$log" "$tfile" "$capsim" plan "$scenario" --jobs 2 "$@")
  if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then echo "bench-suite: capsim plan $scenario failed ($log)" >&2; tail -n 20 "$log" >&2; exit 1; fi
  # GNU time writes "Command exited with non-zero status 2" before its figures then: take the last line.
  tail -n 1 "$tfile" | awk -v r="$round" -v b="$bench" -v s="$status" '
    { printf "%s\t%s\tcapsim\t%s\t%s\t%s\t-\t-\t%s\t-\t-\n", r, b, s, $1, $1, $2 }' >> "$runs"
}

# pair ROUND BENCH SCENARIO [ARGS...]: capsim and C, capsim first in odd rounds and C first in even ones.
pair() {
  local round="$1" bench="$2"
  if [ $((round % 2)) -eq 1 ]; then
    run_capsim "$@"; run_c "$round" "$bench"
  else
    run_c "$round" "$bench"; run_capsim "$@"
  fi
}

# ------------------------------------------------------------------------------------------ rounds
for round in $(seq 1 "$repeat"); do
  echo "round $round of $repeat: $(echo "$only" | tr ',' ' ')" >&2
  if selected mm8; then pair "$round" mm8 Benchmarks/scenarios/mm8.yaml "${mm8_args[@]}"; fi
  if selected national-day; then
    pair "$round" national-day Benchmarks/scenarios/national-day.yaml "${day_args[@]}"
    run_capsim "$round" national-quarter Benchmarks/scenarios/national-day.yaml "${quarter_args[@]}"
  fi
  if selected ps-heavy; then pair "$round" ps-heavy Benchmarks/scenarios/ps-heavy.yaml "${ps_args[@]}"; fi
  if selected failures-heavy; then pair "$round" failures-heavy Benchmarks/scenarios/failures-heavy.yaml "${failures_args[@]}"; fi
  if selected plan-national; then run_plan "$round" plan-national Scenarios/vn-national.yaml "${plan_national_args[@]}"; fi
  if selected plan-stress; then run_plan "$round" plan-stress Scenarios/vn-stress.yaml "${plan_stress_args[@]}"; fi
done
echo "load average at end: $(uptime 2>/dev/null | sed 's/.*load average: //' || echo unknown)" | tee -a "$out/machine.txt"

# ------------------------------------------------------------------------------------------ report
# Reads runs.tsv; prints the table, the footnotes and the sanity checks. Exit status of awk: 0 all fine,
# 3 a sanity check failed, 4 a target not met (only with --strict), checked below.
report_status=0
awk -F '\t' -v quick="$quick" -v strict="$strict" -v tol="$tolerance" -v repeat="$repeat" '
function median(a, n,    i, j, t, b) {          # median of a[1..n] (mean of the middle two when n is even)
  if (n == 0) return "";
  for (i = 1; i <= n; i++) b[i] = a[i];
  for (i = 2; i <= n; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
  return (n % 2) ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2;
}
function minof(a, n,    i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
function maxof(a, n,    i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
function spread(a, n, fmt) { return sprintf(fmt, median(a, n)) " (" sprintf(fmt, minof(a, n)) "-" sprintf(fmt, maxof(a, n)) ")" }
function row(name, cap, ref, ratio, mem, target, met) {
  printf "%-19s %-26s %-15s %-8s %-9s %-24s %s\n", name, cap, ref, ratio, mem, target, met;
}
function verdict(ok) { if (ok) return "yes"; missed++; return "NO" }
NR == 1 { next }
{
  r = $1; b = $2; p = $3;
  key = b SUBSEP p SUBSEP r; seen[b] = 1;
  wall[key] = $5; elapsed[key] = $6; events[key] = $7; cust[key] = $8; rss[key] = $9; resp[key] = $10; erl[key] = $11;
  status[key] = $4; if (r > rounds) rounds = r;
}
END {
  missed = 0; bad = 0;
  row("benchmark", "capsim: median (min-max)", "reference", "ratio", "peak MB", "target", "met");
  row("---------", "------------------------", "---------", "-----", "-------", "------", "---");
  # --- mm8: customers per second, capsim vs C, paired per round
  if (seen["mm8"]) {
    n = 0; nc = 0; np = 0; nm = 0; split("", cps); split("", ccps); split("", pr); split("", mem);
    for (r = 1; r <= rounds; r++) {
      k = "mm8" SUBSEP "capsim" SUBSEP r; kc = "mm8" SUBSEP "c" SUBSEP r;
      if (k in wall) { cps[++n] = cust[k] / wall[k] / 1e6; mem[++nm] = rss[k] / 1024; capresp[n] = resp[k] }
      if (kc in wall) { ccps[++nc] = cust[kc] / wall[kc] / 1e6; cresp[nc] = resp[kc]; erlang = erl[kc]; cmem[nc] = rss[kc] / 1024 }
      if ((k in wall) && (kc in wall)) pr[++np] = (cust[k] / wall[k]) / (cust[kc] / wall[kc]);
    }
    ratio = median(pr, np);
    row("mm8 customers/s", spread(cps, n, "%.2fM"), sprintf("C %.2fM", median(ccps, nc)), sprintf("%.3f", ratio),
        sprintf("%.0f", median(mem, nm)), ">= 0.9x C", verdict(ratio >= 0.9));
  }
  # --- event-rate benchmarks: wall time vs (events / C events per s of the paired C run)
  split("national-day ps-heavy failures-heavy", evb, " ");
  for (e = 1; e <= 3; e++) {
    b = evb[e]; if (!seen[b]) continue;
    n = 0; np = 0; nm = 0; split("", w); split("", eq); split("", pr); split("", mem);
    for (r = 1; r <= rounds; r++) {
      k = b SUBSEP "capsim" SUBSEP r; kc = b SUBSEP "c" SUBSEP r;
      if (k in wall) { w[++n] = wall[k]; mem[++nm] = rss[k] / 1024; ev[b, n] = events[k]; req[b, n] = cust[k] }
      if ((k in wall) && (kc in wall)) {
        ceps = events[kc] / wall[kc]; eq[++np] = events[k] / ceps; pr[np] = wall[k] / (events[k] / ceps);
      }
    }
    nev[b] = n; medwall[b] = median(w, n); medmem[b] = median(mem, nm);
    ratio = median(pr, np);
    if (b == "national-day") { target = "<= 1.5x C-rate time"; met = verdict(ratio <= 1.5) }
    else { target = "(none)"; met = "-" }
    row(b " wall", spread(w, n, "%.2f s"), sprintf("C %.2f s", median(eq, np)), sprintf("%.3f", ratio),
        sprintf("%.0f", medmem[b]), target, met);
  }
  # --- memory: full day vs quarter day (peak RSS)
  if (seen["national-day"] && seen["national-quarter"]) {
    nq = 0; split("", qm); split("", qw);
    for (r = 1; r <= rounds; r++) { k = "national-quarter" SUBSEP "capsim" SUBSEP r; if (k in rss) { qm[++nq] = rss[k] / 1024; qw[nq] = wall[k] } }
    full = medmem["national-day"]; part = median(qm, nq); ratio = full / part;
    row("national-day RSS", sprintf("%.1f MB full day", full), sprintf("%.1f MB part", part), sprintf("%.3f", ratio),
        sprintf("%.0f", full), "< 1024 MB, <= 1.25x part", verdict(full < 1024 && ratio <= 1.25));
  }
  # --- plans: whole-process wall time
  split("plan-national plan-stress", plb, " "); split("10 30", pll, " ");
  for (e = 1; e <= 2; e++) {
    b = plb[e]; if (!seen[b]) continue;
    n = 0; nm = 0; split("", w); split("", mem); codes = "";
    for (r = 1; r <= rounds; r++) { k = b SUBSEP "capsim" SUBSEP r; if (k in wall) { w[++n] = wall[k]; mem[++nm] = rss[k] / 1024; codes = codes (codes == "" ? "" : " ") status[k] } }
    m = median(w, n);
    met = quick ? "n/a (quick)" : verdict(m <= pll[e]);
    row(b, spread(w, n, "%.1f s"), "-", "-", sprintf("%.0f", median(mem, nm)), "<= " pll[e] " s", met);
    plancodes[b] = codes;
  }
  print "";
  print "Figures: medians over " rounds " round(s); min-max in brackets. Ratios: median of the per-round paired ratios.";
  print "  mm8: customers / capsim'"'"'s printed wall time (model compile + simulation; no process start, YAML or JSON),";
  print "       against the C program'"'"'s customers/s (CLOCK_MONOTONIC around its event loop). Ratio = capsim / C.";
  print "  *-day/ps/failures wall: capsim'"'"'s printed wall time. Reference = capsim'"'"'s event count / the events/s of";
  print "       the C M/M/8 run next to it: the time a C-speed engine would need. Ratio = capsim time / reference.";
  print "  RSS: peak resident memory of the whole capsim process (GNU time %M), full day vs the 15:00-21:00 part.";
  print "  plans: wall clock around the whole `capsim plan ... --jobs 2` process (GNU time %e).";
  print "";
  print "Sanity checks:";
  if (seen["mm8"]) {
    cm = median(cresp, nc); pm = median(capresp, n);
    ce = (cm - erlang) / erlang; pe = (pm - erlang) / erlang;
    printf "  Erlang C mean response, M/M/8 rho 0.9: %.6f s\n", erlang;
    printf "  C program mean response:      %.6f s (%+.2f%%) %s\n", cm, 100 * ce, (ce < tol && ce > -tol) ? "ok" : "OFF";
    printf "  capsim mm8 mean response:     %.6f s (%+.2f%%) %s   (tolerance %.0f%%)\n", pm, 100 * pe, (pe < tol && pe > -tol) ? "ok" : "OFF", 100 * tol;
    if (!(ce < tol && ce > -tol) || !(pe < tol && pe > -tol)) bad = 1;
    printf "  mm8 customers: capsim %d, C %d; C peak memory %.1f MB\n", cust["mm8" SUBSEP "capsim" SUBSEP 1], cust["mm8" SUBSEP "c" SUBSEP 1], median(cmem, nc);
  }
  for (e = 1; e <= 3; e++) {
    b = evb[e]; if (!seen[b]) continue;
    printf "  %s: %d requests, %d events (round 1), %.2fM events/s median\n", b, req[b, 1], ev[b, 1], ev[b, 1] / medwall[b] / 1e6;
  }
  if (seen["national-day"] && !quick && req["national-day", 1] < 70000000) { print "  national-day has fewer than 70M requests: OFF"; bad = 1 }
  if (seen["national-quarter"]) printf "  national-day quarter (15:00-21:00): %d events, %.2f s median\n", events["national-quarter" SUBSEP "capsim" SUBSEP 1], median(qw, nq);
  for (e = 1; e <= 2; e++) if ((b = plb[e]) in plancodes) printf "  %s exit statuses by round: %s (0 = every year feasible, 2 = some year infeasible)\n", b, plancodes[b];
  if (bad) exit 3;
  if (strict && missed) exit 4;
}' "$runs" > "$out/report.txt" || report_status=$?
cat "$out/report.txt"

echo "raw runs: $out/runs.tsv; logs: $out/logs/" >&2
case "$report_status" in
  0) exit 0 ;;
  3) echo "bench-suite: a sanity check failed (see above)" >&2; exit 1 ;;
  4) echo "bench-suite: a target was not met (--strict)" >&2; exit 1 ;;
  *) echo "bench-suite: report failed" >&2; exit 1 ;;
esac
