#!/usr/bin/env bash
# windows/thread_exit: threadexitprobe.exe (worker threads that match a pattern and parse a journal
# line, then end) must exit after main() returns, every time. Before core/common/regexjit_mingw.cpp
# it hung at exit under Wine in 7 of 10 runs (the exit hang of gantryctl.exe). Runs it RUNS times
# (default 5) through wine-run.sh, each with a timeout; a run that hits it is a hang and fails.
#
#   test_threadexit.sh BUILD_DIR [RUNS]
set -u
BUILD=$(realpath "${1:?usage: test_threadexit.sh BUILD_DIR [RUNS]}")
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
PROBE=$BUILD/threadexitprobe.exe
[ -f "$PROBE" ] || { echo "FAIL: no $PROBE"; exit 1; }
failed=0
for i in $(seq 1 "$RUNS"); do
    start=$(date +%s.%N)
    out=$(timeout -s KILL 60 bash "$HERE/wine-run.sh" "$PROBE" 2>&1)
    code=$?
    secs=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
    line=$(grep -a 'threadexitprobe:' <<<"$out" | tr -d '\r')
    if [ "$code" -eq 137 ]; then
        echo "FAIL: run $i did not exit within 60 s: ${line:-no output}"
        failed=$((failed + 1))
    elif [ "$code" -ne 0 ]; then
        echo "FAIL: run $i exited $code: $out"
        failed=$((failed + 1))
    else
        echo "PASS: run $i exited in $secs s: $line"
    fi
done
echo "$((RUNS - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
