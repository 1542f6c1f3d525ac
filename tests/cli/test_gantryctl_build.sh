#!/usr/bin/env bash
# gantryctl build, driven from a shell the way users and scripts drive it: exit codes,
# messages, JSON, output folders, real Go, real tmpfs mounts for unwritable and full disks.
set -u
GANTRYCTL=$(realpath "$1")
SRC=${GANTRY_SOURCE_DIR:?run through ctest}
T=$(mktemp -d /tmp/gantryctl-test.XXXXXX)
PASSED=0
FAILED=0
cleanup() {
    for m in "$T"/mnt/*; do mountpoint -q "$m" 2>/dev/null && umount "$m"; done
    rm -rf "$T"
}
trap cleanup EXIT

ok() { PASSED=$((PASSED + 1)); echo "PASS: $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL: $1"; [ -f "$T/err" ] && sed 's/^/    | /' "$T/err" | tail -15; }
# expect NAME CODE PATTERN -- command...: exit code and a pattern in stderr (or stdout)
expect() {
    local name=$1 code=$2 pattern=$3
    shift 4
    "$@" >"$T/out" 2>"$T/err"
    local got=$?
    if [ "$got" -ne "$code" ]; then bad "$name (exit $got, wanted $code)"; return; fi
    if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$T/err" "$T/out"; then bad "$name (no /$pattern/)"; return; fi
    ok "$name"
}
json() { python3 -c "import json,sys; d=json.load(open('$T/out')); sys.exit(0 if ($1) else 1)"; }

HELLO="$SRC/examples/hello-gin"
export GOFLAGS="$(bash "$SRC/scripts/go-offline-modfile.sh" "$HELLO" "$T/stage" | tail -1)"
export GOPROXY=off XDG_CACHE_HOME="$T/cache"
mkdir -p "$T/mnt"

# --- usage errors: exit 2 ---
expect "no command" 2 "Usage" -- "$GANTRYCTL"
expect "unknown command" 2 "Usage" -- "$GANTRYCTL" frobnicate
expect "build without a folder" 2 "PROJECT_DIR" -- "$GANTRYCTL" build
expect "unknown option" 2 "bogus" -- "$GANTRYCTL" build "$HELLO" --bogus
expect "malformed target" 2 "OS/ARCH" -- "$GANTRYCTL" build "$HELLO" --target linux
expect "bad --jobs" 2 "jobs" -- "$GANTRYCTL" build "$HELLO" --jobs 0
expect "malformed --env" 2 "KEY=VALUE" -- "$GANTRYCTL" build "$HELLO" --env NOEQUALS
expect "help" 0 "--target" -- "$GANTRYCTL" build --help

# --- the keychain: refused clearly without one, used with a real gnome-keyring ---
expect "no keychain is refused" 1 "No keychain is available" -- env -u DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent "$GANTRYCTL" keychain check
expect "keychain in a D-Bus session" 0 "keychain is available" -- bash "$SRC/tests/support/with-keyring.sh" "$GANTRYCTL" keychain check

# --- bad input: exit 1, a sentence with the fix, nothing written ---
expect "not a Go project" 1 "hint: Open the folder that holds go.mod" -- "$GANTRYCTL" build "$SRC/tests/fixtures/not-go" --out "$T/o1"
expect "malformed go.mod" 1 "go.mod:[0-9]+" -- "$GANTRYCTL" build "$SRC/tests/fixtures/bad-gomod" --out "$T/o1"
expect "toolchain too new" 1 "Install Go 1.22.4 or newer" -- "$GANTRYCTL" build "$SRC/tests/fixtures/new-toolchain" --out "$T/o1"
expect "unknown target" 1 "no such platform" -- "$GANTRYCTL" build "$HELLO" --target linux/z80 --out "$T/o1"
expect "wrong version variable" 1 "main.Version does not exist" -- "$GANTRYCTL" build "$HELLO" --version-var main.Version --out "$T/o1"
expect "go not installed" 1 "Go is not installed" -- \
    unshare -m sh -c "mount -t tmpfs tmpfs /usr/lib/go-1.19 && exec \"$GANTRYCTL\" build \"$HELLO\" --out \"$T/o1\""
expect "--env reaches go" 1 "mod" -- "$GANTRYCTL" build "$HELLO" --env GOFLAGS=-mod=bogus --target linux/amd64 --out "$T/o1"
expect "GOFLAGS reaches go" 1 "mod" -- env GOFLAGS="$GOFLAGS -mod=bogus" "$GANTRYCTL" build "$HELLO" --target linux/amd64 --out "$T/o1"
[ ! -e "$T/o1" ] && ok "failed builds left no output folder" || bad "failed builds left $T/o1"

mkdir -p "$T/mnt/ro" && mount -t tmpfs -o ro,size=1m tmpfs "$T/mnt/ro"
expect "read-only output folder" 1 "Cannot create the output folder" -- "$GANTRYCTL" build "$HELLO" --out "$T/mnt/ro/dist"
mkdir -p "$T/mnt/full" && mount -t tmpfs -o size=4m tmpfs "$T/mnt/full"
expect "full output disk" 1 "full" -- "$GANTRYCTL" build "$HELLO" --target linux/amd64 --out "$T/mnt/full/dist"
[ -z "$(ls -A "$T/mnt/full")" ] && ok "full disk left nothing behind" || bad "full disk left: $(ls -A "$T/mnt/full")"

# --- compile errors: structured diagnostics with absolute paths ---
expect "compile error" 1 "$SRC/tests/fixtures/compile-error/main.go:[0-9]+:[0-9]+: " -- \
    "$GANTRYCTL" build "$SRC/tests/fixtures/compile-error" --target linux/amd64 --out "$T/o2" --json
json "d['success'] is False and len(d['diagnostics']) >= 2 and d['diagnostics'][0]['kind'] == 'compile' and d['diagnostics'][0]['line'] > 0" \
    && ok "compile error JSON" || bad "compile error JSON"

# --- success: default output folder, JSON summary equals manifest.json ---
cp -r "$HELLO" "$T/hello" && rm -rf "$T/hello/dist"
expect "build hello-gin" 0 "\[linux/amd64 *\] done" -- "$GANTRYCTL" build "$T/hello" --version v1.4.0 --json
[ -f "$T/hello/dist/1.4.0/manifest.json" ] && ok "default output folder dist/1.4.0" || bad "no dist/1.4.0/manifest.json"
json "d['success'] and len(d['artifacts']) == 4 and {a['target'] for a in d['artifacts']} == {'linux/amd64','windows/amd64'}" \
    && ok "JSON summary lists 4 artifacts" || bad "JSON summary"
python3 - "$T/out" "$T/hello/dist/1.4.0/manifest.json" <<'PY' && ok "JSON summary matches manifest.json" || bad "JSON summary vs manifest"
import json, sys
summary, manifest = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for key in ("success", "warnings"):
    summary.pop(key)
sys.exit(0 if summary == manifest else 1)
PY
(cd "$T/hello/dist/1.4.0" && sha256sum -c --quiet checksums.txt) && ok "sha256sum -c checksums.txt" || bad "checksums"
"$T/hello/dist/1.4.0/hello-gin_1.4.0_linux_amd64" --version | grep -q "^hello-gin 1.4.0 " && ok "binary prints its version" \
    || bad "binary version"

# --- Ctrl+C cancels and kills the whole go tree ---
MARK="GANTRY_CLI_CANCEL_$$"
env "$MARK=1" GOCACHE="$T/cold" "$GANTRYCTL" build "$HELLO" --target linux/arm64 --target darwin/arm64 --out "$T/o3" >"$T/out" 2>"$T/err" &
PID=$!
for _ in $(seq 1 100); do grep -q building "$T/err" 2>/dev/null && break; sleep 0.1; done
sleep 2
kill -INT $PID
wait $PID
CODE=$?
sleep 0.5
LEFT=$(grep -l "$MARK" /proc/[0-9]*/environ 2>/dev/null | wc -l)
[ $CODE -eq 1 ] && grep -q "cancelled" "$T/err" && ok "Ctrl+C cancels (exit 1)" || bad "Ctrl+C (exit $CODE)"
[ "$LEFT" -eq 0 ] && ok "no go process left after cancel" || bad "$LEFT processes left after cancel"
[ ! -e "$T/o3" ] && ok "cancel left no output folder" || bad "cancel left $T/o3"

echo "gantryctl build: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
