#!/usr/bin/env bash
# A throwaway MariaDB server for the import tests (issue 18): listening on 127.0.0.1 only, no socket auth.
#
#   scripts/mariadb-throwaway.sh start DIR   initializes and starts a server in DIR (created if missing; must be
#                                            empty), writes its port to DIR/port and prints a root connection string
#   scripts/mariadb-throwaway.sh stop DIR    stops it and removes DIR
#
# As root, the server runs as the `mysql` OS user.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
action=$1
dir=$2

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
    local server install port user_args=()
    export PATH="$PATH:/usr/sbin:/usr/bin"
    server=$(command -v mariadbd || command -v mysqld || true)
    install=$(command -v mariadb-install-db || command -v mysql_install_db || true)
    if [[ -z "$server" || -z "$install" ]]; then
        echo "mariadb-throwaway: MariaDB server not found (Debian: apt-get install mariadb-server)" >&2
        exit 1
    fi
    mkdir -p "$dir"
    if [[ -n "$(ls -A "$dir")" ]]; then
        echo "mariadb-throwaway: $dir is not empty" >&2
        exit 1
    fi
    if [[ $(id -u) -eq 0 ]]; then
        id mysql >/dev/null 2>&1 || { echo "mariadb-throwaway: running as root but there is no 'mysql' OS user" >&2; exit 1; }
        chown mysql:mysql "$dir"
        user_args=(--user=mysql)
    fi

    port=${MARIADB_THROWAWAY_PORT:-53306}
    local tries=0
    while port_in_use "$port"; do
        port=$((port + 1))
        tries=$((tries + 1))
        if [[ $tries -gt 100 ]]; then
            echo "mariadb-throwaway: no free port from ${MARIADB_THROWAWAY_PORT:-53306} on" >&2
            exit 1
        fi
    done

    "$install" --no-defaults "${user_args[@]}" --datadir="$dir/data" --auth-root-authentication-method=normal \
        --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log" >&2; exit 1; }
    # Durability is pointless for a server that lives for one test run.
    "$server" --no-defaults "${user_args[@]}" --datadir="$dir/data" --bind-address=127.0.0.1 --port="$port" \
        --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" --skip-name-resolve --innodb-flush-log-at-trx-commit=0 \
        --character-set-server=utf8mb4 --log-error="$dir/server.log" >/dev/null 2>&1 &
    local tries2=0
    until port_in_use "$port"; do
        sleep 0.2
        tries2=$((tries2 + 1))
        if [[ $tries2 -gt 300 ]]; then
            cat "$dir/server.log" >&2 || true
            exit 1
        fi
    done
    echo "$port" >"$dir/port"
    echo "Server=127.0.0.1;Port=$port;User ID=root;Password=;SslMode=None;AllowPublicKeyRetrieval=true"
}

stop() {
    if [[ ! -d "$dir" ]]; then
        return 0
    fi
    if [[ -f "$dir/mysqld.pid" ]]; then
        local pid
        pid=$(cat "$dir/mysqld.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 150); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
    fi
    rm -rf "$dir"
}

case "$action" in
    start) start ;;
    stop) stop ;;
    *) usage ;;
esac
