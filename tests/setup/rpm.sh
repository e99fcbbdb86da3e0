#!/usr/bin/env bash
# rpmbuild to make the package (./build.sh rpm) and rpm to install it into a throw-away root.
set -euo pipefail
if ! command -v rpmbuild >/dev/null || ! command -v rpm >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rpm >/dev/null
fi
