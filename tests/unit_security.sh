#!/bin/sh
# The installed unit's exposure as systemd rates it (offline: no running systemd needed), at
# most 2.5 of 10 (issue 15). Run by ctest: tests/unit_security.sh BUILD/infotavle.service
set -eu
unit=$1
limit=2.5
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$unit" "$dir/infotavle.service"  # systemd-analyze names the unit after the file
out=$(cd "$dir" && systemd-analyze security --offline=true infotavle.service 2>&1) || true
rating=$(printf '%s\n' "$out" | sed -n 's/.*Overall exposure level for infotavle.service: \([0-9.]*\).*/\1/p')
[ -n "$rating" ] || { printf '%s\n' "$out"; echo "unit_security: no rating from systemd-analyze" >&2; exit 1; }
echo "infotavle.service: exposure $rating (at most $limit)"
if awk -v r="$rating" -v l="$limit" 'BEGIN { exit !(r > l) }'; then
  printf '%s\n' "$out" | grep '✗' >&2
  exit 1
fi
