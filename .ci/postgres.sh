#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the server-store tests and benchmarks.
#   eval "$(bash .ci/postgres.sh start)"   # installs Debian's postgresql if needed, starts a
#                                         # server, prints `export RASID_TEST_POSTGRES=…`
#   bash .ci/postgres.sh stop             # stops it and deletes its data
# Data lives in a temporary folder (fsync off: nothing here must survive a crash of the machine).
set -euo pipefail
PORT="${RASID_PG_PORT:-54329}"
ROOT="${RASID_PG_DIR:-${TMPDIR:-/tmp}/rasid-pg-$PORT}"

bindir() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

# Run as the postgres user when we are root (the server refuses to run as root).
as_owner() {
    if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-}" in
start)
    if ! bindir >/dev/null; then
        export DEBIAN_FRONTEND=noninteractive
        { apt-get install -y -q postgresql >/dev/null 2>&1 \
          || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }; } 1>&2
    fi
    BIN=$(bindir) || { echo "postgres.sh: no PostgreSQL found after installing" >&2; exit 1; }
    if [ -f "$ROOT/data/postmaster.pid" ] && as_owner "'$BIN/pg_ctl' -D '$ROOT/data' status" >/dev/null 2>&1; then
        :   # already running (a second start in one CI run)
    else
        rm -rf "$ROOT" && mkdir -p "$ROOT"
        [ "$(id -u)" = 0 ] && chown postgres "$ROOT"
        as_owner "'$BIN/initdb' -D '$ROOT/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$ROOT/initdb.log" 2>&1 \
            || { cat "$ROOT/initdb.log" >&2; exit 1; }
        as_owner "'$BIN/pg_ctl' -D '$ROOT/data' -l '$ROOT/server.log' -w start \
            -o \"-p $PORT -k '$ROOT' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off\"" >&2 \
            || { cat "$ROOT/server.log" >&2; exit 1; }
    fi
    echo "export RASID_TEST_POSTGRES=postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
stop)
    BIN=$(bindir) || exit 0
    if [ -d "$ROOT/data" ]; then
        as_owner "'$BIN/pg_ctl' -D '$ROOT/data' -m fast -w stop" >/dev/null 2>&1 || true
        rm -rf "$ROOT"
    fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
