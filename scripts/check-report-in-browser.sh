#!/usr/bin/env bash
# Renders each capsim report folder's index.html in headless Chromium and fails when the page does not render:
# the screenshot is missing, tiny or nearly blank, or Chromium logs a console error, an uncaught exception or
# a failed resource load. Also rejects pages with scripts or external URLs.
#
#   scripts/check-report-in-browser.sh DIR...      (e.g. after `capsim report FILE --out DIR`)
#
# Installs Debian's chromium with apt-get when `chromium` is not on PATH (needs root, as in CI).
# Screenshots and logs go to a temporary folder, never into the repository; set KEEP_SCREENSHOTS=1 to keep it.
# Environment: MIN_INK (default 0.01) = least share of inked (clearly non-white) pixels; CHROMIUM_TIMEOUT (default 120 s).
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 DIR..." >&2
    exit 64
fi

MIN_INK="${MIN_INK:-0.01}"
CHROMIUM_TIMEOUT="${CHROMIUM_TIMEOUT:-120}"

if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium not found; installing it with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium
fi
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is required" >&2; exit 69; }

work="$(mktemp -d "${TMPDIR:-/tmp}/capsim-report-check.XXXXXX")"
if [ "${KEEP_SCREENSHOTS:-0}" = "1" ]; then
    echo "screenshots kept in $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi

# Share of "inked" pixels (some channel below 200: text, lines, chart marks; not white or light tints) in a PNG, printed as "WIDTH HEIGHT SHARE".
# Plain python3: decodes the PNG with zlib and struct (8-bit grey, grey+alpha, RGB, RGBA; not interlaced).
png_ink() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
path = sys.argv[1]
data = open(path, "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG")
pos, idat, header = 8, [], None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        header = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat.append(body)
    elif kind == b"IEND":
        break
    pos += 12 + length
width, height, depth, colour, _, _, interlace = header
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
if depth != 8 or channels is None or interlace:
    sys.exit("unsupported PNG format (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
raw = zlib.decompress(b"".join(idat))
stride = width * channels
previous = bytearray(stride)
ink = 0
colour_channels = 1 if channels <= 2 else 3
for y in range(height):
    start = y * (stride + 1)
    kind = raw[start]
    line = bytearray(raw[start + 1:start + 1 + stride])
    if kind == 1:
        for i in range(channels, stride):
            line[i] = (line[i] + line[i - channels]) & 255
    elif kind == 2:
        line = bytearray((a + b) & 255 for a, b in zip(line, previous))
    elif kind == 3:
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
    elif kind == 4:
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    previous = line
    for x in range(0, stride, channels):
        if min(line[x:x + colour_channels]) < 200:
            ink += 1
print(width, height, "%.4f" % (ink / float(width * height)))
PY
}

status=0
n=0
fail() { echo "FAIL $dir: $*" >&2; status=1; }
for dir in "$@"; do
    n=$((n + 1))
    page="$dir/index.html"
    if [ ! -s "$page" ]; then fail "no index.html"; continue; fi
    # A self-contained page loads nothing: no scripts, URLs, linked files, embedded sources or links other than
    # "#anchors". (Chromium does not log a failed file:// load, so references are rejected before rendering.)
    found=$(grep -oiE '<script|https?://|<link|<iframe|<object|<embed|@import|url\(|[[:space:]](src|srcset|data)=' "$page" \
            | sort -u | tr '\n' ' ' || true)
    if [ -n "$found" ]; then fail "index.html is not self-contained: $found"; continue; fi
    # Links are "#anchors", or relative links to pages inside the report's own folder that exist (a portfolio
    # report links each member's report in members/ID/index.html); nothing above the folder or absolute.
    found=""
    while IFS= read -r href; do
        target=${href#href=\"}; target=${target%\"}
        case "$target" in
            \#*) ;;
            /*|*..*|*:*) found="$found $href" ;;
            *) [ -f "$dir/${target%%#*}" ] || found="$found $href" ;;
        esac
    done < <(grep -oiE 'href="[^"]*"' "$page" | sort -u)
    if [ -n "$found" ]; then fail "index.html links outside itself or to missing files:$(echo "$found" | cut -c1-300)"; continue; fi

    abs="$(cd "$dir" && pwd)/index.html"
    png="$work/report-$n.png"
    log="$work/report-$n.log"
    dom="$work/report-$n.dom.html"
    # Screenshot of the first A4-sized screen (1240 × 1754 px); console messages go to stderr.
    if ! timeout "$CHROMIUM_TIMEOUT" chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
            --no-first-run --no-default-browser-check --disable-extensions \
            --enable-logging=stderr --v=0 \
            --screenshot="$png" --window-size=1240,1754 "file://$abs" >"$log" 2>&1; then
        fail "chromium failed (see below)"; tail -n 20 "$log" >&2; continue
    fi
    # The DOM after load, with console output captured as well.
    if ! timeout "$CHROMIUM_TIMEOUT" chromium --headless --no-sandbox --disable-gpu \
            --no-first-run --no-default-browser-check --disable-extensions \
            --enable-logging=stderr --v=0 --dump-dom "file://$abs" >"$dom" 2>>"$log"; then
        fail "chromium --dump-dom failed (see below)"; tail -n 20 "$log" >&2; continue
    fi

    found=$(grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$log" | head -n 10 || true)
    if [ -n "$found" ]; then
        fail "chromium reported console errors or failed loads:"
        echo "$found" >&2
        continue
    fi
    if ! grep -q '</main>' "$dom"; then fail "the rendered DOM lacks the report body"; continue; fi

    if [ ! -s "$png" ]; then fail "no screenshot"; continue; fi
    size=$(wc -c <"$png")
    if [ "$size" -lt 20000 ]; then fail "screenshot is tiny ($size bytes)"; continue; fi
    if ! read -r width height ink < <(png_ink "$png"); then fail "cannot decode the screenshot"; continue; fi
    if ! python3 -c "import sys; sys.exit(0 if float('$ink') >= float('$MIN_INK') else 1)"; then
        fail "screenshot is nearly blank (${ink} of pixels inked, need ${MIN_INK})"; continue
    fi
    charts=$(grep -o '<svg ' "$page" | wc -l)
    echo "OK $dir: ${width}x${height} screenshot, $(python3 -c "print(round(100 * float('$ink'), 1))")% of pixels inked, $charts inline charts, no console errors"
done
exit "$status"
