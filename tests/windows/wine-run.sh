#!/usr/bin/env bash
# Runs a program of the Windows build under Wine, the way ctest runs the Windows tests
# (CMAKE_CROSSCOMPILING_EMULATOR): a private prefix (scripts/wineprefix.sh), the Windows SDK's DLLs
# and Qt plugins found through WINEPATH and QT_PLUGIN_PATH, and the program's exit code passed on.
#
#   wine-run.sh PROGRAM.exe [ARGUMENTS...]
#
# A QTest program (tst_*.exe) writes its log into a file that is printed afterwards: under Wine,
# QTest takes the pipe it writes to for a console and sends its log to OutputDebugString instead.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$(bash "$ROOT/scripts/wineprefix.sh")
sdk=${GANTRY_WINSDK:-$(bash "$ROOT/scripts/winsdk.sh" 2>/dev/null)}

# Wine maps the Linux root to drive Z:.
windows_path() { printf 'Z:%s' "${1//\//\\}"; }

export WINEPREFIX=$prefix WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
export WINEPATH="$(windows_path "$sdk/bin")${WINEPATH:+;$WINEPATH}"
export QT_PLUGIN_PATH=$(windows_path "$sdk/plugins")
program=$1
shift
case "$(basename "$program")" in
    tst_*.exe)
        log=$(mktemp --suffix=.txt)
        trap 'rm -f "$log"' EXIT
        code=0
        wine "$program" "$@" -o "$(windows_path "$log"),txt" || code=$?
        cat "$log"
        exit "$code"
        ;;
    *) exec wine "$program" "$@" ;;
esac
