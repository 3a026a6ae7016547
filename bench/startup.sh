#!/usr/bin/env bash
# Start-up of the embedded default (SQLite, demo network) until /health answers 200, against issue 17's floors:
#   1. `dotnet run --project src/Sispmpi.Web` on a built tree (its build check included)      floor 3.0 s
#   2. the published app (`dotnet publish -c Release`, then `dotnet Sispmpi.Web.dll`)           floor 1.5 s
# Each is timed on a database the first start already created and seeded (the usual start), three times, and the
# median printed; the first start (migrations and demo seed on an empty database) is printed apart. Under each median,
# the median time of each start-up phase (the app writes them when SISPMPI_STARTUP_TRACE names a file).
#
#   bench/startup.sh [--runs 3] [--no-build]
#
# Data (database, keys, files, mail) goes to a temporary folder; the app listens on 127.0.0.1 only
# (BENCH_APP_PORT, default 5143) and is stopped after each start.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
runs=3
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        *) echo "usage: $0 [--runs N] [--no-build]" >&2; exit 2 ;;
    esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/sispmpi-startup.XXXXXX")
app_pid=""
stop_app() {
    if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
    app_pid=""
}
trap 'stop_app; rm -rf "$work"' EXIT

port=${BENCH_APP_PORT:-5143}
base="http://127.0.0.1:$port"
export ASPNETCORE_ENVIRONMENT=Production Urls="$base" ConnectionStrings__Default="Data Source=$work/sispmpi.db" \
    DataProtection__KeysDirectory="$work/keys" Files__Root="$work/files" Mail__PickupDirectory="$work/mail" \
    Logging__LogLevel__Default=Warning

if [[ $build -eq 1 ]]; then
    dotnet build "$root/src/Sispmpi.Web" -c Debug -v q -nologo >/dev/null
    dotnet publish "$root/src/Sispmpi.Web" -c Release -o "$work/publish" -v q -nologo >/dev/null
else
    dotnet publish "$root/src/Sispmpi.Web" -c Release -o "$work/publish" -v q -nologo --no-build >/dev/null 2>&1 \
        || dotnet publish "$root/src/Sispmpi.Web" -c Release -o "$work/publish" -v q -nologo >/dev/null
fi

# The app's phases, in order: each is timed from the end of the one before (launch: this script started the command).
phases=(process main builder-created services-added host-built ef-model migrations catalogs maturity-model demo-seed
    pipeline-built listening first-request-in first-request-out healthy)

# Prints the seconds from launch until /health answered 200 (polled every 20 ms), then stops the app; appends the
# milliseconds of each phase, in the order of $phases, as one line to $work/phases.
time_start() { # dir command…
    local dir=$1
    shift
    local start end
    rm -f "$work/trace"
    start=$(date +%s%3N)
    (cd "$dir" && SISPMPI_STARTUP_TRACE="$work/trace" exec "$@") >>"$work/app.log" 2>&1 &
    app_pid=$!
    for _ in $(seq 1 3000); do
        if curl -fs -o /dev/null "$base/health" 2>/dev/null; then
            end=$(date +%s%3N)
            stop_app
            echo "healthy $end" >>"$work/trace"
            awk -v start="$start" -v order="${phases[*]}" '
                { at[$1] = $2 }
                END {
                    n = split(order, names, " "); previous = start; line = ""
                    for (i = 1; i <= n; i++) {
                        if (names[i] in at) { line = line " " (at[names[i]] - previous); previous = at[names[i]] }
                        else line = line " -"
                    }
                    print substr(line, 2)
                }' "$work/trace" >>"$work/phases"
            echo "$start $end" | awk '{ printf "%.2f\n", ($2 - $1) / 1000 }'
            return 0
        fi
        kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; return 1; }
        sleep 0.02
    done
    stop_app
    echo "no healthy /health after 60 s" >&2
    return 1
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

report() { # name floor times…
    local name=$1 floor=$2
    shift 2
    local m
    m=$(printf '%s\n' "$@" | median)
    printf '%-44s median %5s s (runs: %s)   floor %s s   %s\n' "$name" "$m" "$*" "$floor" \
        "$(awk -v m="$m" -v f="$floor" 'BEGIN { print (m <= f ? "met" : "NOT met") }')"
    report_phases
}

# The median milliseconds of each phase over the lines of $work/phases, then empties it.
report_phases() {
    local i
    for i in "${!phases[@]}"; do
        printf '    %-22s %6s ms\n' "${phases[$i]}" \
            "$(awk -v c=$((i + 1)) '$c != "-" { print $c }' "$work/phases" | median | grep . || echo -)"
    done
    : >"$work/phases"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
first=$(time_start "$root" dotnet run --project "$root/src/Sispmpi.Web" -c Debug)
printf '%-44s %5s s (migrations and demo seed)\n' "dotnet run, first start on an empty database" "$first"
report_phases
times=()
for _ in $(seq 1 "$runs"); do times+=("$(time_start "$root" dotnet run --project "$root/src/Sispmpi.Web" -c Debug)"); done
report "dotnet run (built tree, Debug)" 3.0 "${times[@]}"
times=()
for _ in $(seq 1 "$runs"); do times+=("$(time_start "$work/publish" dotnet "$work/publish/Sispmpi.Web.dll")"); done
report "published app (Release)" 1.5 "${times[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
