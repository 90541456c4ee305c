#!/bin/sh
# Entrypoint of perftesting/postgres:15, compatible with the official postgres image's interface:
# POSTGRES_USER (default postgres), POSTGRES_PASSWORD, POSTGRES_DB (default: the user), PGDATA,
# and extra server arguments (`postgres -c fsync=on ...` or just `-c ...`).
# Local connections trust, host connections use scram-sha-256, as the official image sets up.
set -eu
if [ "${1#-}" != "$1" ]; then set -- postgres "$@"; fi
[ "$1" = postgres ] || exec "$@"

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown -R postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

shift
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  user=${POSTGRES_USER:-postgres}
  db=${POSTGRES_DB:-$user}
  [ -n "${POSTGRES_PASSWORD:-}" ] || { echo "POSTGRES_PASSWORD must be set (host connections use scram-sha-256)" >&2; exit 1; }
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" > "$pwfile"
  initdb -D "$PGDATA" -U "$user" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  if [ "$db" != postgres ]; then
    # Single-user mode creates the database before the server accepts any connection.
    escaped=$(printf '%s' "$db" | sed 's/"/""/g')
    echo "CREATE DATABASE \"$escaped\";" | postgres --single -D "$PGDATA" -j postgres >/dev/null
  fi
  echo "PostgreSQL init process complete; ready for start up."
fi
exec postgres -D "$PGDATA" "$@"
