#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: trust authentication, listening on 127.0.0.1 only.
#
#   scripts/pg-throwaway.sh start DIR   initializes and starts a cluster in DIR (created if missing; must be
#                                       empty), writes its port to DIR/port and prints the admin connection string
#   scripts/pg-throwaway.sh stop DIR    stops it (fast) and removes DIR
#   scripts/pg-throwaway.sh halt DIR    stops the server (fast) and keeps DIR, as a database restart would
#   scripts/pg-throwaway.sh resume DIR  starts a halted server again on the same port
#
# PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` OS user.
set -euo pipefail

usage() { echo "usage: $0 start|stop|halt|resume DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
action=$1
dir=$2

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
        if command -v initdb >/dev/null 2>&1; then
            bin=$(dirname "$(command -v initdb)")
        else
            echo "pg-throwaway: PostgreSQL server binaries not found (Debian: apt-get install postgresql)" >&2
            exit 1
        fi
    fi
    echo "$bin"
}

# Runs a command as the cluster's owner.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local bin port
    bin=$(pg_bin)
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        echo "pg-throwaway: running as root but there is no 'postgres' OS user to own the cluster" >&2
        exit 1
    fi
    mkdir -p "$dir"
    if [[ -n "$(ls -A "$dir")" ]]; then
        echo "pg-throwaway: $dir is not empty" >&2
        exit 1
    fi
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$dir"
        chmod 700 "$dir"
    fi

    port=${PG_THROWAWAY_PORT:-55432}
    local tries=0
    while port_in_use "$port"; do
        port=$((port + 1))
        tries=$((tries + 1))
        if [[ $tries -gt 100 ]]; then
            echo "pg-throwaway: no free port from ${PG_THROWAWAY_PORT:-55432} on" >&2
            exit 1
        fi
    done

    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    # Durability is pointless for a cluster that lives for one test run; connections are generous because
    # every test database keeps its own small pool.
    run_server "$bin" "$port"
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres"
}

run_server() {
    as_owner "$1/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $2 -c unix_socket_directories='$dir' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || {
        cat "$dir/server.log" >&2 || true
        exit 1
    }
}

halt() {
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
}

resume() {
    run_server "$(pg_bin)" "$(cat "$dir/port")"
}

stop() {
    local bin
    if [[ ! -d "$dir" ]]; then
        return 0
    fi
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        bin=$(pg_bin)
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null || true
    fi
    rm -rf "$dir"
}

case "$action" in
    start) start ;;
    stop) stop ;;
    halt) halt ;;
    resume) resume ;;
    *) usage ;;
esac
