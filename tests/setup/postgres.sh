#!/usr/bin/env bash
# A private PostgreSQL 15 server for the source tests: 127.0.0.1:55432, data in
# /var/lib/cpvendor-test/postgres, trust authentication on loopback only (a throw-away test server);
# connect as user postgres. Idempotent: a server already answering on the port is left alone.
set -euo pipefail
PORT=55432
BIN=/usr/lib/postgresql/15/bin
BASE=/var/lib/cpvendor-test/postgres
DATA=$BASE/data

if [ ! -x "$BIN/pg_ctl" ]; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi

ready() { "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; }
ready && exit 0

mkdir -p "$BASE"
chown postgres:postgres "$BASE"
if [ ! -f "$DATA/PG_VERSION" ]; then
  runuser -u postgres -- "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$BASE/initdb.log" 2>&1
fi
runuser -u postgres -- "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$BASE -c max_connections=200" start >/dev/null
ready || { echo "postgres.sh: the server on 127.0.0.1:$PORT did not come up; see $BASE/server.log" >&2; exit 1; }
