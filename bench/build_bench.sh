#!/usr/bin/env bash
# Times a 4-target build of examples/hello-gin with gantryctl against the baseline named in the
# issue: a plain sequential shell loop of the same `go build` commands, in the same run.
#   cold:      empty GOCACHE for both (each gets its own fresh cache)
#   no-change: a second run of each with its cache warm
# Usage: bench/build_bench.sh [path/to/gantryctl]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GANTRYCTL=${1:-$ROOT/build/release/cli/gantryctl}
HELLO=$ROOT/examples/hello-gin
B=$(mktemp -d /tmp/gantry-bench.XXXXXX)
trap 'rm -rf "$B"' EXIT
TARGETS="linux/amd64 linux/arm64 windows/amd64 darwin/arm64"
VERSION=1.0.0
export GOFLAGS="$("$ROOT/scripts/go-offline-modfile.sh" "$HELLO" "$B/stage" 2>/dev/null | tail -1)"
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off CGO_ENABLED=0 XDG_CACHE_HOME="$B/xdg"
LDFLAGS="-s -w -X main.version=$VERSION -X main.commit=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo none) -X main.date=2026-01-01T00:00:00Z"

now() { date +%s.%N; }
loop() {
    for t in $TARGETS; do
        (cd "$HELLO" && GOOS=${t%/*} GOARCH=${t#*/} go build -trimpath -buildvcs=false -ldflags "$LDFLAGS" \
            -o "$B/loop/hello-gin_${t%/*}_${t#*/}" .)
    done
}
gantry() {
    local args=()
    for t in $TARGETS; do args+=(--target "$t"); done
    "$GANTRYCTL" build "$HELLO" "${args[@]}" --version "$VERSION" --out "$B/gantry" >/dev/null 2>&1
}
timed() { local s; s=$(now); "$@"; echo "$(now) - $s" | bc; }

GOCACHE=$B/cache-loop; export GOCACHE
loop_cold=$(timed loop)
loop_warm=$(timed loop)
GOCACHE=$B/cache-gantry; export GOCACHE
gantry_cold=$(timed gantry)
gantry_warm=$(timed gantry)

printf 'target set: %s\n' "$TARGETS"
printf '%-28s %8s s\n' "loop, cold (baseline)" "$loop_cold" "gantryctl, cold" "$gantry_cold" \
    "loop, no change" "$loop_warm" "gantryctl, no change" "$gantry_warm"
printf 'cold ratio gantryctl/loop: %.2f (goal <= 1.00)\n' "$(echo "$gantry_cold / $loop_cold" | bc -l)"
printf 'no-change rebuild, all 4 targets: %.2f s (goal <= 0.50 s)\n' "$gantry_warm"
