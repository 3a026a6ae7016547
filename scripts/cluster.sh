#!/usr/bin/env bash
# The production topology on this machine (README, "Produção"): a throwaway PostgreSQL, the schema migrated once,
# N app instances on loopback ports sharing Files:Root and the data-protection keys, and haproxy in front with
# active health checks on /health and no sticky sessions.
#
#   scripts/cluster.sh start [N]   builds the app, starts everything (N instances, default 3), prints the address
#                                  and stays in the foreground; Ctrl-C stops everything it started
#   scripts/cluster.sh stop        stops a cluster started in the background (or left behind) from its pid files
#
# Settings (environment): CLUSTER_DIR (default /tmp/sispmpi-cluster), CLUSTER_PORT (haproxy, default 8080),
# CLUSTER_FIRST_APP_PORT (default 5101), CLUSTER_SEED (seed the demo network, default true), CLUSTER_APP (a folder
# holding an already built Sispmpi.Web.dll, instead of building a Release copy).
# Needs haproxy (Debian: apt-get install haproxy) and the PostgreSQL server binaries (see pg-throwaway.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CLUSTER_DIR:-/tmp/sispmpi-cluster}
proxy_port=${CLUSTER_PORT:-8080}
first_port=${CLUSTER_FIRST_APP_PORT:-5101}
seed=${CLUSTER_SEED:-true}

usage() { echo "usage: $0 start [N] | stop" >&2; exit 2; }

stop_all() {
    if [[ -f "$dir/pids" ]]; then
        # SIGTERM: each instance finishes its requests in flight and releases its leases.
        while read -r pid; do
            kill -TERM "$pid" 2>/dev/null || true
        done <"$dir/pids"
        while read -r pid; do
            for _ in $(seq 1 60); do
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.5
            done
        done <"$dir/pids"
        rm -f "$dir/pids"
    fi
    "$root/scripts/pg-throwaway.sh" stop "$dir/pg" || true
    echo "cluster: stopped"
}

wait_healthy() {
    local port=$1
    for _ in $(seq 1 240); do
        if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    echo "cluster: the instance on port $port did not become healthy (see $dir/app-$port.log)" >&2
    return 1
}

start() {
    local count=${1:-3}
    command -v haproxy >/dev/null || { echo "cluster: haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 1; }
    if [[ -f "$dir/pids" ]]; then
        echo "cluster: a cluster is running from $dir; run '$0 stop' first" >&2
        exit 1
    fi
    rm -rf "$dir" # the logs of a previous, stopped run
    mkdir -p "$dir/files" "$dir/keys" "$dir/mail"
    trap 'stop_all; exit 0' INT TERM

    local app=${CLUSTER_APP:-}
    if [[ -z "$app" ]]; then
        echo "cluster: building the application"
        app="$dir/app"
        dotnet build "$root/src/Sispmpi.Web" -c Release -o "$app" -nologo -v quiet >"$dir/build.log" 2>&1 || { cat "$dir/build.log" >&2; exit 1; }
    fi

    local admin
    admin=$(PG_THROWAWAY_PORT=${PG_THROWAWAY_PORT:-56432} "$root/scripts/pg-throwaway.sh" start "$dir/pg")
    export Database__Provider=postgres
    export ConnectionStrings__Default="$admin;Database=postgres"
    export ASPNETCORE_CONTENTROOT="$root/src/Sispmpi.Web"
    export Files__Root="$dir/files" DataProtection__KeysDirectory="$dir/keys" Mail__PickupDirectory="$dir/mail"
    export ReverseProxy__KnownProxies=127.0.0.1
    export Mail__PublicBaseUrl="http://127.0.0.1:$proxy_port"

    echo "cluster: migrating the schema once"
    dotnet "$app/Sispmpi.Web.dll" migrate >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log" >&2; stop_all; exit 1; }

    local servers="" port i
    for i in $(seq 1 "$count"); do
        port=$((first_port + i - 1))
        # The first instance seeds the demo network (when asked); the others find it there.
        Demo__Seed=$([[ $i -eq 1 ]] && echo "$seed" || echo false) ASPNETCORE_URLS="http://127.0.0.1:$port" \
            dotnet "$app/Sispmpi.Web.dll" >"$dir/app-$port.log" 2>&1 &
        echo $! >>"$dir/pids"
        wait_healthy "$port" || { stop_all; exit 1; }
        servers+="    server app$i 127.0.0.1:$port"$'\n'
        echo "cluster: instance $i on http://127.0.0.1:$port"
    done

    cat >"$dir/haproxy.cfg" <<CFG
global
    maxconn 2000
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    option forwardfor
    option http-server-close
frontend sispmpi
    bind 127.0.0.1:$proxy_port
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /health
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
$servers
CFG
    haproxy -f "$dir/haproxy.cfg" -db >"$dir/haproxy.log" 2>&1 &
    echo $! >>"$dir/pids"
    echo "cluster: SisPMPI at http://127.0.0.1:$proxy_port ($count instances behind haproxy; files in $dir). Ctrl-C stops it."
    wait
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop_all ;;
    *) usage ;;
esac
