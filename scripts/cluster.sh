#!/usr/bin/env bash
# The production topology on this machine (README, "Produção"): a throwaway PostgreSQL, the schema migrated once,
# N app instances on loopback ports sharing Files:Root and the data-protection keys, and haproxy in front with
# active health checks on /health and no sticky sessions.
#
#   scripts/cluster.sh start [N]   builds the app, starts everything (N instances, default 3), prints the address
#                                  and stays in the foreground; Ctrl-C stops everything it started
#   scripts/cluster.sh stop        stops a cluster started in the background (or left behind) from its pid files
#   scripts/cluster.sh restart I   stops instance I (1..N) with SIGTERM, starts it again and waits until it is healthy
#   scripts/cluster.sh rolling     restarts every instance in turn, each back in haproxy before the next one stops
#   scripts/cluster.sh kill I      kills instance I with SIGKILL (a crash); `restart I` brings it back
#   scripts/cluster.sh db-stop     stops PostgreSQL (fast shutdown), as a database restart would; db-start starts it
#
# Settings (environment): CLUSTER_DIR (default /tmp/sispmpi-cluster), CLUSTER_PORT (haproxy, default 8080),
# CLUSTER_FIRST_APP_PORT (default 5101), CLUSTER_SEED (seed the demo network, default true), CLUSTER_APP (a folder
# holding an already built Sispmpi.Web.dll, instead of building a Release copy). Any application setting given in
# the environment (e.g. Api__RequestsPerMinute=600) reaches every instance, restarted ones included.
# Needs haproxy (Debian: apt-get install haproxy) and the PostgreSQL server binaries (see pg-throwaway.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${CLUSTER_DIR:-/tmp/sispmpi-cluster}
proxy_port=${CLUSTER_PORT:-8080}
first_port=${CLUSTER_FIRST_APP_PORT:-5101}
seed=${CLUSTER_SEED:-true}

usage() { echo "usage: $0 start [N] | stop | restart I | rolling | kill I | db-stop | db-start" >&2; exit 2; }

instance_pids() { cat "$dir"/app-*.pid 2>/dev/null || true; }

stop_all() {
    # SIGTERM: each instance stops taking requests, finishes those in flight and releases its leases.
    local pid
    for pid in $(instance_pids); do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $(instance_pids); do
        wait_gone "$pid"
    done
    rm -f "$dir"/app-*.pid
    if [[ -f "$dir/haproxy.pid" ]]; then
        kill -TERM "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
        rm -f "$dir/haproxy.pid"
    fi
    "$root/scripts/pg-throwaway.sh" stop "$dir/pg" || true
    rm -f "$dir/ready"
    echo "cluster: stopped"
}

wait_gone() {
    for _ in $(seq 1 120); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 0.5
    done
}

wait_healthy() {
    local port=$1
    for _ in $(seq 1 600); do # up to 5 min: a start-up on a saturated machine
        if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    echo "cluster: the instance on port $port did not become healthy (see $dir/app-$port.log)" >&2
    return 1
}

# Starts instance $1 in the background with the settings saved by `start`; $2 says whether it seeds the demo network.
launch() {
    local i=$1 port=$((first_port + $1 - 1))
    # shellcheck source=/dev/null
    source "$dir/env"
    Demo__Seed=$2 ASPNETCORE_URLS="http://127.0.0.1:$port" \
        dotnet "$CLUSTER_APP_DLL" >>"$dir/app-$port.log" 2>&1 </dev/null &
    echo $! >"$dir/app-$i.pid"
}

restart() {
    local i=$1 port=$(($1 + first_port - 1))
    [[ -f "$dir/env" && $i -ge 1 && $i -le $(cat "$dir/count") ]] || { echo "cluster: no instance $i running from $dir" >&2; exit 1; }
    if [[ -f "$dir/app-$i.pid" ]]; then
        local pid
        pid=$(cat "$dir/app-$i.pid")
        kill -TERM "$pid" 2>/dev/null || true
        wait_gone "$pid"
    fi
    launch "$i" false
    wait_healthy "$port"
    echo "cluster: instance $i restarted on http://127.0.0.1:$port"
}

start() {
    local count=${1:-3}
    command -v haproxy >/dev/null || { echo "cluster: haproxy is not installed (Debian: apt-get install haproxy)" >&2; exit 1; }
    if [[ -f "$dir/ready" ]] || compgen -G "$dir/app-*.pid" >/dev/null; then
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
    export CLUSTER_APP_DLL="$app/Sispmpi.Web.dll"
    export Database__Provider=postgres
    export ConnectionStrings__Default="$admin;Database=postgres"
    export ASPNETCORE_CONTENTROOT="$root/src/Sispmpi.Web"
    export Files__Root="$dir/files" DataProtection__KeysDirectory="$dir/keys" Mail__PickupDirectory="$dir/mail"
    export ReverseProxy__KnownProxies=127.0.0.1
    export Mail__PublicBaseUrl="http://127.0.0.1:$proxy_port"
    # On SIGTERM /health answers 503 this long before the instance stops listening: haproxy (inter 1s, fall 2)
    # takes it out of rotation first, so a rolling restart refuses no request.
    export Host__DrainSeconds=${Host__DrainSeconds:-4}
    # Every setting in the environment (NAME__KEY), for the instances started again later by `restart`.
    export -p | grep -E '^declare -x ([A-Za-z0-9_]+__[A-Za-z0-9_]+|ASPNETCORE_CONTENTROOT|CLUSTER_APP_DLL)=' >"$dir/env"
    echo "$count" >"$dir/count"

    echo "cluster: migrating the schema once"
    dotnet "$app/Sispmpi.Web.dll" migrate >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log" >&2; stop_all; exit 1; }

    local servers="" port i
    for i in $(seq 1 "$count"); do
        port=$((first_port + i - 1))
        # The first instance seeds the demo network (when asked); the others find it there.
        launch "$i" "$([[ $i -eq 1 ]] && echo "$seed" || echo false)"
        wait_healthy "$port" || { stop_all; exit 1; }
        servers+="    server app$i 127.0.0.1:$port"$'\n'
        echo "cluster: instance $i on http://127.0.0.1:$port"
    done

    # retries + redispatch: a connection refused by a stopped or crashed instance is tried again on another one
    # (only connection failures: a request that reached an instance is never sent twice). The log names the
    # server of each request, with the client's X-Request-Id when it sends one.
    cat >"$dir/haproxy.cfg" <<CFG
global
    maxconn 2000
    log stdout format raw local0
    stats socket $dir/haproxy.sock mode 600 level admin
defaults
    mode http
    log global
    option httplog
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout check 5s
    # When no instance passes its health check (all restarting, or the database down), haproxy's own answer is the
    # Portuguese page, not its English one.
    errorfile 503 $root/scripts/haproxy-503.http
    option forwardfor
    option http-server-close
    retries 3
    option redispatch 1
frontend sispmpi
    bind 127.0.0.1:$proxy_port
    http-request capture req.hdr(X-Request-Id) len 40
    default_backend instances
backend instances
    balance roundrobin
    option httpchk GET /health
    http-check expect status 200
    # A check waits up to 5 s (a busy instance is slow, not dead); a stopped or crashed one refuses at once.
    default-server check inter 1s fall 2 rise 2
$servers
CFG
    haproxy -f "$dir/haproxy.cfg" -db >"$dir/haproxy.log" 2>&1 &
    echo $! >"$dir/haproxy.pid"
    touch "$dir/ready"
    echo "cluster: SisPMPI at http://127.0.0.1:$proxy_port ($count instances behind haproxy; files in $dir). Ctrl-C stops it."
    wait
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop_all ;;
    restart) [[ $# -eq 2 ]] || usage; restart "$2" ;;
    rolling)
        [[ -f "$dir/count" ]] || { echo "cluster: no cluster running from $dir" >&2; exit 1; }
        for i in $(seq 1 "$(cat "$dir/count")"); do
            restart "$i"
            sleep 3 # haproxy's rise 2 × inter 1s: back in rotation before the next one stops
        done
        ;;
    kill)
        [[ $# -eq 2 && -f "$dir/app-$2.pid" ]] || usage
        pid=$(cat "$dir/app-$2.pid")
        kill -KILL "$pid"
        # SIGKILL is delivered at once, but tearing a large process down takes a moment, and until its sockets close
        # the kernel still accepts connections for it: return only once it is gone (or a zombie), so that the caller
        # knows when the instance stopped taking requests.
        for _ in $(seq 1 500); do
            state=$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            [[ -z "$state" || "$state" == Z ]] && break
            sleep 0.01
        done
        echo "cluster: instance $2 killed"
        ;;
    db-stop) "$root/scripts/pg-throwaway.sh" halt "$dir/pg"; echo "cluster: PostgreSQL stopped" ;;
    db-start) "$root/scripts/pg-throwaway.sh" resume "$dir/pg"; echo "cluster: PostgreSQL started" ;;
    *) usage ;;
esac
