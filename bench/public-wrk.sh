#!/usr/bin/env bash
# Throughput of a transparency-portal plan page next to a static file of the same app, measured with wrk in one run
# (issue 17, target 3), and the resident memory of that instance afterwards (target 4): a throwaway PostgreSQL filled
# by the `generate` command, the app (Release, Kestrel, production settings) on 127.0.0.1, then wrk at 64 connections on
#   1. /transparencia/planos/{id}  the published plan with the most actions, served from the output cache
#   2. /css/site.css               a small static file (the static-files middleware), and
#      /lib/chartjs/chart.umd.js   a static file about the size of the page
#   3. /transparencia/planos/{id}?n=…  the same page with a new query string on every request: unknown parameters are
#                                  dropped, so these are cache hits too and add nothing to the cache
#   4. --panel N: the network panel (/painel) N times, signed in as the network's central administrator
#   5. the resident memory (VmRSS) of the app after all that                              floor 400 MB
#   6. the same app restarted with the output cache off (Transparency__OutputCacheSeconds=0): the page rendered
#      in full on every request (queries, lights, roll-up, Razor)                         floor 200 req/s
#      first as --renders N requests one after the other (after --warm-up requests), timed in CPU rather than on the
#      clock: the app's and PostgreSQL's CPU time (/proc) per render, and the ceiling it allows on this machine's cores
#      (cores × 1000 / CPU ms), which a loaded machine does not distort as much as wrk's requests per second; then wrk
# The cached page's floor is half the small static file's throughput in the same run.
#
#   bench/public-wrk.sh [--orgs 200] [--actions-per-org 200] [--duration 20] [--connections 64] [--panel 0] [--no-build]
#                       [--renders 200] [--warm-up 1000] [--render-only] [--pg-dir DIR]
#
# --render-only measures only the CPU per uncached render (step 6 without wrk). --pg-dir reuses a cluster started by
# scripts/pg-throwaway.sh (generated once into its database sispmpi_public, kept afterwards), to compare builds on
# the same data. Traffic goes to 127.0.0.1 only; each wrk run is bounded by --duration. PG_THROWAWAY_PORT picks the
# cluster's port (default 55442) and BENCH_APP_PORT the app's (default 5142).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
orgs=200
actions=200
duration=20
connections=64
build=1
panel=0
renders=200
warm_up=1000
render_only=0
pg_dir=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --orgs) orgs=$2; shift 2 ;;
        --actions-per-org) actions=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --panel) panel=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --renders) renders=$2; shift 2 ;;
        --warm-up) warm_up=$2; shift 2 ;;
        --render-only) render_only=1; shift ;;
        --pg-dir) pg_dir=$2; shift 2 ;;
        *) echo "usage: $0 [--orgs N] [--actions-per-org M] [--duration S] [--connections C] [--panel N] [--no-build] [--renders N] [--warm-up N] [--render-only] [--pg-dir DIR]" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/sispmpi-public-bench.XXXXXX")
own_cluster=0
if [[ -z "$pg_dir" ]]; then
    # Its own folder: as root, the cluster belongs to the postgres user, who cannot enter $work.
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/sispmpi-public-pg.XXXXXX")
    own_cluster=1
fi
app_pid=""
cleanup() {
    if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    if [[ $own_cluster -eq 1 ]]; then "$root/scripts/pg-throwaway.sh" stop "$pg_dir" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ $build -eq 1 ]]; then
    dotnet build "$root/bench/Sispmpi.Bench" -c Release -v q -nologo >/dev/null
fi

if [[ $own_cluster -eq 1 ]]; then
    PG_THROWAWAY_PORT=${PG_THROWAWAY_PORT:-55442} "$root/scripts/pg-throwaway.sh" start "$pg_dir" >/dev/null
fi
port=$(cat "$pg_dir/port")
db="Host=127.0.0.1;Port=$port;Username=postgres;Database=sispmpi_public"
if [[ -z $(psql -h 127.0.0.1 -p "$port" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'sispmpi_public'") ]]; then
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE sispmpi_public" >/dev/null
    echo "PostgreSQL on port $port; generating $orgs organizations x $actions actions"
    dotnet "$root/bench/Sispmpi.Bench/bin/Release/net10.0/Sispmpi.Bench.dll" generate --orgs "$orgs" --actions-per-org "$actions" --db "$db" | tail -n 1
else
    echo "PostgreSQL on port $port; reusing the database sispmpi_public"
fi

app_port=${BENCH_APP_PORT:-5142}
base="http://127.0.0.1:$app_port"
start_app() { # extra environment assignments…
    (
        cd "$root/src/Sispmpi.Web"
        exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 \
            Database__Provider=postgres ConnectionStrings__Default="$db" Demo__Seed=false Urls="$base" \
            DataProtection__KeysDirectory="$work/keys" Files__Root="$work/files" Mail__PickupDirectory="$work/mail" \
            Jobs__Enabled=false Mail__SenderEnabled=false \
            Logging__LogLevel__Default=Warning Logging__Console__FormatterName=simple "$@" \
            dotnet "$root/src/Sispmpi.Web/bin/Release/net10.0/Sispmpi.Web.dll"
    ) >>"$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 240); do
        curl -fs "$base/health" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fs "$base/health" >/dev/null || { cat "$work/app.log" >&2; exit 1; }
}
stop_app() {
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}
# CPU time in clock ticks: the app's, and PostgreSQL's (the postmaster with its ended children, and its live ones).
app_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
pg_ticks() {
    local postmaster
    postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")
    { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
      for child in $(pgrep -P "$postmaster"); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
    } | awk '{ total += $1 } END { print total }'
}
find_page() {
    # The published plan with the most actions, from the open-data file (columns id;…;acoes;progresso).
    plan=$(curl -fs "$base/dados-abertos/planos.csv" | awk -F';' 'NR > 1 && $11 + 0 > max { max = $11 + 0; id = $1 } END { print id }')
    plan_actions=$(curl -fs "$base/dados-abertos/planos.csv" | awk -F';' -v id="$plan" '$1 == id { print $11 }')
    page="$base/transparencia/planos/$plan"
}
# --renders uncached requests on one kept-alive connection, one after the other, after --warm-up of them: the JIT
# recompiles hot methods in the background for a while after start-up, and that CPU would count against the first
# renders (100 of warm-up gave 3 to 4 times the settled figure). Prints the CPU time per render of the app and of
# PostgreSQL and the throughput ceiling it allows.
render_cpu() {
    local list="$work/renders.curl" hz cores app0 pg0 app1 pg1 codes
    : >"$list"
    for _ in $(seq 1 "$warm_up"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$page" >>"$list"; done
    curl -s -K "$list" >/dev/null
    : >"$list"
    for _ in $(seq 1 "$renders"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$page" >>"$list"; done
    echo "plan $plan ($plan_actions actions, $(curl -fs "$page" | wc -c) bytes), $renders renders one at a time, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    app0=$(app_ticks); pg0=$(pg_ticks)
    codes=$(curl -s -w '%{http_code}\n' -K "$list" | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
    app1=$(app_ticks); pg1=$(pg_ticks)
    [[ $codes == "$renders×200 " ]] || { echo "uncached renders answered: $codes" >&2; exit 1; }
    hz=$(getconf CLK_TCK); cores=$(nproc)
    awk -v a="$((app1 - app0))" -v p="$((pg1 - pg0))" -v n="$renders" -v hz="$hz" -v c="$cores" 'BEGIN {
        app = a * 1000 / hz / n; pg = p * 1000 / hz / n; total = app + pg
        ceiling = total > 0 ? c * 1000 / total : 0
        printf "CPU per uncached render: app %.1f ms + PostgreSQL %.1f ms = %.1f ms; ceiling on %d cores: %.0f req/s   floor 200 req/s   %s\n",
            app, pg, total, c, ceiling, (ceiling >= 200 ? "met" : "NOT met") }'
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

if [[ $render_only -eq 1 ]]; then
    start_app Transparency__OutputCacheSeconds=0
    find_page
    render_cpu
    exit 0
fi

start_app

find_page
static="$base/css/site.css"
large="$base/lib/chartjs/chart.umd.js"
page_bytes=$(curl -fs "$page" | wc -c)
static_bytes=$(curl -fs "$static" | wc -c)
large_bytes=$(curl -fs "$large" | wc -c)
echo "plan $plan ($plan_actions actions, $page_bytes bytes); static files $static_bytes and $large_bytes bytes"

cat >"$work/uncached.lua" <<'LUA'
-- A new query string on every request (per thread): the app drops unknown parameters, so it is still a cache hit.
local counter = 0
local id = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) id = wrk.thread:get("id") or 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", wrk.path .. "?n=" .. id .. "-" .. counter)
end
LUA

run() { # name url [wrk args…]
    local name=$1 url=$2
    shift 2
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$@" "$url" >"$work/$name.txt"
    local rps p50 p99 errors
    rps=$(awk '/^Requests\/sec/ { print $2 }' "$work/$name.txt")
    p50=$(awk '$1 == "50%" { print $2 }' "$work/$name.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$work/$name.txt")
    errors=$(awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s ", $0 }' "$work/$name.txt")
    printf '%-34s %10s req/s   median %8s   p99 %8s   %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-no errors}"
}

echo "warm-up"
wrk -t2 -c"$connections" -d5s "$page" >/dev/null
wrk -t2 -c"$connections" -d5s "$static" >/dev/null
echo "wrk, $connections connections, ${duration} s each, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "plan page (cached)" "$page"
run "static file (site.css)" "$static"
run "static file (chart.umd.js)" "$large"
run "plan page, random query string" "$page" -s "$work/uncached.lua"
curl -fsI "$page?n=$RANDOM" | tr -d '\r' | awk 'tolower($1) == "x-cache:" { print "  a random query string: X-Cache " $2 }'
cached=$(awk '/^Requests\/sec/ { print $2 }' "$work/plan page (cached).txt")
css=$(awk '/^Requests\/sec/ { print $2 }' "$work/static file (site.css).txt")
js=$(awk '/^Requests\/sec/ { print $2 }' "$work/static file (chart.umd.js).txt")
awk -v c="$cached" -v s="$css" -v j="$js" 'BEGIN {
    printf "cached page / static site.css: %.0f%%   floor 50%%   %s\n", 100 * c / s, (c >= s / 2 ? "met" : "NOT met")
    printf "cached page / static chart.umd.js (same size class): %.0f%%\n", 100 * c / j }'

if [[ $panel -gt 0 ]]; then
    admin=$(psql -h 127.0.0.1 -p "$port" -U postgres -d sispmpi_public -Atc 'SELECT u."Email" FROM "ProfileGrants" g
        JOIN "Organizations" o ON o."Id" = g."OrganizationId" JOIN "AspNetUsers" u ON u."Id" = g."UserId"
        WHERE g."Profile" = 1 AND o."ParentId" IS NULL AND o."IsActive" ORDER BY u."Id" LIMIT 1')
    jar="$work/cookies"
    token=$(curl -fs -c "$jar" -b "$jar" "$base/conta/entrar" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$admin" --data-urlencode "Input.Password=Bench@SisPMPI2026" \
        --data-urlencode "__RequestVerificationToken=$token" "$base/conta/entrar"
    start=$(date +%s.%N)
    for _ in $(seq 1 "$panel"); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$base/painel")
        [[ $code == 200 ]] || { echo "/painel answered $code" >&2; exit 1; }
    done
    echo "network panel: $panel requests as $admin in $(echo "$start $(date +%s.%N)" | awk '{ printf "%.1f", $2 - $1 }') s"
fi
rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
hwm=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
echo "resident memory of the app: $rss MB (peak $hwm MB)   floor 400 MB   $([[ $rss -le 400 ]] && echo met || echo 'NOT met')"
stop_app

start_app Transparency__OutputCacheSeconds=0
render_cpu
wrk -t2 -c"$connections" -d5s "$page" >/dev/null
echo "output cache off, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "plan page (rendered every time)" "$page"
rendered=$(awk '/^Requests\/sec/ { print $2 }' "$work/plan page (rendered every time).txt")
awk -v r="$rendered" 'BEGIN { printf "rendered page: %.0f req/s   floor 200 req/s   %s\n", r, (r >= 200 ? "met" : "NOT met") }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
