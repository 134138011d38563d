#!/usr/bin/env bash
# The Debian package in a throw-away Debian 12 root (debootstrap), as an administrator uses it.
# Slow (apt downloads the dependencies), so not part of ctest: run it as root on its own,
#   sudo tests/package_test.sh
# 1. platform/bootstrap.sh package builds the .deb (and a second one with a bumped version);
#    lintian reports no errors.
# 2. In a fresh root: `apt-get install ./infotavle_*.deb` pulls the dependencies; the files, the
#    user (groups video, render, input), the enabled unit (rated <= 2.5) are there; the program
#    draws its first frame (--render, SDL's dummy driver).
# 3. An upgrade keeps a hand-edited conffile; `dpkg --purge` removes config and cache and
#    leaves nothing running.
# 4. A local apt repository made with reprepro: `apt-get install infotavle`, then a newer
#    version added to it and `apt-get upgrade`.
# The debootstrap download is cached in /var/cache/infotavle-test (debootstrap --make-tarball).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src=$(cd "$here/.." && pwd)
build=${INFOTAVLE_BUILD_DIR:-$src/build}
cache=/var/cache/infotavle-test
tarball=$cache/bookworm-minbase.tgz
[ "$(id -u)" -eq 0 ] || { echo "package_test: run as root (debootstrap, chroot)" >&2; exit 2; }
for tool in debootstrap reprepro lintian; do
  command -v $tool >/dev/null || { echo "package_test: $tool missing (platform/debian-packages.txt)" >&2; exit 2; }
done
# The Debian archive apt already uses on this machine.
mirror=$(grep -rhoE 'https?://[^ ]+/debian/?$' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | head -1 || true)
mirror=${mirror:-http://deb.debian.org/debian}

work=$(mktemp -d /var/tmp/infotavle-package-test.XXXXXX)
root=$work/root
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

t0=$(date +%s.%N)
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
step() { printf 'package_test: %-62s %6s s\n' "$1" "$(minus "$(date +%s.%N)" "$t0")"; t0=$(date +%s.%N); }
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }
soft_failures=()
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }

# ---- 1. the packages ----------------------------------------------------------------------
for version in "" 0.1.1; do
  INFOTAVLE_PACKAGE_VERSION=$version "$src/platform/bootstrap.sh" package > "$work/package.log" 2>&1 ||
    { cat "$work/package.log"; fail "platform/bootstrap.sh package"; }
  if grep -E '^E: ' "$work/package.log"; then fail "lintian reports errors"; fi
  cp "$build"/infotavle_*.deb "$work/"
done
v1=$(ls "$work"/infotavle_*.deb | sort -V | head -1)
v2=$(ls "$work"/infotavle_*.deb | sort -V | tail -1)
[ "$v1" != "$v2" ] || fail "no second version built"
step "built $(basename "$v1") and $(basename "$v2"), lintian clean"

# ---- 2. a fresh Debian 12 root --------------------------------------------------------------
make_root() {
  rm -rf "$root"
  mkdir -p "$cache"
  if [ ! -f "$tarball" ]; then
    debootstrap --variant=minbase --make-tarball="$tarball" bookworm "$work/tarball-work" "$mirror" >/dev/null
  fi
  debootstrap --variant=minbase --unpack-tarball="$tarball" bookworm "$root" "$mirror" >/dev/null
  mount -t proc proc "$root/proc"
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"  # start no services in the root
  chmod +x "$root/usr/sbin/policy-rc.d"
  in_root apt-get update -qq
}
make_root
step "fresh Debian 12 root (debootstrap --unpack-tarball, apt-get update)"

cp "$v1" "$v2" "$root/tmp/"
start=$(date +%s.%N)
in_root apt-get install -y -q "/tmp/$(basename "$v1")" > "$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "apt-get install ./infotavle.deb"; }
grep -E '^(Need to get|After this operation)' "$work/install.log" | sed 's/^/package_test:   apt: /'
step "apt-get install ./$(basename "$v1") with its dependencies"
rm -rf "$root/tmp/out"
in_root env SDL_VIDEODRIVER=dummy infotavle --render /tmp/out --size 1920x1080 --now 2022-05-03T10:15 > "$work/render.log" 2>&1 ||
  { cat "$work/render.log"; fail "infotavle --render in the root"; }
ls "$root"/tmp/out/*.png > /dev/null || fail "no frame drawn"
first=$(ls -tr --time=ctime "$root"/tmp/out/*.png | head -1)
echo "package_test:   from apt-get install to the first frame: $(minus "$(stat -c %.9Y "$first")" "$start") s"
step "infotavle --render: every slide drawn"

for f in /usr/bin/infotavle /usr/lib/systemd/system/infotavle.service /usr/lib/sysusers.d/infotavle.conf \
         /etc/infotavle/infotavle.conf /usr/share/man/man1/infotavle.1.gz /usr/share/doc/infotavle/copyright \
         /usr/share/doc/infotavle/FORMAT.md /usr/share/infotavle/schema/feed.schema.json \
         /usr/share/infotavle/schema/manifest.schema.json; do
  [ -e "$root$f" ] || fail "$f missing after install"
done
if [ ! -L "$root/etc/systemd/system/multi-user.target.wants/infotavle.service" ]; then
  in_root env DPKG_MAINTSCRIPT_PACKAGE=infotavle DPKG_MAINTSCRIPT_NAME=postinst \
    sh -x /var/lib/dpkg/info/infotavle.postinst configure 2>&1 | sed 's/^/package_test:   postinst: /'
  ls -la "$root/etc/systemd/system" "$root/etc/systemd/system/multi-user.target.wants" 2>&1 | sed 's/^/package_test:   /'
  soft_failures+=("the unit is not enabled after install")
fi
grep -q 'DAGI' "$root/usr/share/doc/infotavle/copyright" || fail "copyright does not name DAGI"
in_root getent passwd infotavle > /dev/null || fail "no user infotavle"
groups=$(in_root id -nG infotavle)
for g in video render input; do [[ " $groups " == *" $g "* ]] || fail "infotavle not in group $g ($groups)"; done
rating=$(in_root sh -c 'cd /usr/lib/systemd/system && systemd-analyze security --offline=true infotavle.service' 2>&1 |
         sed -n 's/.*exposure level for infotavle.service: \([0-9.]*\).*/\1/p')
awk -v r="$rating" 'BEGIN { exit !(r != "" && r <= 2.5) }' || fail "unit exposure $rating > 2.5"
in_root infotavle --print-config | grep -q 'file: /etc/infotavle/infotavle.conf' || fail "--print-config does not read /etc"
printf 'package_test:   download %s bytes, installed %s KiB, unit exposure %s\n' "$(stat -c %s "$v1")" \
  "$(in_root dpkg-query -W -f='${Installed-Size}' infotavle)" "$rating"
step "files, user in video/render/input, enabled unit, config file"

# ---- 3. upgrade keeps a hand-edited conffile; purge removes config and cache --------------
printf 'screen_name = "Forhal, skærm 2"\nhome = "259"\n' >> "$root/etc/infotavle/infotavle.conf"
mkdir -p "$root/var/cache/infotavle" "$root/var/lib/infotavle"
echo '{}' > "$root/var/cache/infotavle/manifest.json"
in_root apt-get install -y -q "/tmp/$(basename "$v2")" > "$work/upgrade.log" 2>&1 ||
  { cat "$work/upgrade.log"; fail "upgrade to $(basename "$v2")"; }
[ "$(in_root dpkg-query -W -f='${Version}' infotavle)" = 0.1.1 ] || fail "not upgraded"
grep -q 'screen_name = "Forhal, skærm 2"' "$root/etc/infotavle/infotavle.conf" || fail "upgrade lost the edited conffile"
in_root infotavle --print-config | grep -q '^screen_name = "Forhal, skærm 2" *# file, line' ||
  fail "--print-config does not show the edited setting"
step "upgrade to 0.1.1 keeps the hand-edited conffile"

in_root dpkg --purge infotavle > "$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "dpkg --purge"; }
for f in /etc/infotavle /var/cache/infotavle /var/lib/infotavle /usr/bin/infotavle \
         /etc/systemd/system/multi-user.target.wants/infotavle.service; do
  [ ! -e "$root$f" ] || fail "$f still there after purge"
done
for p in /proc/[0-9]*; do
  exe=$(readlink "$p/exe" 2>/dev/null || true)
  [[ "$exe" != "$root/usr/bin/infotavle"* ]] || fail "infotavle still running after purge ($p)"
done
step "dpkg --purge removes config, cache and state; nothing running"

# ---- 4. from a local apt repository (reprepro), then apt-get upgrade ----------------------
repo=$root/srv/infotavle-apt
mkdir -p "$repo/conf"
cat > "$repo/conf/distributions" <<'CONF'
Origin: infotavle
Label: infotavle
Codename: bookworm
Architectures: amd64 arm64
Components: main
Description: infotavle packages for the screens
CONF
reprepro -b "$repo" includedeb bookworm "$v1" > /dev/null 2>&1
echo 'deb [trusted=yes] file:/srv/infotavle-apt bookworm main' > "$root/etc/apt/sources.list.d/infotavle.list"
in_root apt-get update -qq
in_root apt-get install -y -q infotavle > "$work/repo-install.log" 2>&1 || { cat "$work/repo-install.log"; fail "apt-get install infotavle"; }
[ "$(in_root dpkg-query -W -f='${Version}' infotavle)" = 0.1.0 ] || fail "repository install: wrong version"
step "apt-get install infotavle from the reprepro repository"
reprepro -b "$repo" includedeb bookworm "$v2" > /dev/null 2>&1
in_root apt-get update -qq
in_root apt-get upgrade -y -q > "$work/repo-upgrade.log" 2>&1 || { cat "$work/repo-upgrade.log"; fail "apt-get upgrade"; }
[ "$(in_root dpkg-query -W -f='${Version}' infotavle)" = 0.1.1 ] || fail "apt-get upgrade did not bring 0.1.1"
step "reprepro includedeb 0.1.1, apt-get upgrade"
if [ ${#soft_failures[@]} -gt 0 ]; then fail "${soft_failures[*]}"; fi
echo "package_test: OK"
