#!/usr/bin/env bash
# Tools the tests call directly: setpriv (util-linux) to run as other users, useradd (passwd),
# setfacl (acl) to give a user write access the mode bits do not show.
set -euo pipefail
need=()
command -v setpriv >/dev/null || need+=(util-linux)
command -v useradd >/dev/null || need+=(passwd)
command -v python3 >/dev/null || need+=(python3)
command -v setfacl >/dev/null || need+=(acl)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
