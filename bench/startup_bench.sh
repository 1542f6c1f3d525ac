#!/usr/bin/env bash
# The desktop app's start and idle cost under Xvfb (issue goals: a usable window within 0.5 s of
# the start, and about 0 % CPU when nothing runs):
#   - start to the first painted main window with a free event loop (the app reports the moment
#     when GANTRY_REPORT_READY is set), median of RUNS, with an empty workspace and with
#     examples/hello-gin opened;
#   - CPU used by the idle app over 30 s (after 10 s to settle), hello-gin open, no servers.
# Usage: bench/startup_bench.sh [path/to/gantry] [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GANTRY=$(realpath "${1:-$ROOT/build/release/app/gantry}")
RUNS=${2:-7}
T=$(mktemp -d /tmp/gantry-startup-bench.XXXXXX)
export DISPLAY=:${GANTRY_BENCH_DISPLAY:-95} QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$T/config
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
XVFB=$!
cleanup() { kill $XVFB 2>/dev/null || true; rm -rf "$T"; }
trap cleanup EXIT
sleep 1
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

start_ms() { # start_ms ARGS...: ms from exec to the ready report
    local before after
    before=$(date +%s%3N)
    GANTRY_REPORT_READY=quit "$GANTRY" --workspace "$T/ws" "$@" 2>"$T/err" >/dev/null
    after=$(sed -n 's/^gantry-ready \([0-9]*\)$/\1/p' "$T/err")
    [ -n "$after" ] || { cat "$T/err"; exit 1; }
    echo $((after - before))
}

start_ms >/dev/null # creates the workspace; fonts and libraries into the page cache
empty=()
project=()
for _ in $(seq "$RUNS"); do
    empty+=("$(start_ms)")
    project+=("$(start_ms "$ROOT/examples/hello-gin")")
done
e=$(printf '%s\n' "${empty[@]}" | median)
p=$(printf '%s\n' "${project[@]}" | median)
echo "start to a usable window, median of $RUNS: empty workspace ${e} ms, hello-gin open ${p} ms (goal <= 500 ms)"
echo "  runs (empty): ${empty[*]}"
echo "  runs (hello-gin): ${project[*]}"

"$GANTRY" --workspace "$T/ws" "$ROOT/examples/hello-gin" >/dev/null 2>&1 &
APP=$!
sleep 10
ticks() { awk '{print $14 + $15}' "/proc/$APP/stat"; }
a=$(ticks)
sleep 30
b=$(ticks)
kill $APP
wait $APP 2>/dev/null || true
hz=$(getconf CLK_TCK)
echo "idle CPU over 30 s (hello-gin open, no servers): $(echo "scale=2; ($b - $a) * 100 / $hz / 30" | bc) % of one core ($((b - a)) ticks at $hz Hz; goal about 0 %)"
