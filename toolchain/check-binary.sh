#!/usr/bin/env bash
# Fails unless every binary given would load and run on the oldest supported host, glibc 2.28 on
# Linux 4.18 (CloudLinux OS 8), and exports nothing (docs/build.md):
#   1. no symbol version newer than GLIBC_2.28 among those it needs (the loader refuses such a
#      binary outright), and no library beyond the C library's own;
#   2. no dynamic symbol defined by the binary: a library loaded later (NSS modules, OpenSSL) would
#      bind to it instead of its own C library's;
#   3. no system call newer than Linux 4.18 made directly, by syscall() or a syscall instruction,
#      whose number the code fixes (one it does not fix fails the check too). Calls through the C
#      library are covered by 1: glibc 2.28 has no wrapper for a later system call.
#   toolchain/check-binary.sh out/cpvendor out/cpvendor-cpapi out/cpvendor-pie
set -euo pipefail

readonly newest_glibc='2.28'
# rseq, the last system call Linux 4.18 added on x86-64.
readonly newest_syscall=334
readonly libraries='libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 ld-linux-x86-64.so.2'

status=0
complain() {
  echo "toolchain/check-binary.sh: $1: $2" >&2
  status=1
}

check() {
  local binary=$1 newest needed library exports numbers number made=""

  newest=$(objdump -p "$binary" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -n 1)
  if [ -z "$newest" ]; then
    complain "$binary" "names no glibc version: not a binary linked against glibc"
  elif [ "$(printf '%s\n%s\n' "$newest" "$newest_glibc" | sort -V | tail -n 1)" != "$newest_glibc" ]; then
    complain "$binary" "needs GLIBC_$newest, newer than GLIBC_$newest_glibc: $(objdump -T "$binary" | grep -E "GLIBC_$newest\b" | awk '{print $NF}' | sort -u | tr '\n' ' ')"
  fi

  needed=$(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }')
  for library in $needed; do
    case " $libraries " in
      *" $library "*) ;;
      *) complain "$binary" "needs $library, which not every host has" ;;
    esac
  done

  # Defined dynamic symbols, leaving out version nodes (an absolute symbol named like its version).
  exports=$(objdump -T "$binary" | awk '/^[0-9a-f]+ / && $0 !~ /\*UND\*/ && !($(NF-1) == $NF && $0 ~ /\*ABS\*/) { print $NF }')
  if [ -n "$exports" ]; then
    complain "$binary" "exports dynamic symbols: $(echo "$exports" | head -n 20 | tr '\n' ' ')"
  fi

  # Every direct system call with the number (hexadecimal) loaded into its register shortly before
  # it: %edi for syscall() (called or jumped to), %eax for the instruction. "?" when no constant is
  # found.
  numbers=$(objdump -d --no-show-raw-insn "$binary" | awk '
    function lookback(register,   i, line) {
      for (i = n; i > n - 16 && i > 0; i--) {
        line = recent[i % 16]
        if (line ~ "mov +\\$0x[0-9a-f]+,%" register "$") {
          sub(/.*\$0x/, "", line); sub(/,.*/, "", line)
          return line
        }
        if (line ~ /\t(call|ret|jmp)/) break
      }
      return "?"
    }
    /\t/ {
      if ($0 ~ /(call|jmp) +[0-9a-f]+ <syscall@plt>/) print lookback("edi")
      else if ($0 ~ /\tsyscall *$/) print lookback("eax")
      recent[++n % 16] = $0
    }' | sort -u)
  for number in $numbers; do
    [ "$number" = "?" ] || number=$((16#$number))
    made="$made $number"
    if [ "$number" = "?" ]; then
      complain "$binary" "makes a system call whose number this check cannot read"
    elif [ "$number" -gt "$newest_syscall" ]; then
      complain "$binary" "makes system call $number, which Linux 4.18 lacks"
    fi
  done

  echo "$binary: GLIBC_$newest at most, libraries: $(echo $needed), exports: none, direct system calls:${made:- none}"
}

for binary in "$@"; do
  check "$binary"
done
exit "$status"
