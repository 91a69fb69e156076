#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on a loopback port with trust auth.
#
#   bash scripts/pg-test-server.sh start   # prints the URL to use as MATERIEL_TEST_PG_URL
#   bash scripts/pg-test-server.sh stop    # stops it and removes its data directory
#
# Only the URL goes to stdout (so `URL=$(bash scripts/pg-test-server.sh start)` works); progress
# goes to stderr. Installs Debian's postgresql package when no initdb is found. Runs the server as
# the `postgres` user when started as root (initdb refuses root). MATERIEL_PG_PORT picks the port.
set -euo pipefail

PORT="${MATERIEL_PG_PORT:-54329}"
STATE="${TMPDIR:-/tmp}/materiel-pg-test-${PORT}.dir"
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/postgres"

say() { printf 'pg-test-server: %s\n' "$*" >&2; }

find_bindir() {
    local bin
    if bin="$(command -v initdb 2>/dev/null)"; then
        dirname "$(readlink -f "$bin")"
        return 0
    fi
    # newest installed major version first
    for bin in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [ -x "$bin/initdb" ]; then
            echo "$bin"
            return 0
        fi
    done
    return 1
}

as_owner() {
    # run a command as the server's owner: `postgres` when we are root, ourselves otherwise
    if [ "$(id -u)" -eq 0 ]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

start() {
    local bindir dir
    if ! bindir="$(find_bindir)"; then
        say "initdb not found: installing Debian's postgresql (apt-get)"
        if [ "$(id -u)" -eq 0 ]; then
            apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
        else
            sudo apt-get update >&2 && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
        fi
        bindir="$(find_bindir)" || { say "still no initdb after installing postgresql"; exit 1; }
    fi
    say "using PostgreSQL binaries in $bindir"

    if [ -f "$STATE" ]; then
        dir="$(cat "$STATE")"
        if [ -d "$dir/data" ] && as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
            say "already running from $dir on 127.0.0.1:$PORT"
            echo "$URL"
            return 0
        fi
        say "removing stale state $dir"
        rm -rf "$dir" "$STATE"
    fi

    dir="$(mktemp -d "${TMPDIR:-/tmp}/materiel-pg-XXXXXX")"
    echo "$dir" >"$STATE"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || { say "no 'postgres' user to run the server as"; exit 1; }
        chown postgres "$dir"
    fi
    chmod 700 "$dir"

    say "initdb in $dir/data"
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }

    say "starting on 127.0.0.1:$PORT"
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >&2 || { cat "$dir/server.log" >&2; exit 1; }

    say "enabling pg_trgm in template1 (test databases inherit it) and postgres"
    for db in template1 postgres; do
        as_owner "$bindir/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -q \
            -c "CREATE EXTENSION IF NOT EXISTS pg_trgm" >&2
    done
    say "ready: $URL"
    echo "$URL"
}

stop() {
    local bindir dir
    if [ ! -f "$STATE" ]; then
        say "no test server recorded for port $PORT; nothing to stop"
        return 0
    fi
    dir="$(cat "$STATE")"
    if [ -d "$dir/data" ] && bindir="$(find_bindir)"; then
        say "stopping the server in $dir"
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || say "pg_ctl stop failed; removing anyway"
    fi
    rm -rf "$dir" "$STATE"
    say "stopped and removed $dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
