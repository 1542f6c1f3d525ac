#!/usr/bin/env bash
# README command 2: install what is missing, build, and run the whole test suite.
# Also proves core needs no QtGui: a second configuration with the GUI switched off builds
# core, gantryctl and core's tests.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
START=$(date +%s)
"$ROOT/scripts/install-deps.sh"

echo "== format check"
cmake --preset dev >/dev/null
cmake --build build/dev --target format-check

echo "== build (dev: warnings are errors)"
"$ROOT/scripts/build.sh" dev

echo "== build with the GUI off (core must not need QtGui)"
"$ROOT/scripts/build.sh" core-only
if grep -rlE 'Qt6?(Gui|Widgets)' build/core-only/core/CMakeFiles/gantry_core.dir/flags.make \
        build/core-only/build.ninja 2>/dev/null | grep -q .; then
    echo "core-only build references QtGui or QtWidgets" >&2
    exit 1
fi

echo "== tests"
cd build/dev
ctest --output-on-failure --timeout 900 -j2
echo "== suite took $(( $(date +%s) - START )) s"
