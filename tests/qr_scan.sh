#!/usr/bin/env bash
# End to end: the bundled slide with a link, rendered headless at the four screen sizes, must
# read back as its URL with a real QR reader (zbarimg, Debian's zbar-tools).
set -euo pipefail
infotavle=$1
want=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for size in 800x480 1280x720 1920x1080 1080x1920; do
  SDL_VIDEODRIVER=dummy "$infotavle" --render "$out/$size" --size "$size" --now 2022-05-03T10:15 >/dev/null 2>&1 || true
  png=$(ls "$out/$size"/*-maal.png)
  got=$(zbarimg -q --raw "$png" 2>/dev/null || true)
  if [ "$got" != "$want" ]; then
    echo "qr_scan: $size: read \"$got\", want \"$want\"" >&2
    exit 1
  fi
  echo "qr_scan: $size reads back"
done
