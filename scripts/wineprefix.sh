#!/usr/bin/env bash
# Makes a private 64-bit Wine prefix ready and prints its path on stdout (messages on stderr).
# Idempotent and cached: a prefix with its .gantry-complete marker is reused as it is.
#
#   WINEPREFIX     the prefix to use (created when missing); default
#                  ${GANTRY_CACHE:-/var/cache/gantry}/wineprefix-<wine version>-<script hash>
#
# Run Windows programs in it with the same settings:
#   WINEPREFIX=<printed path> WINEARCH=win64 WINEDEBUG=-all \
#   WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml=" wine prog.exe
# winemenubuilder off: no menu entries in ~/.local and ~/.config/menus; mscoree and mshtml off: no
# prompts for Mono and Gecko. Wine insists that the prefix belongs to the user running it.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${GANTRY_CACHE:-/var/cache/gantry}
WINESERVER=/usr/lib/wine/wineserver

log() { echo "wineprefix: $*" >&2; }

command -v wine >/dev/null 2>&1 || { log "wine not found (install wine wine64: scripts/install-deps.sh)"; exit 1; }
if [ -n "${WINEPREFIX:-}" ]; then
    prefix=$WINEPREFIX
else
    # `wine --version` alone also warns about the missing wine32 on stderr; only the version is kept.
    wine_version=$(wine --version 2>/dev/null | tr -d '\r' | sed 's/^wine-//; s/[ (].*//')
    script_sha=$(sha256sum "$ROOT/scripts/wineprefix.sh" | cut -d' ' -f1)
    prefix=$CACHE/wineprefix-${wine_version:-unknown}-${script_sha:0:12}
fi
case "$prefix" in
    /*) ;;
    *) log "WINEPREFIX must be an absolute path: $prefix"; exit 1 ;;
esac
marker=$prefix/.gantry-complete

if [ -f "$marker" ] && [ -f "$prefix/system.reg" ]; then
    echo "$prefix"
    exit 0
fi

mkdir -p "$(dirname "$prefix")"
exec 9>"$prefix.lock"
flock 9
if [ -f "$marker" ] && [ -f "$prefix/system.reg" ]; then
    echo "$prefix"
    exit 0
fi
log "creating the Wine prefix $prefix"
start=$(date +%s)
export WINEPREFIX=$prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
# A half-made prefix (interrupted wineboot) is started over.
if [ -d "$prefix" ] && [ ! -f "$marker" ]; then
    "$WINESERVER" -k 2>/dev/null || true
    rm -rf "$prefix"
fi
wine wineboot --init >/dev/null 2>&1 9>&- || { log "wineboot --init failed in $prefix"; exit 1; }
"$WINESERVER" -w
[ -f "$prefix/system.reg" ] || { log "wineboot made no system.reg in $prefix"; exit 1; }
touch "$marker"
log "created $prefix in $(($(date +%s) - start)) s ($(du -sh "$prefix" | cut -f1))"
echo "$prefix"
