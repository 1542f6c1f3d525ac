#!/usr/bin/env bash
# Counts how often a Windows program of the build does not exit under Wine after its work (the exit
# hang): runs it N times, each with a timeout, in the Wine prefix of wine-run.sh, and prints one line
# per run (exit code, seconds) and "N runs: H hung" last. A run that hits the timeout is a hang.
#
#   exit-hang-loop.sh [-n RUNS] [-t SECONDS] PROGRAM.exe [ARGUMENTS...]
#
# Example: tests/windows/exit-hang-loop.sh -n 20 build/windows/gantryctl.exe --version
# Environment: WINEDEBUG as usual (default -all); WINEPREFIX (default: a private copy of the cached
# prefix of scripts/wineprefix.sh in /tmp, so that killing a hung session touches no one else's);
# GANTRY_HANG_BEFORE, a shell command run before each run (e.g. removing a build's output, so that
# every run does the same work); GANTRY_HANG_KEEP=1 leaves a hung process running for winedbg instead of killing it. The
# wineserver is waited for after each run, so every run starts a fresh Wine session (as each ctest
# test does).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
runs=20 limit=20
while getopts n:t: opt; do
    case $opt in
        n) runs=$OPTARG ;;
        t) limit=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: exit-hang-loop.sh [-n RUNS] [-t SECONDS] PROGRAM.exe [ARGS...]" >&2; exit 2; }

windows_path() { printf 'Z:%s' "${1//\//\\}"; }
if [ -z "${WINEPREFIX:-}" ]; then
    WINEPREFIX=/tmp/exit-hang-prefix-$(id -u)
    [ -f "$WINEPREFIX/system.reg" ] || cp -a "$(bash "$ROOT/scripts/wineprefix.sh")" "$WINEPREFIX" || exit 1
fi
export WINEPREFIX WINEARCH=win64
export WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
sdk=${GANTRY_WINSDK:-$(bash "$ROOT/scripts/winsdk.sh" 2>/dev/null)}
export WINEPATH="$(windows_path "$sdk/bin")${WINEPATH:+;$WINEPATH}" QT_PLUGIN_PATH=$(windows_path "$sdk/plugins")
export LC_ALL=C.UTF-8
WINESERVER=/usr/lib/wine/wineserver

hung=0
for i in $(seq 1 "$runs"); do
    [ -n "${GANTRY_HANG_BEFORE:-}" ] && sh -c "$GANTRY_HANG_BEFORE"
    start=$(date +%s.%N)
    if [ -n "${GANTRY_HANG_KEEP:-}" ]; then
        wine "$@" >/tmp/exit-hang-loop.out 2>&1 &
        pid=$!
        for _ in $(seq 1 "$limit"); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        if kill -0 "$pid" 2>/dev/null; then
            echo "run $i: hung; left running (unix pid $pid); attach: wine winedbg, then 'info process'"
            exit 1
        fi
        wait "$pid"
        code=$?
    else
        timeout -s KILL "$limit" wine "$@" >/tmp/exit-hang-loop.out 2>&1
        code=$?
    fi
    secs=$(echo "$(date +%s.%N) - $start" | bc)
    if [ "$code" -eq 137 ] || [ "$code" -eq 124 ]; then
        hung=$((hung + 1))
        printf 'run %2d: HUNG (killed after %s s)\n' "$i" "$limit"
        "$WINESERVER" -k 2>/dev/null
    else
        printf 'run %2d: exit %d, %.1f s\n' "$i" "$code" "$secs"
    fi
    "$WINESERVER" -w 2>/dev/null
done
echo "$runs runs: $hung hung"
