#!/usr/bin/env bash
# Screenshots of the app in English and Simplified Chinese under Xvfb: the Build page on
# examples/hello-gin, before and after pressing Build (Alt+B). Output: build/screenshots/*.png
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GANTRY=${GANTRY:-$ROOT/build/dev/app/gantry}
OUT=$ROOT/build/screenshots
mkdir -p "$OUT"
export GOFLAGS="$("$ROOT/scripts/go-offline-modfile.sh" "$ROOT/examples/hello-gin" "$ROOT/build/offline/hello-gin" 2>/dev/null | tail -1)"
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off
shoot() {
    local lang=$1
    export DISPLAY=:97
    Xvfb :97 -screen 0 1100x720x24 >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    XDG_CACHE_HOME=$ROOT/build/screenshot-cache "$GANTRY" --lang "$lang" "$ROOT/examples/hello-gin" >/dev/null 2>&1 &
    local app=$!
    sleep 3
    import -window root "$OUT/build-page-$lang.png"
    WID=$(xdotool search --sync --onlyvisible --class gantry | head -1)
    xdotool windowfocus --sync "$WID" key --window "$WID" alt+b || true
    for _ in $(seq 1 120); do sleep 1; ls "$ROOT"/examples/hello-gin/dist/*/manifest.json >/dev/null 2>&1 && break; done
    sleep 1
    import -window root "$OUT/build-done-$lang.png"
    kill $app; wait $app 2>/dev/null || true
    kill $xvfb; wait $xvfb 2>/dev/null || true
    rm -rf "$ROOT"/examples/hello-gin/dist
}
shoot en
shoot zh_CN
ls -1 "$OUT"
