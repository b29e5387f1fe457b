#!/usr/bin/env bash
# Coverage-guided fuzzing of capsim's input readers with libFuzzer (AddressSanitizer and LeakSanitizer on).
#
#   scripts/fuzz.sh [SECONDS] [TARGET]      defaults: 60 seconds, target 'scenario' (the scenario reader)
#
# Builds the fuzz package (Fuzz/, with -sanitize=fuzzer,address, linked by lld: gold fails on it), seeds a working
# corpus from the shipped scenarios and Fuzz/Seeds/TARGET/, fuzzes for SECONDS (with the keywords of
# Fuzz/Dictionaries/TARGET.dict when it exists), and prints executions, coverage (libFuzzer's cov/ft) and findings.
# Exit status: 0 when nothing was found; 1 on any crash, leak, timeout (an input taking more than 5 s) or
# out-of-memory (more than 2 GB); 2 when the fuzzer could not be built or started. The full libFuzzer log is
# Fuzz/.work/TARGET/fuzz.log; inputs that failed are kept in Fuzz/.work/TARGET/findings/ (crash-*, leak-*,
# timeout-*, oom-*): reproduce one with `Fuzz/.build/release/capsim-fuzz FILE`. Running it again continues from
# the corpus it grew (idempotent otherwise).
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
target=${2:-scenario}
case $seconds in ''|*[!0-9]*) echo "fuzz: SECONDS must be a whole number, got '$seconds'" >&2; exit 2;; esac

work=Fuzz/.work/$target
corpus=$work/corpus
findings=$work/findings
log=$work/fuzz.log
build_log=$work/build.log
mkdir -p "$corpus" "$findings"

echo "fuzz: building Fuzz/ with -sanitize=fuzzer,address (log: $build_log)"
# The plan is rebuilt each time: SwiftPM may miss a source file added to capsim, a path dependency of Fuzz/.
if ! swift build -c release --package-path Fuzz --product capsim-fuzz --disable-build-manifest-caching \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    -Xcc -fsanitize=fuzzer-no-link,address >"$build_log" 2>&1; then
  tail -n 30 "$build_log" >&2
  echo "fuzz: error: the fuzzer did not build" >&2
  exit 2
fi
fuzzer=Fuzz/.build/release/capsim-fuzz

# Seeds: hand-written inputs for the target, and for the scenario reader the shipped scenarios.
if [ -d "Fuzz/Seeds/$target" ]; then cp -f "Fuzz/Seeds/$target"/* "$corpus"/ 2>/dev/null || true; fi
if [ "$target" = scenario ]; then cp -f Scenarios/*.yaml "$corpus"/; fi

# A dictionary of the target's keywords, when there is one, helps the mutations reach deeper.
dict=()
if [ -f "Fuzz/Dictionaries/$target.dict" ]; then dict=(-dict="Fuzz/Dictionaries/$target.dict"); fi

echo "fuzz: fuzzing '$target' for $seconds s (log: $log)"
CAPSIM_FUZZ_TARGET=$target ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} "$fuzzer" "$corpus" "${dict[@]}" \
  -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
status=$?

# Summary: the last status line of libFuzzer ("#N DONE cov: C ft: F corp: ...") and its final statistics.
last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
corp=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
echo "fuzz: $target: ${execs:-?} executions (${rate:-?}/s) in $seconds s; cov: ${cov:-?} ft: ${ft:-?}; corpus: ${corp:-?} inputs"

if [ $status -ne 0 ]; then
  { grep -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY|Test unit written|Fatal error|Precondition failed' "$log" \
      || tail -n 5 "$log"; } | head -n 20 >&2
  echo "fuzz: FAILED: libFuzzer exited with $status; the input is in $findings/ (see $log)" >&2
  exit 1
fi
echo "fuzz: no findings"
