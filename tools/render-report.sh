#!/usr/bin/env bash
# Renders an HTML report in headless Chromium to PNG and checks it the way a reader would see it:
# no console errors or failed loads, and charts actually drawn (enough pixels in the chart colours).
# Usage: tools/render-report.sh REPORT.html OUT.png   (installs Debian's chromium when missing)
set -euo pipefail
html=$(realpath "$1"); png=$2
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
profile=$(mktemp -d); log=$(mktemp)
trap 'rm -rf "$profile" "$log"' EXIT
# 8000 px tall: the report's tables (PerfReport.Tables, such as the track's whole-API tables) come
# between the summary and the charts, so a shorter page would show no chart at all.
# The flags keep Chromium off the network (this machine has none) and out of first-run work.
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$profile" \
  --enable-logging=stderr --v=0 --window-size=1400,8000 --screenshot="$png" "file://$html" >"$log" 2>&1 || {
  cat "$log"; echo "FAIL: chromium could not render $html"; exit 1; }
if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$log"; then
  echo "FAIL: the page logged errors in the browser console"; exit 1
fi
python3 - "$png" <<'PY'
import struct, sys, zlib
# A minimal PNG reader (8-bit RGB/RGBA, non-interlaced, as Chromium writes): counts chart-coloured pixels.
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, width = 8, b'', 0
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + length]; pos += 12 + length
    if kind == b'IHDR': width, height, depth, colour = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT': idat += body
channels = {2: 3, 6: 4}[colour]; stride = width * channels; raw = zlib.decompress(idat)
rows, previous = [], bytearray(stride)
for y in range(height):
    kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0; b = previous[i]; c = previous[i - channels] if i >= channels else 0
        if kind == 1: line[i] = (line[i] + a) & 255
        elif kind == 2: line[i] = (line[i] + b) & 255
        elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); previous = line
palette = [(0x00, 0x72, 0xB2), (0xD5, 0x5E, 0x00), (0x00, 0x9E, 0x73)]
hits = sum(1 for line in rows for x in range(0, stride, channels)
           if any(abs(line[x] - r) < 24 and abs(line[x + 1] - g) < 24 and abs(line[x + 2] - b) < 24 for r, g, b in palette))
print(f'rendered {width}x{height}, {hits} chart-coloured pixels')
sys.exit(0 if hits > 2000 else 'FAIL: the charts are not visible')
PY
