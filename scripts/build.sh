#!/usr/bin/env bash
# Configures and builds one preset (default: dev). Used by run.sh and test.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PRESET=${1:-dev}
cd "$ROOT"
cmake --preset "$PRESET" >/dev/null
cmake --build --preset "$PRESET"
