#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a real, unlocked gnome-keyring (the Secret
# Service QtKeychain talks to on Linux). Everything lives in a temporary folder that is removed
# afterwards; the user's own keyrings are never touched.
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-keyring: $tool is missing; run scripts/install-deps.sh" >&2; exit 1; }
done
TMP=$(mktemp -d /tmp/gantry-keyring.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export XDG_DATA_HOME="$TMP/data" XDG_CONFIG_HOME="$TMP/config" XDG_RUNTIME_DIR="$TMP/run" HOME="$TMP/home"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
# Not exec: the EXIT trap above must still run to remove $TMP (an exec'd shell runs no traps).
dbus-run-session -- bash -c '
    printf "gantry-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"
    code=$?
    pkill -u "$(id -u)" -f "gnome-keyring-daemon.*--components=secrets" -P $$ 2>/dev/null || true
    exit $code' with-keyring "$@"
