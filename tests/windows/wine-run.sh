#!/usr/bin/env bash
# Runs a program of the Windows build under Wine, the way ctest runs the Windows tests
# (CMAKE_CROSSCOMPILING_EMULATOR): a private prefix (scripts/wineprefix.sh), the Windows SDK's DLLs
# and Qt plugins found through WINEPATH and QT_PLUGIN_PATH, and the program's exit code passed on.
#
#   wine-run.sh PROGRAM.exe [ARGUMENTS...]
#
# A QTest program (tst_*.exe) writes its log into a file that is printed afterwards: under Wine,
# QTest takes the pipe it writes to for a console and sends its log to OutputDebugString instead.
#
# For the tests that run Go (set by tests/CMakeLists.txt):
#   GANTRY_WINE_GO=1             the Windows Go toolchain (scripts/wingo.sh) on the program's PATH
#                                (WINEPATH) and as its GOROOT (a Z:\ path)
#   GANTRY_OFFLINE_PROJECTS      Linux paths of Go projects, ':' between them, and
#   GANTRY_OFFLINE_STAGES        a Linux folder: each project gets a staging go.mod for an offline
#                                build against Debian's Go sources (scripts/go-offline-modfile.sh,
#                                which needs bash and the Linux go, so it runs here, before Wine)
#                                in STAGES/<project folder name>/, its replacement folders written
#                                as Z:\ paths; the program finds them through
#                                GANTRY_TEST_OFFLINE_STAGES (tests/core/testsupport.cpp).
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
# Wine converts file names with the locale's charset: UTF-8, or a Chinese file name is lost.
export LC_ALL=C.UTF-8

if [ -n "${GANTRY_WINE_GO:-}" ]; then
    wingo=$(bash "$ROOT/scripts/wingo.sh")
    export GOROOT=$(windows_path "$wingo") WINEPATH="$(windows_path "$wingo/bin");$WINEPATH"
fi

# stage PROJECT STAGE: the staging go.mod of test_wingo.sh, with Z:\ replacement folders.
stage() {
    # The Linux go runs here: it must not see the Windows settings meant for the program.
    env -u GOROOT -u GOPATH -u GOCACHE -u GOFLAGS -u GOOS -u GOARCH -u CGO_ENABLED \
        bash "$ROOT/scripts/go-offline-modfile.sh" "$1" "$2" >/dev/null 2>"$2.log" ||
        { cat "$2.log" >&2; echo "wine-run.sh: go-offline-modfile.sh failed for $1" >&2; exit 1; }
    awk '{
        for (i = 1; i < NF; i++)
            if ($i == "=>" && substr($(i + 1), 1, 1) == "/") { p = $(i + 1); gsub("/", "\\", p); $(i + 1) = "Z:" p }
        print
    }' "$2/go.mod" >"$2/go.mod.win" && mv "$2/go.mod.win" "$2/go.mod"
}
if [ -n "${GANTRY_OFFLINE_PROJECTS:-}" ] && [ -n "${GANTRY_OFFLINE_STAGES:-}" ]; then
    IFS=: read -ra projects <<<"$GANTRY_OFFLINE_PROJECTS"
    for project in "${projects[@]}"; do
        mkdir -p "$GANTRY_OFFLINE_STAGES/$(basename "$project")"
        stage "$project" "$GANTRY_OFFLINE_STAGES/$(basename "$project")"
    done
    export GANTRY_TEST_OFFLINE_STAGES=$(windows_path "$GANTRY_OFFLINE_STAGES")
fi
program=$1
shift
case "$(basename "$program")" in
    tst_*.exe)
        log=$(mktemp --suffix=.txt)
        trap 'rm -f "$log"' EXIT
        wine "$program" "$@" -o "$(windows_path "$log"),txt" &
        pid=$!
        # A test program that finished its tests but does not exit is stopped after 30 s, its verdict
        # taken from its log and the hang reported. The exit hang this was for (issue 12, also in
        # gantryctl.exe) is fixed: core/common/regexjit_mingw.cpp; windows/thread_exit guards it.
        # A WARNING here is a new hang of that kind: tests/windows/exit-hang-loop.sh measures it.
        while kill -0 "$pid" 2>/dev/null && ! grep -q '^\*\*\*\*\*\*\*\*\* Finished testing' "$log" 2>/dev/null; do
            sleep 1
        done
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null
            wait "$pid" 2>/dev/null
            cat "$log"
            echo "WARNING: $(basename "$program") finished its tests but did not exit within 30 s under Wine (the known exit hang); its verdict comes from its log"
            grep -qE '^Totals: [0-9]+ passed, 0 failed' "$log"
            exit
        fi
        code=0
        wait "$pid" || code=$?
        cat "$log"
        exit "$code"
        ;;
    *) exec wine "$program" "$@" ;;
esac
