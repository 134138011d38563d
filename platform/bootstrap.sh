#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: installs the packages that are missing (only
# those), builds incrementally, then runs the kiosk or the tests.
#   platform/bootstrap.sh run [infotavle options...]   build and start the kiosk
#   platform/bootstrap.sh test                          build and run the whole test suite
#   platform/bootstrap.sh build                         build only
#   platform/bootstrap.sh package                       build build/infotavle_<version>_<arch>.deb
#     (CPack's DEB generator; INFOTAVLE_PACKAGE_VERSION=0.1.1 packs under another version)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${INFOTAVLE_BUILD_DIR:-$root/build}
mode=${1:-run}
[ $# -gt 0 ] && shift

missing=()
while read -r pkg; do
  case "$pkg" in ''|'#'*) continue ;; esac
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done < "$here/debian-packages.txt"

if [ ${#missing[@]} -gt 0 ]; then
  echo "infotavle: installing missing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "infotavle: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
# A package installs under /usr (the unit's ExecStart names the program's path).
[ "$mode" = package ] && cmake -S "$root" -B "$build" -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build "$build" -j "$(nproc)"

case "$mode" in
  run)   exec "$build/infotavle" "$@" ;;
  test)  cd "$build" && exec ctest --output-on-failure -j "$(nproc)" "$@" ;;
  build) ;;
  package)
    cd "$build"
    rm -f infotavle_*.deb
    cpack -G DEB ${INFOTAVLE_PACKAGE_VERSION:+-D CPACK_PACKAGE_VERSION="$INFOTAVLE_PACKAGE_VERSION"} >/dev/null
    ls "$build"/infotavle_*.deb
    if command -v lintian >/dev/null; then lintian "$build"/infotavle_*.deb; fi ;;
  *) echo "usage: $0 run|test|build|package" >&2; exit 2 ;;
esac
