#!/usr/bin/env bash
# Builds the cpvendor .deb for Debian and Ubuntu hosts from out/ (run ./build.sh first, or ./build.sh deb).
#   packaging/deb/build-deb.sh [OUTDIR]       default OUTDIR: out/deb
#   CPV_RELEASE=N packaging/deb/build-deb.sh    the Debian revision (default 1), for a rebuild of one version
# The RPM's layout under /opt/cpvendor and its scriptlets' behaviour (postinst, prerm). No
# integration.ini in the package: 'cpvendor install' writes it. Depends names the C library the
# binaries need: libc6 at least the newest glibc symbol version they use (what dpkg-shlibdeps would
# find), and the build fails when they need a library libc6 does not ship. The binaries also load
# OpenSSL's libssl at run time (hashes, random secrets, TLS): libssl3 on Debian 12 and Ubuntu 22.04 (libssl3t64 on
# 24.04), libssl1.1 on Debian 11 and Ubuntu 20.04; dpkg-shlibdeps cannot see that, so it is named here.
set -euo pipefail
cd "$(dirname "$0")/../.."
die() { echo "build-deb.sh: $*" >&2; exit 1; }
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing"
command -v objdump >/dev/null || die "objdump is missing (binutils)"
binaries=(out/cpvendor out/cpvendor-pie out/cpvendor-cpapi out/cpvendor-cpapi-pie)
for binary in "${binaries[@]}"; do
  [ -x "$binary" ] || die "$binary is missing: run ./build.sh"
done
outdir=$(realpath -m "${1:-out/deb}")
release=${CPV_RELEASE:-1}
[[ "$release" =~ ^[0-9]+$ ]] || { echo "build-deb.sh: CPV_RELEASE must be a number" >&2; exit 2; }
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n1)

# The libraries of libc6 (x86-64) a NativeAOT binary may link against; anything else needs a Depends of its own.
for binary in "${binaries[@]}"; do
  objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }' | while read -r library; do
    case "$library" in
      libc.so.6|libm.so.6|libpthread.so.0|libdl.so.2|librt.so.1|libutil.so.1|ld-linux-x86-64.so.2) ;;
      *) die "$binary needs $library, which libc6 does not ship" ;;
    esac
  done
done
glibc=$(objdump -T "${binaries[@]}" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -uV | tail -n1)
[ -n "$glibc" ] || die "no glibc symbol version found in the binaries"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pkg=$work/cpvendor
install -d -m 0755 "$pkg/DEBIAN" "$pkg/opt/cpvendor/bin" "$pkg/opt/cpvendor/etc" "$pkg/opt/cpvendor/lvemanager"
for binary in "${binaries[@]}"; do
  install -m 0755 "$binary" "$pkg/opt/cpvendor/bin/"
done
install -m 0755 packaging/deb/postinst packaging/deb/prerm "$pkg/DEBIAN/"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
sed -e "s/@VERSION@/$version-$release/" -e "s/@DEPENDS@/libc6 (>= $glibc), libssl3 | libssl3t64 | libssl1.1/" -e "s/@SIZE@/$size/" \
  -e "s/@MAINTAINER@/${CPV_MAINTAINER:-cpvendor maintainers <cpvendor@localhost>}/" \
  packaging/deb/control >"$pkg/DEBIAN/control"

mkdir -p "$outdir"
deb=$outdir/cpvendor_$version-${release}_amd64.deb
dpkg-deb --root-owner-group -Zxz -z1 --build "$pkg" "$deb" >/dev/null
echo "built $deb (Depends: libc6 (>= $glibc))"
