#!/usr/bin/env bash
# sudo and visudo: the privileged install mode writes a sudoers drop-in, checked with visudo -cf and
# exercised through the real sudo by the tests.
set -euo pipefail
if ! command -v sudo >/dev/null || ! command -v visudo >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sudo >/dev/null
fi
