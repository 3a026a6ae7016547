#!/usr/bin/env bash
# The test command (README): builds once, then runs every test suite —
#   core          tests/Sispmpi.Core.Tests
#   web-sqlite    tests/Sispmpi.Web.Tests on SQLite
#   web-postgres  tests/Sispmpi.Web.Tests on PostgreSQL
#   browser       tests/Sispmpi.Browser.Tests (when the project exists)
# against a throwaway PostgreSQL cluster started here and always removed. Ends with one line,
# "N passed, M failed", and exits non-zero when a build or a test failed.
#
# As root it first installs the Debian packages the suites need (postgresql, chromium, poppler-utils, python3-aiosmtpd, and
# LibreOffice's Writer and Calc, GUI-less, for the document conversions) when their programs are missing. Set
# SISPMPI_TEST_PG to use a PostgreSQL server of your own instead of a throwaway cluster (an admin connection
# string: Host=…;Port=…;Username=…). TRX files are left in TestResults/ (or $SISPMPI_TEST_RESULTS).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
configuration=Release
results=${SISPMPI_TEST_RESULTS:-$root/TestResults}
started=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build server or reused MSBuild node outlives the run (and keeps CI's output pipe open).
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
# Each test host watches its files (settings, wwwroot for asp-append-version); with the two web suites side by side,
# inotify's default of 128 instances per user runs out. Polling watchers use none.
export DOTNET_USE_POLLING_FILE_WATCHER=true

section() { printf '\n==== %s ====\n' "$*"; }

# --- (a) system packages ------------------------------------------------------------------------------
have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || command -v initdb >/dev/null; }

missing_packages=()
if [[ -z "${SISPMPI_TEST_PG:-}" ]] && ! have_postgres; then missing_packages+=(postgresql); fi
if ! command -v chromium >/dev/null; then missing_packages+=(chromium); fi
if ! command -v pdftoppm >/dev/null; then missing_packages+=(poppler-utils); fi
if [[ -z "${SISPMPI_TEST_MYSQL:-}" ]] && ! command -v mariadbd >/dev/null; then missing_packages+=(mariadb-server); fi
# The notification tests deliver e-mail to a real SMTP server: Debian's aiosmtpd, run by /usr/bin/python3.
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then missing_packages+=(python3-aiosmtpd); fi
# The gov.br sign-in tests run against a real OpenID Connect provider (tests/oidc, npm's oidc-provider) on Node.js.
if ! command -v node >/dev/null; then missing_packages+=(nodejs); fi
if ! command -v npm >/dev/null; then missing_packages+=(npm); fi
# LibreOffice converts the generated XLSX and DOCX files to PDF (about 95 MB to download, 290 MB installed).
# Its packages are installed without their recommendations (Java, extra fonts and dictionaries), which the
# conversion does not need; the other packages keep theirs.
libreoffice_packages=()
if ! command -v libreoffice >/dev/null; then libreoffice_packages=(libreoffice-writer-nogui libreoffice-calc-nogui); fi
if ((${#missing_packages[@]} + ${#libreoffice_packages[@]} > 0)); then
    if [[ $(id -u) -eq 0 ]]; then
        section "Installing ${missing_packages[*]} ${libreoffice_packages[*]}"
        apt-get update
        # apt-get cannot leave out the recommendations of some packages only, so LibreOffice gets an install
        # of its own (after the same update) rather than dragging its recommendations in, or dropping the others'.
        if ((${#missing_packages[@]} > 0)); then
            DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing_packages[@]}"
        fi
        if ((${#libreoffice_packages[@]} > 0)); then
            DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${libreoffice_packages[@]}"
        fi
    else
        echo "warning: ${missing_packages[*]} ${libreoffice_packages[*]} missing; run as root (or apt-get install them) for the full suite" >&2
    fi
fi
command -v dotnet >/dev/null || { echo "error: the .NET SDK (dotnet) is not installed" >&2; exit 1; }

# --- (b) a throwaway PostgreSQL -----------------------------------------------------------------------
pg_dir=""
mariadb_dir=""
oidc_pid=""
oidc_log=""
declare -A suite_pids=()
cleanup() {
    local pid
    for pid in "${suite_pids[@]}"; do
        # A suite still running (the script was interrupted): stop its dotnet test and test host.
        if kill -0 "$pid" 2>/dev/null; then
            pkill -TERM -P "$pid" 2>/dev/null || true
            kill "$pid" 2>/dev/null || true
        fi
    done
    if [[ -n "$oidc_pid" ]]; then
        kill "$oidc_pid" 2>/dev/null || true
        wait "$oidc_pid" 2>/dev/null || true
        oidc_pid=""
    fi
    [[ -n "$oidc_log" ]] && rm -f "$oidc_log"
    if [[ -n "$pg_dir" ]]; then
        "$root/scripts/pg-throwaway.sh" stop "$pg_dir" >/dev/null 2>&1 || true
        pg_dir=""
    fi
    if [[ -n "$mariadb_dir" ]]; then
        "$root/scripts/mariadb-throwaway.sh" stop "$mariadb_dir" >/dev/null 2>&1 || true
        mariadb_dir=""
    fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${SISPMPI_TEST_PG:-}" ]]; then
    section "Starting a throwaway PostgreSQL"
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/sispmpi-pg.XXXXXX")
    SISPMPI_TEST_PG=$("$root/scripts/pg-throwaway.sh" start "$pg_dir")
    echo "PostgreSQL on port $(cat "$pg_dir/port") ($pg_dir)"
fi
export SISPMPI_TEST_PG

# --- (b1) a throwaway MariaDB for the import of an original SisPMPI (tests/…/Import) ----------------------
if [[ -z "${SISPMPI_TEST_MYSQL:-}" ]]; then
    section "Starting a throwaway MariaDB"
    mariadb_dir=$(mktemp -d "${TMPDIR:-/tmp}/sispmpi-mariadb.XXXXXX")
    SISPMPI_TEST_MYSQL=$("$root/scripts/mariadb-throwaway.sh" start "$mariadb_dir")
    echo "MariaDB on port $(cat "$mariadb_dir/port") ($mariadb_dir)"
fi
export SISPMPI_TEST_MYSQL

# --- (b2) the test OpenID Connect provider standing in for gov.br (tests/oidc) ----------------------------
section "Starting the test OpenID Connect provider"
oidc_log=$(mktemp "${TMPDIR:-/tmp}/sispmpi-oidc.XXXXXX")
(cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error)
node tests/oidc/server.mjs 0 >"$oidc_log" 2>&1 &
oidc_pid=$!
for _ in $(seq 1 300); do
    SISPMPI_TEST_OIDC=$(sed -n 's/^listening //p' "$oidc_log")
    [[ -n "$SISPMPI_TEST_OIDC" ]] && break
    kill -0 "$oidc_pid" 2>/dev/null || break
    sleep 0.2
done
if [[ -z "$SISPMPI_TEST_OIDC" ]]; then
    cat "$oidc_log" >&2
    echo "error: the test OpenID Connect provider did not start" >&2
    exit 1
fi
echo "OpenID Connect provider at $SISPMPI_TEST_OIDC"
export SISPMPI_TEST_OIDC

mkdir -p "$results"
rm -f "$results"/*.trx

total_passed=0
total_failed=0
total_skipped=0
# Steps that failed with no failed test to show for it (a build error, a crashed test host): each counts as
# one failure, so that the closing line never reads "0 failed" for a failing run.
unexplained=0
failed_steps=()
report=()

# --- (c) build once -----------------------------------------------------------------------------------
section "Building ($configuration)"
build_started=$SECONDS
mapfile -t solution_projects < <(grep -o 'Path="[^"]*\.csproj"' Sispmpi.slnx | sed -e 's/^Path="//' -e 's/"$//')
absent=()
present=()
for project in "${solution_projects[@]}"; do
    if [[ -f "$project" ]]; then present+=("$project"); else absent+=("$project"); fi
done
build_ok=true
if ((${#absent[@]} == 0)); then
    dotnet build Sispmpi.slnx -c "$configuration" --disable-build-servers -nodeReuse:false || build_ok=false
else
    echo "warning: Sispmpi.slnx lists projects that do not exist: ${absent[*]}; building the others one by one" >&2
    for project in "${present[@]}"; do
        dotnet build "$project" -c "$configuration" --disable-build-servers -nodeReuse:false || build_ok=false
    done
fi
report+=("build: $((SECONDS - build_started)) s")
if [[ $build_ok != true ]]; then
    failed_steps+=(build)
    unexplained=$((unexplained + 1))
fi

# Reads "passed failed skipped" from a TRX file's counters.
trx_counts() {
    local counters
    counters=$(grep -o '<Counters [^>]*>' "$1" | head -n 1)
    count() { sed -n "s/.* $1=\"\\([0-9]*\\)\".*/\\1/p" <<<"$counters"; }
    local passed failed errors timeouts skipped
    passed=$(count passed); failed=$(count failed); errors=$(count error); timeouts=$(count timeout)
    skipped=$(count notExecuted)
    echo "${passed:-0} $(( ${failed:-0} + ${errors:-0} + ${timeouts:-0} )) ${skipped:-0}"
}

# start_suite NAME PROJECT [VAR=value …]: runs a test project in the background; its console output goes to
# $results/NAME.log, its exit code and seconds to $results/NAME.rc. finish_suite NAME waits, prints, and counts.
start_suite() {
    local name=$1 project=$2
    shift 2
    rm -f "$results/$name.rc" "$results/$name.log"
    (
        suite_started=$SECONDS
        rc=0
        env "$@" dotnet test "$project" -c "$configuration" --no-build \
            --results-directory "$results" \
            --logger "trx;LogFileName=$name.trx" \
            --logger "console;verbosity=normal" >"$results/$name.log" 2>&1 || rc=$?
        echo "$rc $((SECONDS - suite_started))" >"$results/$name.rc"
    ) &
    suite_pids[$name]=$!
}

finish_suite() {
    local name=$1 rc=1 seconds=0
    wait "${suite_pids[$name]}" || true
    section "Tests: $name"
    cat "$results/$name.log" 2>/dev/null || true
    if [[ -f "$results/$name.rc" ]]; then
        read -r rc seconds <"$results/$name.rc"
    fi
    local passed=0 failed=0 skipped=0
    if [[ -f "$results/$name.trx" ]]; then
        read -r passed failed skipped < <(trx_counts "$results/$name.trx")
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    total_skipped=$((total_skipped + skipped))
    if ((rc != 0)); then
        failed_steps+=("$name (exit code $rc)")
        if ((failed == 0)); then unexplained=$((unexplained + 1)); fi
    fi
    report+=("$name: $passed passed, $failed failed, $skipped skipped, exit code $rc, $seconds s")
}

if [[ $build_ok == true ]]; then
    start_suite core tests/Sispmpi.Core.Tests/Sispmpi.Core.Tests.csproj
    finish_suite core
    # The two web suites spend much of their time waiting on their databases, so they run side by side: each
    # has its own databases (uniquely named on the shared PostgreSQL and MariaDB servers) and temporary folders.
    start_suite web-sqlite tests/Sispmpi.Web.Tests/Sispmpi.Web.Tests.csproj SISPMPI_TEST_PROVIDER=sqlite
    start_suite web-postgres tests/Sispmpi.Web.Tests/Sispmpi.Web.Tests.csproj SISPMPI_TEST_PROVIDER=postgres
    finish_suite web-sqlite
    finish_suite web-postgres
    if [[ -f tests/Sispmpi.Browser.Tests/Sispmpi.Browser.Tests.csproj ]]; then
        start_suite browser tests/Sispmpi.Browser.Tests/Sispmpi.Browser.Tests.csproj
        finish_suite browser
    else
        report+=("browser: no project yet, not run")
    fi
fi

cleanup

# --- (d) summary --------------------------------------------------------------------------------------
section "Summary"
for line in "${report[@]}"; do
    echo "  $line"
done
# The failed tests by name, with the first line of their message, so that the tail of a CI log says which.
for trx in "$results"/*.trx; do
    [[ -f $trx ]] || continue
    python3 - "$trx" <<'PY' || true
import re, sys, html
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
suite = sys.argv[1].rsplit("/", 1)[-1].removesuffix(".trx")
for m in re.finditer(r'<UnitTestResult [^>]*?testName="([^"]*)"[^>]*?outcome="(?:Failed|Error|Timeout)"(.*?)</UnitTestResult>', text, re.S):
    msg = re.search(r"<Message>(.*?)</Message>", m.group(2), re.S)
    first = " ".join(html.unescape(msg.group(1)).split())[:400] if msg else ""
    print(f"  FAILED TEST [{suite}] {html.unescape(m.group(1))}: {first}")
PY
done
for step in "${failed_steps[@]}"; do
    echo "  FAILED: $step"
done
echo "  skipped: $total_skipped; wall time $((SECONDS - started)) s; TRX files in $results"
echo "$total_passed passed, $((total_failed + unexplained)) failed"
if ((${#failed_steps[@]} > 0 || total_failed > 0)); then
    exit 1
fi
