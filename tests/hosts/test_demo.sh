#!/usr/bin/env bash
# `gantry --demo`: the app boots a local systemd server, registers it as "demo" with its host key
# pinned, gantryctl can log in and probe it on the same workspace, and when the app is told to
# quit (SIGTERM) the server is stopped and nothing of it is left.
#   test_demo.sh PATH/TO/gantry PATH/TO/gantryctl
set -u
GANTRY=$(realpath "$1")
GANTRYCTL=$(realpath "$2")
HOSTS="bash ${GANTRY_SOURCE_DIR:?run through ctest}/tests/hosts/testhost.sh"
T=$(mktemp -d /tmp/gantry-demo-test.XXXXXX)
FAILED=0
ok() { echo "PASS: $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL: $1"; }
cleanup() { [ -n "${APP:-}" ] && kill -9 "$APP" 2>/dev/null; $HOSTS down gantry-demo >/dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT

QT_QPA_PLATFORM=offscreen "$GANTRY" --demo --workspace "$T/ws" >"$T/app.log" 2>&1 &
APP=$!
for _ in $(seq 90); do
    "$GANTRYCTL" --workspace "$T/ws" server list 2>/dev/null | grep -q '^demo' && break
    sleep 1
done
"$GANTRYCTL" --workspace "$T/ws" server list | grep -q '^demo.*deploy@10\.231\.60\.2' && ok "demo server registered" || bad "no demo server: $(tail -3 "$T/app.log")"
"$GANTRYCTL" --workspace "$T/ws" server check demo >"$T/check" 2>&1 && grep -q "systemd, sudo without a password" "$T/check" &&
    ok "the pinned host key is the server's: login and probe work" || { bad "server check demo"; cat "$T/check"; }
kill -TERM "$APP"
for _ in $(seq 60); do kill -0 "$APP" 2>/dev/null || break; sleep 1; done
kill -0 "$APP" 2>/dev/null && bad "the app did not quit on SIGTERM" || ok "the app quit on SIGTERM"
APP=""
$HOSTS ip gantry-demo >/dev/null 2>&1 && bad "the demo server outlived the app" || ok "the demo server was stopped with the app"
[ "$FAILED" -eq 0 ]
