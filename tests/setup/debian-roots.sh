#!/usr/bin/env bash
# Debian 11 (bullseye, glibc 2.31) and Debian 12 (bookworm) roots made with debootstrap, in which the
# host tests run the built binaries and install the .deb with dpkg: /var/cache/cpvendor-test/<suite>,
# outside the checkout, made once per machine. Each root is made in a temporary folder beside it and
# renamed into place at the end, so an interrupted run never leaves a root that looks complete; a root
# made with another package list is made again. Idempotent; quiet unless something fails.
set -euo pipefail
CACHE=${CPVENDOR_ROOTS:-/var/cache/cpvendor-test}
STAMP=.cpvendor-root

if ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
fi

# The Debian archive this machine's apt uses (one-line or deb822 sources), else Debian's own.
mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -oE 'https?://[^ ]+/debian/?( |$)' | grep -v -- '-security' | head -n1 | tr -d ' ' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# Beyond minbase, what a server has and the tests need: sudo (visudo checks the sudoers drop-in of
# the sudo-mode install) and the suite's OpenSSL library (the binaries load it for hashes, secrets and TLS; the
# packages depend on it).
make_root() {
  local suite=$1 include=$2 target=$CACHE/$1 want tmp
  want="$suite minbase $include"
  if [ -f "$target/$STAMP" ] && [ "$(cat "$target/$STAMP")" = "$want" ]; then
    return 0
  fi
  mkdir -p "$CACHE"
  chmod 0755 "$CACHE"
  # Leftovers of an interrupted run. debootstrap ran in a private mount namespace (below), so no
  # mount of it outlives it; --one-file-system is a second guard.
  find "$CACHE" -maxdepth 1 -name ".$suite.*" -exec rm -rf --one-file-system {} +
  tmp=$(mktemp -d "$CACHE/.$suite.XXXXXX")
  if ! unshare -m --propagation private debootstrap --variant=minbase --include="$include" \
      "$suite" "$tmp" "$(mirror)" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2
    rm -rf --one-file-system "$tmp" "$tmp.log"
    echo "debian-roots.sh: debootstrap of $suite failed" >&2
    exit 1
  fi
  rm -f "$tmp.log"
  # Nothing from the archive is needed later: the package cache only takes room.
  rm -rf "$tmp/var/cache/apt/archives/"*.deb
  echo "$want" >"$tmp/$STAMP"
  if [ -e "$target" ]; then
    mv "$target" "$CACHE/.$suite.old"
    rm -rf --one-file-system "$CACHE/.$suite.old"
  fi
  mv "$tmp" "$target"
}

make_root bullseye sudo,libssl1.1
make_root bookworm sudo,libssl3
