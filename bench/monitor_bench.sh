#!/usr/bin/env bash
# The monitor benches, each against its baseline in the same run:
#  (a) one status refresh of 100 units on 5 real systemd hosts (20 gantry-dummyNN.service sleep
#      units each): Gantry's one command per host (HostMonitor) against one `systemctl show` per
#      unit over the same kind of SSH session;
#  (b) 1 M generated journal-JSON lines parsed and classified (JournalEntryParser,
#      LogLevelClassifier) and kept as LogLines, against reading and splitting the same bytes:
#      time and RSS, then a level filter over the kept lines.
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
echo "== (b) ingest 1 M journal-JSON lines =="
"$TOOL" generate "$T/journal.jsonl" 1000000
base=$("$TOOL" ingest-baseline "$T/journal.jsonl")
gantry=$("$TOOL" ingest-gantry "$T/journal.jsonl")
echo "baseline (read + split): $base"
echo "gantry (parse + classify + keep): $gantry"
echo "time ratio gantry/baseline: $(ratio "$(field ms "$gantry")" "$(field ms "$base")")"
echo "CPU time ratio gantry/baseline: $(ratio "$(field cpu_ms "$gantry")" "$(field cpu_ms "$base")")"
echo "RSS ratio gantry/baseline: $(ratio "$(field rss_kib "$gantry")" "$(field rss_kib "$base")")"
echo "RSS / raw bytes: $(ratio "$(field rss_kib "$gantry") * 1024" "$(field bytes "$gantry")")"
echo "level filter over the kept lines: $(field filter_ms "$gantry") ms"
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
