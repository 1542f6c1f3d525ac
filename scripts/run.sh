#!/usr/bin/env bash
# README command 1: install what is missing, build, build the bundled example with gantryctl,
# and start the app on it (when there is a display).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/install-deps.sh"
"$ROOT/scripts/build.sh" release

# This machine has no Go module proxy: build the example against Debian's Gin sources
# through a staging go.mod (the example itself is left untouched).
STAGE="$ROOT/build/offline/hello-gin"
export GOFLAGS="$("$ROOT/scripts/go-offline-modfile.sh" "$ROOT/examples/hello-gin" "$STAGE" 2>/dev/null | tail -1)"
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off

echo "== gantryctl build examples/hello-gin"
SUMMARY=$("$ROOT/build/release/cli/gantryctl" build "$ROOT/examples/hello-gin" \
    --target linux/amd64 --target windows/amd64 --json)
OUT=$(printf '%s' "$SUMMARY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["output_dir"])')
echo "== checksums of $OUT"
(cd "$OUT" && sha256sum -c checksums.txt)
"$OUT"/hello-gin_*_linux_amd64 --version

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    DEMO=()
    # With the container tools (root, systemd-nspawn) a local demo server is booted to deploy to.
    if [ "$(id -u)" -eq 0 ] && command -v systemd-nspawn >/dev/null; then DEMO=(--demo); fi
    echo "== starting Gantry on examples/hello-gin ${DEMO[*]}"
    exec "$ROOT/build/release/app/gantry" "${DEMO[@]}" "$ROOT/examples/hello-gin"
else
    echo "== no display: run build/release/app/gantry examples/hello-gin on a desktop to open the app"
fi
