#!/usr/bin/env bash
# Screenshots of the Health and Logs pages with a real service, in English and Simplified
# Chinese, under Xvfb: a systemd test host is booted (tests/hosts/testhost.sh, index 57),
# examples/hello-gin is deployed to it with gantryctl, the service is made to log at several
# levels, then the app watches it. The host is always taken down again.
# Output: build/screenshots/{health,health-details,logs}-live-<lang>.png
# Usage: scripts/screenshots-live.sh [build dir]   (as root, like the host tests)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(realpath "${1:-$ROOT/build/dev}")
GANTRY=$BUILD/app/gantry
GANTRYCTL=$BUILD/cli/gantryctl
OUT=$ROOT/build/screenshots
TMP=$(mktemp -d /tmp/gantry-live-shots.XXXXXX)
export GANTRY_HOSTS_DIR=/tmp/gantry-hosts-shots
HOSTS="bash $ROOT/tests/hosts/testhost.sh"
cleanup() {
    $HOSTS down live1 >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$OUT"

cp -r "$ROOT/examples/hello-gin" "$TMP/hello-gin"
PROJECT=$TMP/hello-gin
export GOFLAGS="$("$ROOT/scripts/go-offline-modfile.sh" "$PROJECT" "$TMP/stage" 2>/dev/null | tail -1)"
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off XDG_CACHE_HOME=$TMP/cache
WS=$TMP/workspace
G() { "$GANTRYCTL" --workspace "$WS" "$@"; }

$HOSTS up live1 57 >/dev/null
IP=$($HOSTS ip live1)
KEY=$($HOSTS key)
G server add live1 --host "$IP" --user root --key "$KEY" --accept-new-host-key >/dev/null
G profile set "$PROJECT" prod DEMO_LOG_ENDPOINT=1 >/dev/null
G deploy "$PROJECT" --server live1 --profile prod --version 1.0.0 >/dev/null 2>&1
G deploy "$PROJECT" --server live1 --profile prod --version 1.1.0 >/dev/null 2>&1

# Lines at every level, through the service's own demo endpoint (reached through SSH, as Gantry does).
say() {
    local queries=""
    for q in "$@"; do queries+="'$q' "; done
    ssh -i "$KEY" -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -o LogLevel=ERROR root@"$IP" \
        "for q in $queries; do exec 3<>/dev/tcp/127.0.0.1/8080; printf 'GET /log?%s HTTP/1.0\r\n\r\n' \"\$q\" >&3; cat <&3 >/dev/null; done"
}
talk() {
    say "level=info&msg=order+10423+paid" "level=warn&msg=slow+query+table%3Dorders+1.8s" \
        "level=error&msg=payment+provider+timeout+order%3D10424" "level=warn&msg=cache+miss+rate+0.41" \
        "level=error&msg=database+connection+refused+db.internal%3A5432" "level=debug&msg=cache+warmed"
}
talk

keys() { xdotool windowfocus --sync "$WID" key --delay 80 "$@"; sleep 1; }
shot() { import -window "$WID" "$OUT/$1-$LANG_NAME.png"; }
shot_screen() { import -window root "$OUT/$1-$LANG_NAME.png"; }
# Keys for the window that has the focus (a dialog: the main window is blocked while it is open).
dialog_keys() { xdotool key --delay 80 "$@"; sleep 1; }

shoot() {
    LANG_NAME=$1
    export DISPLAY=:${GANTRY_SHOTS_DISPLAY:-96}
    Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
    local xvfb=$!
    sleep 1
    XDG_CONFIG_HOME=$TMP/config-$LANG_NAME "$GANTRY" --lang "$LANG_NAME" --workspace "$WS" "$PROJECT" \
        >/dev/null 2>&1 &
    local app=$!
    WID=$(xdotool search --sync --onlyvisible --class gantry | head -1)
    sleep 3
    keys ctrl+6
    # A few refreshes (5 s each) so the sparkline has points; the service is asked meanwhile.
    for _ in 1 2 3 4; do talk; sleep 5; done
    shot health-live # no row selected: the state colours and the sparkline show
    keys Tab Tab Tab Down
    keys alt+d
    sleep 2
    shot_screen health-details-live
    dialog_keys Escape
    keys alt+l # Open Logs: the Logs page streams the selected service
    sleep 4
    talk
    sleep 3
    shot logs-live
    kill $app
    wait $app 2>/dev/null || true
    kill $xvfb
    wait $xvfb 2>/dev/null || true
}

shoot en
shoot zh_CN
ls -1 "$OUT" | grep live
