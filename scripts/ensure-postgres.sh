#!/usr/bin/env bash
# The storage tests run on PostgreSQL too, and with CI=true an unreachable server fails them.
# CI's server: 127.0.0.1:5432, trust auth, user postgres, database test. Starts the installed
# cluster if nothing listens there; as root on Debian with none installed, installs Debian's
# package and sets that up. Leaves a server that is already running alone.
set -euo pipefail

ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
command -v pg_isready >/dev/null && ready && exit 0

installed_here=0
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
    echo "No PostgreSQL found: installing Debian's postgresql package for the storage tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    installed_here=1
  else
    echo "PostgreSQL is not installed and nothing listens on 127.0.0.1:5432: the storage tests' PostgreSQL half will be skipped (or fail with CI=true)." >&2
    exit 0
  fi
fi

version="$(ls /etc/postgresql | sort -V | tail -n 1)"
if [ "$installed_here" = 1 ]; then
  # A fresh cluster asks for passwords over TCP: let the postgres user in from loopback, as CI's does.
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
fi
echo "Starting PostgreSQL $version..."
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do
  ready && break
  sleep 1
done
if ! ready; then
  echo "PostgreSQL $version did not start listening on 127.0.0.1:5432." >&2
  exit 1
fi
if ! psql -h 127.0.0.1 -U postgres -d test -Atqc 'select 1' >/dev/null 2>&1; then
  createdb -h 127.0.0.1 -U postgres test
fi
echo "PostgreSQL $version is listening on 127.0.0.1:5432."
