#!/usr/bin/env bash
# The interpreters the checker's canary tests run vendor scripts with (Debian packages): python3,
# nodejs, perl, ruby, php-cli. Idempotent and quiet: installs only what is missing.
set -euo pipefail
need=()
[ -x /usr/bin/python3 ] || need+=(python3)
[ -x /usr/bin/node ] || need+=(nodejs)
[ -x /usr/bin/perl ] || need+=(perl)
[ -x /usr/bin/ruby ] || need+=(ruby)
[ -x /usr/bin/php ] || need+=(php-cli)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  log=$(mktemp)
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi
