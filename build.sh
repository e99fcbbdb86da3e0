#!/usr/bin/env bash
# Builds the NativeAOT binaries (linux-x64, no .NET runtime needed): out/cpvendor (SQLite linked in),
# the small cpapi binary out/cpvendor-cpapi, and the position-independent copies of both for
# privileged mode, out/cpvendor-pie and out/cpvendor-cpapi-pie, linked against glibc 2.28 by the pinned, checked toolchain/zig-cc, and fails unless each of them
# loads on glibc 2.28 and Linux 4.18 and exports nothing (docs/build.md).
#   ./build.sh          the binary
#   ./build.sh rpm      the binary and an RPM under out/rpm (needs rpmbuild)
#   ./build.sh deb      the binary and a .deb under out/deb (needs dpkg-deb)
set -euo pipefail
cd "$(dirname "$0")"

publish_project() {
  local project=$1 output=$2 log
  log=$(mktemp)
  # Any IL trim or AOT warning is an error (IlcTreatWarningsAsErrors); the log is shown on failure.
  if ! dotnet publish "$project" -c Release -r linux-x64 \
      -o "$output" -p:TreatWarningsAsErrors=true -nologo -v:quiet >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  if grep -E "warning (IL|CS|CA)[0-9]+" "$log" >&2; then
    echo "build.sh: the publish printed warnings" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

publish() {
  # Fetched once into a cache outside the checkout, checked here and again before each link.
  toolchain/zig.sh >/dev/null
  publish_project src/Cpvendor.Cli/Cpvendor.Cli.csproj artifacts/publish-aot
  # The small binary integration.ini's script lines run: it answers from the answer book and hands
  # every other call to out/cpvendor (docs/cpapi.md).
  publish_project src/Cpvendor.CpapiFast/Cpvendor.CpapiFast.csproj artifacts/publish-cpapi
  mkdir -p out
  install -m 0755 artifacts/publish-aot/cpvendor out/cpvendor
  install -m 0755 artifacts/publish-cpapi/cpvendor-cpapi out/cpvendor-cpapi
  # The same programs linked position-independent: what install puts in place for privileged mode.
  install -m 0755 artifacts/bin/Cpvendor.Cli/release_linux-x64/native/cpvendor-pie out/cpvendor-pie
  install -m 0755 artifacts/bin/Cpvendor.CpapiFast/release_linux-x64/native/cpvendor-cpapi-pie out/cpvendor-cpapi-pie
  toolchain/check-binary.sh out/cpvendor out/cpvendor-cpapi out/cpvendor-pie out/cpvendor-cpapi-pie
  local binary
  for binary in out/cpvendor out/cpvendor-pie out/cpvendor-cpapi out/cpvendor-cpapi-pie; do
    echo "built $binary ($(stat -c %s "$binary") bytes)"
  done
}

case "${1:-}" in
  "") publish ;;
  rpm) publish; exec packaging/rpm/build-rpm.sh ;;
  deb) publish; exec packaging/deb/build-deb.sh ;;
  *) echo "usage: ./build.sh [rpm|deb]" >&2; exit 2 ;;
esac
