#!/usr/bin/env bash
# A C compiler: the startup-hardening tests build a tiny shared library that would write a marker
# file if any loader (a CoreCLR profiler path, LD_PRELOAD) ever loaded it.
set -euo pipefail
if ! command -v gcc >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq gcc libc6-dev >/dev/null
fi
