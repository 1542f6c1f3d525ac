#!/usr/bin/env bash
# The Windows Go toolchain (scripts/wingo.sh) under Wine: go.exe builds the bundled example
# examples/hello-gin offline, against Debian's Gin sources, for windows/amd64 and linux/amd64; the
# Linux binary runs natively and the Windows one under Wine, and both answer /healthz on 127.0.0.1.
# Also a project folder whose path has a space and Chinese characters.
#
# Prints one PASS/FAIL line per check, timings as INFO lines, and "N passed, N failed" last; exits
# non-zero when a check failed. Needs golang-go, golang-github-gin-gonic-gin-dev, wine, wine64 and
# curl; the first run builds the toolchain (about 6 minutes) and the Wine prefix, later runs reuse
# them from ${GANTRY_CACHE:-/var/cache/gantry}.
set -u
SRC=${GANTRY_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d /tmp/wingo-test.XXXXXX)
PASSED=0
FAILED=0
PIDS=()
cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT

ok() { PASSED=$((PASSED + 1)); echo "PASS: $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL: $1"; [ -s "$T/err" ] && sed 's/^/    | /' "$T/err" | tail -15; }
info() { echo "INFO: $*"; }
finish() { echo "$PASSED passed, $FAILED failed"; [ "$FAILED" -eq 0 ]; exit; }
now() { date +%s.%N; }
since() { printf '%.2f' "$(echo "$(now) - $1" | bc)"; }
# winpath DIR: the Windows path of a Linux path on Wine's Z: drive (Z: maps /).
winpath() { printf 'Z:%s' "${1//\//\\}"; }
export LC_ALL=C.UTF-8 # Wine converts file names with the locale's charset

# --- the toolchain and the prefix ---
t0=$(now)
if TREE=$(bash "$SRC/scripts/wingo.sh" 2>"$T/err") && [ -f "$TREE/bin/go.exe" ]; then
    ok "wingo.sh prints a tree with bin/go.exe ($TREE, $(since "$t0") s)"
else
    bad "wingo.sh"
    finish
fi
if PREFIX=$(bash "$SRC/scripts/wineprefix.sh" 2>"$T/err") && [ -f "$PREFIX/system.reg" ]; then
    ok "wineprefix.sh prints a prefix ($PREFIX)"
else
    bad "wineprefix.sh"
    finish
fi
info "toolchain size $(du -sh "$TREE" | cut -f1)"

WTREE=$(winpath "$TREE")
mkdir -p "$T/gocache" "$T/gopath" "$T/out"
export WINEPREFIX=$PREFIX WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
# What gantryctl.exe would get: GOROOT and PATH (WINEPATH is prepended to Wine's PATH; the Unix
# PATH is not passed on) as Windows paths, and writable GOCACHE/GOPATH.
export GOROOT=$WTREE WINEPATH="$WTREE\\bin"
export GOCACHE=$(winpath "$T/gocache") GOPATH=$(winpath "$T/gopath")
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off GO111MODULE=on GOSUMDB=off CGO_ENABLED=0
unset GOOS GOARCH GOFLAGS GOBIN GOEXPERIMENT
# wgo_path ARGS...: go found through PATH by cmd.exe (simple arguments only: cmd re-parses them).
# wgo_direct ARGS...: go.exe started directly, as gantryctl.exe starts the go it found on PATH.
wgo_path() { wine cmd /c go "$@"; }
wgo_direct() { wine "$TREE/bin/go.exe" "$@"; }

if out=$(wgo_direct version 2>"$T/err" | tr -d '\r') && [[ $out == "go version go1.19"*" windows/amd64" ]]; then
    ok "wine go.exe version: $out"
else
    bad "wine go.exe version printed '$out'"
fi
if out=$(wgo_path env GOROOT 2>"$T/err" | tr -d '\r') && [ "$out" = "$WTREE" ]; then
    ok "go found on PATH (WINEPATH), go env GOROOT is $out"
else
    bad "go env GOROOT printed '$out', wanted $WTREE"
fi
# Without GOROOT, go.exe takes the parent of its bin folder. (With the current drive Z: it spells
# it without the drive, as the Linux path baked in at build time; set GOROOT to get Z:\...)
if out=$(cd "$PREFIX/drive_c" && env -u GOROOT wine "$TREE/bin/go.exe" env GOROOT 2>"$T/err" | tr -d '\r') &&
    [ "$out" = "$WTREE" ]; then
    ok "without GOROOT, go.exe finds its tree itself"
else
    bad "without GOROOT (working folder C:\\), go env GOROOT printed '$out'"
fi
if wgo_direct tool dist list -json >"$T/ports" 2>"$T/err" && grep -q '"GOOS": "windows"' "$T/ports"; then
    ok "go tool dist list -json (Gantry lists the ports with it)"
else
    bad "go tool dist list -json"
fi

# --- offline staging: the Linux script writes the go.mod, its paths become Windows paths ---
# stage_for PROJECT STAGE: a staging go.mod for PROJECT whose replacement folders are Z:\ paths;
# prints the GOFLAGS value (Windows path of the modfile).
stage_for() {
    # Linux go runs here: it must not see the Windows GOROOT, GOPATH, GOCACHE.
    env -u GOROOT -u GOPATH -u GOCACHE -u CGO_ENABLED \
        bash "$SRC/scripts/go-offline-modfile.sh" "$1" "$2" >/dev/null 2>"$T/err" || return 1
    awk '{
        for (i = 1; i < NF; i++)
            if ($i == "=>" && substr($(i + 1), 1, 1) == "/") { p = $(i + 1); gsub("/", "\\", p); $(i + 1) = "Z:" p }
        print
    }' "$2/go.mod" >"$2/go.mod.win" && mv "$2/go.mod.win" "$2/go.mod" || return 1
    printf -- '-mod=mod -modfile=%s' "$(winpath "$2/go.mod")"
}

HELLO=$SRC/examples/hello-gin
if FLAGS=$(stage_for "$HELLO" "$T/stage") && grep -q '=> Z:\\usr\\share\\gocode\\src\\github.com\\gin-gonic\\gin' "$T/stage/go.mod"; then
    ok "staging go.mod with Windows paths ($FLAGS)"
else
    bad "staging go.mod"
    finish
fi

# build NAME GOOS OUT_LINUX_PATH: go build like Gantry's (-trimpath -buildvcs=false) in the cwd.
build() {
    local t
    t=$(now)
    if GOOS=$2 GOARCH=amd64 GOFLAGS=$FLAGS wgo_direct build -trimpath -buildvcs=false \
        -ldflags "-s -w -X main.version=1.2.3" -o "$(winpath "$3")" . >"$T/out.log" 2>"$T/err"; then
        LAST=$(since "$t")
        return 0
    fi
    cat "$T/out.log" >>"$T/err"
    return 1
}

cd "$HELLO" || finish
for goos in windows linux; do
    exe=$T/out/hello-gin-$goos
    [ "$goos" = windows ] && exe=$exe.exe
    want="ELF 64-bit"
    [ "$goos" = windows ] && want="PE32\+ executable.*x86-64"
    if build hello "$goos" "$exe" && file "$exe" | grep -qE "$want"; then
        ok "hello-gin for $goos/amd64 built under Wine (cold ${LAST} s, $(du -h "$exe" | cut -f1))"
    else
        bad "hello-gin for $goos/amd64 under Wine"
        continue
    fi
    if build hello "$goos" "$exe" && [ -f "$exe" ]; then
        ok "hello-gin for $goos/amd64 built again, nothing changed (warm ${LAST} s)"
    else
        bad "hello-gin for $goos/amd64 warm build"
    fi
    rm -f "$exe"
    if build hello "$goos" "$exe" && [ -f "$exe" ]; then
        ok "hello-gin for $goos/amd64 linked again after deleting the binary (${LAST} s)"
    else
        bad "hello-gin for $goos/amd64 relink"
    fi
done
# go version -m (Gantry reads build info back with it): go.exe on Windows only reads files whose
# name ends in .exe; for any other name it prints "not executable file" and still exits 0.
out=$(wgo_direct version -m "$(winpath "$T/out/hello-gin-linux")" 2>&1 | tr -d '\r')
info "go version -m on a name without .exe: '$out' (exit 0)"
cp "$T/out/hello-gin-linux" "$T/out/hello-gin-linux.exe"
if out=$(wgo_direct version -m "$(winpath "$T/out/hello-gin-linux.exe")" 2>"$T/err" | tr -d '\r') &&
    grep -q '=>.*Z:\\usr\\share\\gocode\\src\\github.com\\gin-gonic\\gin' <<<"$out" && grep -q 'GOOS=linux' <<<"$out"; then
    ok "go version -m (on a .exe copy of the Linux binary) reads the Debian replacements back"
else
    bad "go version -m: $out"
fi
rm -f "$T/out/hello-gin-linux.exe"
cd "$T" || finish

# --- run both and hit /healthz ---
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# serve NAME COMMAND...: starts the server on a free port, waits up to 30 s for /healthz, stops it
# with SIGINT (Wine turns it into Ctrl+C for a console program).
SERVED=0
serve() {
    local name=$1 port pid i body="" log
    shift
    port=$(free_port)
    SERVED=$((SERVED + 1))
    log=$T/serve-$SERVED.log
    HOST=127.0.0.1 PORT=$port "$@" >"$log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    for i in $(seq 1 60); do
        body=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null) && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if [[ $body == *'"status":"ok"'*'"version":"1.2.3"'* ]]; then
        ok "$name answers /healthz on 127.0.0.1:$port: $body"
    else
        cp "$log" "$T/err"
        bad "$name did not answer /healthz on 127.0.0.1:$port (got '$body')"
    fi
    kill -INT "$pid" 2>/dev/null
    for i in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null
        info "$name ignored SIGINT, killed"
    fi
    wait "$pid" 2>/dev/null
    if grep -q 'msg="stopped"' "$log"; then
        info "$name shut down gracefully on SIGINT"
    fi
    if ! curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
        ok "$name stopped"
    else
        bad "$name still answers after being stopped"
    fi
}
if [ -f "$T/out/hello-gin-linux" ]; then
    chmod +x "$T/out/hello-gin-linux"
    serve "linux hello-gin (native)" "$T/out/hello-gin-linux"
fi
if [ -f "$T/out/hello-gin-windows.exe" ]; then
    serve "windows hello-gin.exe (Wine)" wine "$T/out/hello-gin-windows.exe"
fi

# --- a project folder with a space and Chinese characters in its path ---
ODD="$T/x/My 项目/hello-gin"
mkdir -p "$(dirname "$ODD")"
cp -r "$HELLO" "$ODD"
if FLAGS=$(stage_for "$ODD" "$T/stage2"); then
    cd "$ODD" || finish
    for goos in windows linux; do
        exe="$T/x/My 项目/out/hello-gin-$goos"
        [ "$goos" = windows ] && exe=$exe.exe
        if build odd "$goos" "$exe" && [ -s "$exe" ]; then
            ok "project in '$ODD' built for $goos/amd64 (output there too, ${LAST} s)"
        else
            bad "project in '$ODD' for $goos/amd64"
        fi
    done
    cd "$T" || finish
    if [ -f "$T/x/My 项目/out/hello-gin-windows.exe" ]; then
        serve "windows hello-gin.exe from '$T/x/My 项目/out' (Wine)" wine "$T/x/My 项目/out/hello-gin-windows.exe"
    fi
else
    bad "staging go.mod for '$ODD'"
fi

finish
