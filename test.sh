#!/usr/bin/env bash
# The whole test suite, from a fresh Debian machine with the .NET SDK (run as root: the tests create
# UNIX users, install into throw-away roots and start database servers on 127.0.0.1):
#   1. every tests/setup/*.sh installs and starts what the tests need (idempotent);
#   2. ./build.sh publishes the NativeAOT binary the tests run as a process (zero warnings);
#   3. dotnet format checks the code style; dotnet test runs every test project.
set -euo pipefail
cd "$(dirname "$0")"

for setup in tests/setup/*.sh; do
  [ -e "$setup" ] || continue
  echo "== $setup"
  bash "$setup"
done

echo "== ./build.sh"
./build.sh

echo "== dotnet format --verify-no-changes"
dotnet format cpvendor.slnx --verify-no-changes --verbosity quiet

echo "== dotnet test"
log=$(mktemp)
set +e
dotnet test cpvendor.slnx -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line with the totals of every test project.
awk '
  /^[[:space:]]*failed:/    { failed = $2 }
  /^[[:space:]]*succeeded:/ { passed = $2 }
  /^[[:space:]]*skipped:/   { skipped = $2 }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
rm -f "$log"
exit "$status"
