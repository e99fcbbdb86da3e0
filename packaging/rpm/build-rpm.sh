#!/usr/bin/env bash
# Builds the cpvendor RPM from out/cpvendor (run ./build.sh first, or ./build.sh rpm).
#   packaging/rpm/build-rpm.sh [OUTDIR]     default OUTDIR: out/rpm
#   CPV_RELEASE=N packaging/rpm/build-rpm.sh  the RPM release (default 1), for a rebuild of one version
# The packaged integration.ini is the one 'cpvendor install' writes for the default layout, so a
# later install finds it already right and leaves it to the package.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v rpmbuild >/dev/null || { echo "build-rpm.sh: rpmbuild is missing (tests/setup/rpm.sh installs it)" >&2; exit 1; }
for binary in out/cpvendor out/cpvendor-pie out/cpvendor-cpapi out/cpvendor-cpapi-pie; do
  [ -x "$binary" ] || { echo "build-rpm.sh: $binary is missing: run ./build.sh" >&2; exit 1; }
done
outdir=$(realpath -m "${1:-out/rpm}")
release=${CPV_RELEASE:-1}
[[ "$release" =~ ^[0-9]+$ ]] || { echo "build-rpm.sh: CPV_RELEASE must be a number" >&2; exit 2; }
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n1)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Render integration.ini with the binary itself: an install into a scratch root, paths mapped back to /.
out/cpvendor init --store "$work/panel.db" >/dev/null
out/cpvendor install --root "$work/root" --store "$work/panel.db" --binary out/cpvendor --admin-group root >/dev/null
sed "s:$work/root/:/:g" "$work/root/opt/cpvendor/etc/integration.ini" > "$work/integration.ini"
grep -q "^panel_info = /opt/cpvendor/bin/cpvendor-cpapi panel_info$" "$work/integration.ini"

mkdir -p "$outdir"
rpmbuild -bb packaging/rpm/cpvendor.spec --quiet \
  --define "_topdir $work/rpmbuild" --define "_rpmdir $outdir" --define "_build_name_fmt %%{NAME}-%%{VERSION}-%%{RELEASE}.%%{ARCH}.rpm" \
  --define "cpv_version $version" --define "cpv_release $release" --define "cpv_binary $PWD/out/cpvendor" --define "cpv_ini $work/integration.ini" >/dev/null
echo "built $outdir/cpvendor-$version-$release.x86_64.rpm"
