#!/usr/bin/env bash
# What ./build.sh needs beside the .NET SDK: npm, which fetches the pinned linker once
# (toolchain/zig.sh), and binutils (objcopy strips the binaries, objdump checks them; docs/build.md).
set -euo pipefail
need=()
command -v npm >/dev/null || need+=(npm)
command -v objdump >/dev/null || need+=(binutils)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
