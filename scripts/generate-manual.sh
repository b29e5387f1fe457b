#!/usr/bin/env bash
# Regenerates docs/capsim.1, capsim's manual page, from its command definitions: ArgumentParser's generate-manual tool
# (the engine of its generate-manual plugin, in the swift-argument-parser checkout: no network) reads
# `capsim --experimental-dump-help` and writes one mdoc page with every command and option. Run it after changing a
# command, an option or a help text, and commit docs/capsim.1; read it with `man docs/capsim.1`.
# The date on the page is the date of the last commit, so the output only changes when the commands do.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product capsim
swift build -c release --product generate-manual
date=$(git log -1 --format=%cs 2>/dev/null || date +%F)
mkdir -p docs
.build/release/generate-manual .build/release/capsim --date "$date" --authors "capsim contributors" --output-directory docs
echo "wrote docs/capsim.1 (man docs/capsim.1)"
