#!/usr/bin/env bash
# Builds the NativeAOT binary out/cpvendor (linux-x64, SQLite linked in, no .NET runtime needed).
#   ./build.sh          the binary
#   ./build.sh rpm      the binary and an RPM under out/rpm (needs rpmbuild)
set -euo pipefail
cd "$(dirname "$0")"

publish() {
  local log
  log=$(mktemp)
  # Any IL trim or AOT warning is an error (IlcTreatWarningsAsErrors); the log is shown on failure.
  if ! dotnet publish src/Cpvendor.Cli/Cpvendor.Cli.csproj -c Release -r linux-x64 \
      -o artifacts/publish-aot -p:TreatWarningsAsErrors=true -nologo -v:quiet >"$log" 2>&1; then
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
  mkdir -p out
  install -m 0755 artifacts/publish-aot/cpvendor out/cpvendor
  # The same program linked position-independent: what install puts in place for privileged mode.
  install -m 0755 artifacts/bin/Cpvendor.Cli/release_linux-x64/native/cpvendor-pie out/cpvendor-pie
  echo "built out/cpvendor ($(stat -c %s out/cpvendor) bytes) and out/cpvendor-pie ($(stat -c %s out/cpvendor-pie) bytes)"
}

case "${1:-}" in
  "") publish ;;
  rpm) publish; exec packaging/rpm/build-rpm.sh ;;
  *) echo "usage: ./build.sh [rpm]" >&2; exit 2 ;;
esac
