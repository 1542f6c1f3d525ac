#!/usr/bin/env bash
# The monitor benches, each against its baseline in the same run:
#  (a) one status refresh of 100 units on 5 real systemd hosts (20 gantry-dummyNN.service sleep
#      units each): Gantry's one command per host (HostMonitor) against one `systemctl show` per
#      unit over the same kind of SSH session;
#  (b) 1 M generated journal-JSON lines (raw bytes: the file) against reading and splitting the
#      same bytes (ingest-baseline): into the Logs page's LogModel and its filter proxy, in
#      LogStream's batches from a reader thread (ingest-model), and parsed and classified alone
#      (ingest-gantry); wall time, CPU time, RSS and peak RSS per raw byte, the proxy's level filter
#      (Warning and above) over the million lines. Each mode runs MONITOR_BENCH_RUNS times (3),
#      interleaved, and the medians are printed with their ratios to the baseline's.
#   monitor_bench.sh PATH/TO/monitor_tool     (as root; boots and removes its own hosts b1..b5)
set -eu
TOOL=$(realpath "$1")
SRC=$(cd "$(dirname "$0")/.." && pwd)
export GANTRY_HOSTS_DIR=${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts-bench}
HOSTS="bash $SRC/tests/hosts/testhost.sh"
T=$(mktemp -d /tmp/gantry-monitor-bench.XXXXXX)
NAMES="b1 b2 b3 b4 b5"
cleanup() { for h in $NAMES; do $HOSTS down $h >/dev/null 2>&1; done; rm -rf "$T"; }
trap cleanup EXIT
ratio() { python3 -c "print(f'{$1 / max($2, 1e-9):.2f}')"; }
field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

if [ "${MONITOR_BENCH_ONLY:-}" != status ]; then
LINES=${MONITOR_BENCH_LINES:-1000000}
RUNS=${MONITOR_BENCH_RUNS:-3}
echo "== (b) ingest $LINES journal-JSON lines, medians of $RUNS runs =="
"$TOOL" generate "$T/journal.jsonl" "$LINES"
for run in $(seq "$RUNS"); do
    for mode in baseline gantry model; do
        "$TOOL" "ingest-$mode" "$T/journal.jsonl" >>"$T/$mode.txt"
    done
done
python3 - "$T" <<'PY'
import statistics, sys
def runs(mode):
    rows = []
    for line in open(f"{sys.argv[1]}/{mode}.txt"):
        rows.append({k: float(v) for k, v in (w.split("=") for w in line.split())})
    return rows
def median(rows, key):
    return statistics.median(r[key] for r in rows)
base = runs("baseline")
raw = median(base, "bytes")
print(f"raw bytes: {raw:.0f} ({median(base, 'lines'):.0f} lines)")
for mode, title in (("baseline", "baseline (read + split, keep the lines)"),
                    ("gantry", "gantry (parse + classify, keep the LogLines)"),
                    ("model", "model (LogStream batches into LogModel + LogFilterProxyModel)")):
    rows = runs(mode)
    ms, cpu = median(rows, "ms"), median(rows, "cpu_ms")
    rss, peak = median(rows, "rss_kib") * 1024, median(rows, "peak_rss_kib") * 1024
    each = ", ".join("%.0f" % r["ms"] for r in rows)
    line = (f"{title}:\n  time {ms:.0f} ms (runs {each}), "
            f"CPU {cpu:.0f} ms, RSS {rss / raw:.2f} x raw bytes (peak {peak / raw:.2f} x)")
    if "filter_ms" in rows[0] and mode != "baseline":
        line += f", level filter {median(rows, 'filter_ms'):.0f} ms"
    if mode != "baseline":
        line += (f"\n  against the baseline: time {ms / max(median(base, 'ms'), 1):.2f}, "
                 f"CPU {cpu / max(median(base, 'cpu_ms'), 1):.2f}, RSS {rss / max(median(base, 'rss_kib') * 1024, 1):.2f}")
    print(line)
model = runs("model")
print(f"model: {median(model, 'warn_and_above'):.0f} lines Warning and above, "
      f"{median(model, 'batches'):.0f} batches, {median(model, 'skipped'):.0f} skipped; "
      f"showing every level took {median(model, 'filter_all_ms'):.0f} ms")
goals = ((median(model, "ms") <= 2000 * median(model, "lines") / 1e6, "time <= 2 s per 1 M lines"),
         (median(model, "peak_rss_kib") * 1024 <= 2.5 * raw, "peak RSS <= 2.5 x raw bytes"),
         (median(model, "filter_ms") <= 100, "level filter <= 100 ms"))
print("goals: " + "; ".join(f"{text} {'met' if ok else 'MISSED'}" for ok, text in goals))
PY
fi
[ "${MONITOR_BENCH_ONLY:-}" = ingest ] && exit 0

echo "== (a) one status refresh, 5 hosts x 20 units =="
i=35
for h in $NAMES; do $HOSTS up $h $i >/dev/null & i=$((i + 1)); done
wait
IPS=""
for h in $NAMES; do
    $HOSTS exec $h -- sh -c 'for n in $(seq -w 1 20); do
        printf "[Service]\nExecStart=/bin/sleep infinity\n[Install]\nWantedBy=multi-user.target\n" >/etc/systemd/system/gantry-dummy$n.service
    done; systemctl daemon-reload; systemctl start $(seq -f "gantry-dummy%02g.service" 1 20)'
    IPS="$IPS $($HOSTS ip $h)"
done
out=$("$TOOL" status "$($HOSTS key)" $IPS)
echo "$out"
echo "commands per host: gantry $(field max_commands_per_host "$out"), baseline $(( $(field baseline_commands "$out") / 5 ))"
echo "cycle ratio gantry/baseline: $(ratio "$(field gantry_ms "$out")" "$(field baseline_ms "$out")")"
