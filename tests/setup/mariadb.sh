#!/usr/bin/env bash
# A private MariaDB server for the source tests: 127.0.0.1:33306, data in /var/lib/cpvendor-test/mariadb,
# its own socket; account cpvendor_test / cpvendor_test with every privilege (tests create and drop
# their own databases). Not the distribution's service: nothing else on the host is touched.
# Idempotent: a server already answering on the port is left alone. Quiet unless something fails.
set -euo pipefail
PORT=33306
BASE=/var/lib/cpvendor-test/mariadb
DATA=$BASE/data
SOCK=$BASE/mysqld.sock
LOG=$BASE/mysqld.log

if ! command -v mariadbd >/dev/null; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client >/dev/null
  # The package may start the distribution's own server; these tests never use it.
  service mariadb stop >/dev/null 2>&1 || true
fi

ready() { mariadb-admin --protocol=tcp -h 127.0.0.1 -P "$PORT" -u cpvendor_test -pcpvendor_test ping >/dev/null 2>&1; }
ready && exit 0

mkdir -p "$BASE"
chown mysql:mysql "$BASE"
if [ ! -d "$DATA/mysql" ]; then
  mariadb-install-db --user=mysql --datadir="$DATA" --auth-root-authentication-method=socket >"$BASE/install.log" 2>&1
fi
if [ ! -S "$SOCK" ] || ! mariadb-admin --socket="$SOCK" -u root ping >/dev/null 2>&1; then
  rm -f "$SOCK" "$BASE/mysqld.pid"
  setsid mariadbd --no-defaults --user=mysql --datadir="$DATA" --socket="$SOCK" --pid-file="$BASE/mysqld.pid" \
    --bind-address=127.0.0.1 --port="$PORT" --skip-name-resolve --log-error="$LOG" \
    --innodb-buffer-pool-size=128M --max-connections=200 </dev/null >/dev/null 2>&1 &
fi
for _ in $(seq 1 60); do
  mariadb-admin --socket="$SOCK" -u root ping >/dev/null 2>&1 && break
  sleep 0.5
done
mariadb --socket="$SOCK" -u root <<'SQL'
CREATE USER IF NOT EXISTS 'cpvendor_test'@'127.0.0.1' IDENTIFIED BY 'cpvendor_test';
GRANT ALL PRIVILEGES ON *.* TO 'cpvendor_test'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
ready || { echo "mariadb.sh: the server on 127.0.0.1:$PORT did not come up; see $LOG" >&2; exit 1; }
