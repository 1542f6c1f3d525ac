#!/usr/bin/env bash
# gantry.exe --self-test under Wine with Xvfb: the Windows build opens its main window with every
# page, on the real windows platform plugin (qwindows), against a workspace of its own, and says
# "self-test passed". The workspace folder's name has a space and Chinese characters.
#
#   test_selftest.sh BUILD_DIR
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:?usage: test_selftest.sh BUILD_DIR}" && pwd)
T=$(mktemp -d /tmp/gantry-selftest.XXXXXX)
trap '/usr/lib/wine/wineserver -k 2>/dev/null; rm -rf "$T"' EXIT
# A prefix of its own: Wine ties a session's desktop to the display of the session's first program,
# and the core tests that share the cached prefix's session run without one.
cp -a "$(bash "$ROOT/scripts/wineprefix.sh")" "$T/prefix"
export WINEPREFIX=$T/prefix
workspace="$T/My 工作区"
mkdir -p "$workspace"
export LC_ALL=C.UTF-8 # Wine mangles non-ASCII paths in the C locale
out=$(cd "$BUILD" && timeout 120 xvfb-run -a bash "$ROOT/tests/windows/wine-run.sh" ./gantry.exe --self-test \
    --workspace "Z:${workspace//\//\\}" 2>&1)
code=$?
echo "$out" | tail -n 5
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "PASS $1"; else failed=$((failed + 1)); echo "FAIL $1"; fi; }
check "gantry.exe --self-test exits 0" '[ "$code" = 0 ]'
check "it says self-test passed" 'grep -q "self-test passed" <<<"$out"'
check "the workspace was made in the folder named on the command line" '[ -f "$workspace/workspace.db" ]'
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
