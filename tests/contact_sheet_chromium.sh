#!/bin/sh
# --render's index.html in a real browser: headless Chromium opens the contact sheet of the
# bundled slides at two sizes and takes a screenshot, which must show the rendered slides (not
# a blank or broken page). Usage: contact_sheet_chromium.sh INFOTAVLE
set -eu
infotavle=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium not installed (platform/debian-packages.txt)"; exit 1; }
# The bundled slides render whole at 1920x1080; 800x480 may leave a part out (exit 1 says so).
SDL_VIDEODRIVER=dummy "$infotavle" --render "$work/out" --size 1920x1080,800x480 \
  --now 2027-09-30T23:59 >"$work/render.log" 2>&1 || [ $? -eq 1 ] || { cat "$work/render.log"; exit 1; }
[ -s "$work/out/index.html" ] || { echo "no index.html"; exit 1; }
grep -q '<img src="01-ledighed-800x480.png"' "$work/out/index.html" || { echo "index.html lacks a slide"; exit 1; }
"$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
  --window-size=1280,2000 --screenshot="$work/shot.png" "file://$work/out/index.html" \
  >"$work/chromium.log" 2>&1 || { cat "$work/chromium.log"; exit 1; }
[ -s "$work/shot.png" ] || { echo "no screenshot"; cat "$work/chromium.log"; exit 1; }
# Non-blank: the slides' own colours fill a fair share of the shot, not the page's grey alone.
/usr/bin/python3 - "$work/shot.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w, h, ctype = 8, b"", 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR":
        w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours, differing, total = set(), 0, 0
for y in range(h):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 4:
        continue
    for x in range(0, w, 4):
        px = tuple(line[x * bpp:x * bpp + 3])
        total += 1
        colours.add(px)
        differing += px != (0xf4, 0xf4, 0xf4)
print(f"screenshot {w}x{h}: {len(colours)} colours, {100 * differing // total} % not page background")
assert len(colours) >= 64, "too few colours: blank page?"
assert differing * 100 > total * 20, "mostly page background: the slides did not load"
PY
