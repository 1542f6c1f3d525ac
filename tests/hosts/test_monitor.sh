#!/usr/bin/env bash
# The monitor, end to end, on two real systemd hosts (m1, m2; booted by the hosts/monitor-up
# fixture): deploys examples/hello-gin with gantryctl, then watches it with
# `gantryctl status --watch --json` (one remote command per server per refresh), kills it with
# kill -9 (the restart shows within one interval), makes its health check fail (shown, and one
# alert in `gantryctl events`), follows its log (a line written by the service shows within 1 s;
# a line of invalid UTF-8 shows and crashes nothing), and watches an unreachable server next to
# a reachable one (a clear state, no hang, the other server unaffected).
#
#   test_monitor.sh PATH/TO/gantryctl        (run inside tests/support/with-keyring.sh)
set -u
GANTRYCTL=$(realpath "$1")
SRC=${GANTRY_SOURCE_DIR:?run through ctest}
HOSTS="bash $SRC/tests/hosts/testhost.sh"
T=$(mktemp -d /tmp/gantry-monitor-test.XXXXXX)
BGS=()
cleanup() {
    ip netns exec gantry-34 ip link set host0 up 2>/dev/null
    for p in "${BGS[@]}"; do kill -9 "$p" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT

. "$SRC/tests/hosts/checks.sh"
py() { python3 -c "$1"; }
now() { date +%s.%N; }
# wait_for SECONDS COMMAND...: poll every 50 ms until the command succeeds
wait_for() {
    local end
    end=$(py "print($(now) + $1)")
    shift
    until "$@" >/dev/null 2>&1; do
        py "import sys; sys.exit(0 if $(now) < $end else 1)" || return 1
        sleep 0.05
    done
}
# The watch's JSON lines for one server, as a Python list.
lines_of() { py "import json; print(json.dumps([l for l in (json.loads(x) for x in open('$T/watch.jsonl') if x.strip()) if l['server']=='$1']))"; }

IP1=$($HOSTS ip m1) && IP2=$($HOSTS ip m2) || { echo "the hosts/monitor-up fixture did not boot m1 and m2"; exit 1; }
KEY=$($HOSTS key)
for h in m1 m2; do
    on $h sh -c 'systemctl disable --now gantry-hello-gin.service 2>/dev/null; rm -rf /opt/gantry /etc/systemd/system/gantry-hello-gin.service; systemctl daemon-reload; userdel hello-gin 2>/dev/null; true'
done

cp -r "$SRC/examples/hello-gin" "$T/hello-gin"
P="$T/hello-gin"
export GOFLAGS="$(bash "$SRC/scripts/go-offline-modfile.sh" "$P" "$T/stage" | tail -1)"
export GOPROXY=off XDG_CACHE_HOME="$T/cache"

for h in m1 m2; do
    FP=$(on $h ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk '{print $2}')
    expect "add $h" 0 "" -- G server add $h --host "$($HOSTS ip $h)" --user deploy --key "$KEY" --trust-host-key "$FP"
done
expect "profile: health switch, log endpoint, quick restarts" 0 "" -- G profile set "$P" prod \
    HEALTH_FAIL_FILE=/opt/gantry/hello-gin/shared/fail-health DEMO_LOG_ENDPOINT=1 --setting restartSecs=1
expect "deploy 1.0.0 to m1 and m2" 0 "" -- G deploy "$P" --server m1 --server m2 --profile prod --version 1.0.0

# --- single shot: the shape test_deploy.sh relies on ---
expect "status (single shot)" 0 "" -- G status "$P" --server m1 --json
py "import json,sys; d=json.load(open('$T/out'))['servers'][0]; sys.exit(0 if d['activeState']=='active' and d['healthStatus']==200 and d['version']=='1.0.0' else 1)" \
    && ok "status: active, healthy, 1.0.0" || bad "status json: $(cat "$T/out")"

# --- watch: one command per refresh, everything a dashboard shows ---
MEM=$(on m1 systemctl show -p MemoryCurrent --value gantry-hello-gin.service)
"$GANTRYCTL" --workspace "$T/ws" status "$P" --server m1 --server m2 --watch --json --interval 1 >"$T/watch.jsonl" 2>"$T/watch.err" &
BGS+=($!); WATCH=$!
wait_for 20 py "import json,sys; l=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip()]; sys.exit(0 if len([x for x in l if x['server']=='m1'])>=3 and any(x['server']=='m2' for x in l) else 1)" \
    && ok "watch: refreshes of m1 and m2" || bad "watch printed: $(head -c 600 "$T/watch.jsonl"; cat "$T/watch.err")"
py "
import json,sys
l=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip()]
bad=[x for x in l if x['remoteCommands']!=1]
sys.exit(1 if bad or not l else 0)" && ok "watch: exactly one remote command per refresh" || bad "remote commands per refresh"
py "
import json,sys
x=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip() and json.loads(x)['server']=='m1'][-1]
u=x['units'][0]
first=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip() and json.loads(x)['server']=='m1'][0]
# Without cgroup accounting (these containers) systemd says [not set]: then the main process's
# own memory and CPU time stand in (usageOfMainProcess), else the unit's.
accounting='$MEM' != '[not set]'
ok=x['state']=='online' and u['unit']=='gantry-hello-gin.service' and u['activeState']=='active' and u['version']=='1.0.0' \
  and u['release']>=1 and u['healthStatus']==200 and u['healthLatencyMs']>=0 and u['uptimeMs']>=0 \
  and (u['memoryBytes'] or 0)>0 and u['cpuPercent'] is not None and u['usageOfMainProcess']==(not accounting) \
  and first['journalBytes']>0 and first['journalFsUsePercent']>0 and (x['journalBytes'] or 0)>0
sys.exit(0 if ok else 1)" && ok "watch: state, version, uptime, CPU, memory, health latency, journal size (first and latest refresh)" || bad "watch snapshot: $(tail -n 1 "$T/watch.jsonl")"

# --- kill -9: the restart shows within one interval of systemd's restart ---
before=$(on m1 systemctl show -p NRestarts --value gantry-hello-gin.service)
PID=$(on m1 systemctl show -p MainPID --value gantry-hello-gin.service)
lines_before=$(wc -l <"$T/watch.jsonl")
on m1 kill -9 "$PID"
killed=$(now)
# The first refresh that shows the restart must come at most one interval (1 s) after systemd
# started the new process, plus that refresh's own cycle: the new process's uptime tells.
if wait_for 15 py "
import json,sys
l=[json.loads(x) for x in open('$T/watch.jsonl').readlines()[$lines_before:] if x.strip()]
sys.exit(0 if any(x['server']=='m1' and x['units'] and x['units'][0]['restarts']>$before and x['units'][0]['activeState']=='active' for x in l) else 1)"; then
    read -r up cycle < <(py "
import json
l=[json.loads(x) for x in open('$T/watch.jsonl').readlines()[$lines_before:] if x.strip()]
x=[x for x in l if x['server']=='m1' and x['units'] and x['units'][0]['restarts']>$before][0]
print(x['units'][0]['uptimeMs'], x['cycleMs'])")
    [ "$up" -le $((1000 + cycle + 1000)) ] && ok "kill -9: restart shown ${up} ms after the new process started (interval 1000 ms, refresh ${cycle} ms, start time to the second)" \
        || bad "kill -9: restart shown only ${up} ms after the new process started"
else
    bad "kill -9: the watch never showed the restart"
fi

# --- health failing: the state shows it, and one alert ---
on m1 touch /opt/gantry/hello-gin/shared/fail-health
wait_for 15 py "
import json,sys
l=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip()][-3:]
sys.exit(0 if any(x['server']=='m1' and x['units'] and x['units'][0]['healthStatus']==503 for x in l) else 1)" \
    && ok "health failing: the watch shows HTTP 503" || bad "health failing not shown"
wait_for 15 grep -q "ALERT: .*health check" "$T/watch.err" && ok "health failing: an alert on stderr" || bad "no health alert: $(cat "$T/watch.err")"
sleep 4 # more failing refreshes: still one alert
expect "events --json" 0 "" -- G events --json
py "
import json,sys
e=[x for x in json.load(open('$T/out'))['events'] if x['kind']=='health-failing' and x['server']=='m1']
sys.exit(0 if len(e)==1 and e[0]['unit']=='gantry-hello-gin.service' else 1)" && ok "health failing: exactly one alert in events" || bad "health alerts: $(cat "$T/out")"
on m1 rm -f /opt/gantry/hello-gin/shared/fail-health
wait_for 10 grep -q "recovered: .*passes its health check" "$T/watch.err" && ok "health back: a recovery on stderr" || bad "no recovery"
# The watch stores the event before it prints it; give another process's read a few tries.
wait_for 10 sh -c "\"$GANTRYCTL\" --workspace \"$T/ws\" events --json >\"$T/out\" 2>\"$T/err\" && grep -q '\"health-ok\"' \"$T/out\""
rc=$?
grep -q '"health-ok"' "$T/out" && ok "health back: a recovery event in events" || bad "no recovery event (events exit $rc): $(tail -n 8 "$T/watch.err")"
expect "events (text)" 0 "health-failing" -- G events
kill -INT $WATCH
wait_for 5 sh -c "! kill -0 $WATCH" && ok "watch: Ctrl+C ends it" || bad "watch did not end on Ctrl+C"

# --- logs: a line written by the service shows within 1 s; invalid UTF-8 shows, no crash ---
# Each line gets the time it arrived here: the latency is arrival minus the journal's receive time.
"$GANTRYCTL" --workspace "$T/ws" logs "$P" --server m1 --follow --json 2>"$T/follow.err" |
    while IFS= read -r line; do printf '%s\t%s\n' "$(date +%s.%N)" "$line"; done >"$T/follow.jsonl" &
sleep 0.2
FOLLOW=$(pgrep -f "^$GANTRYCTL --workspace $T/ws logs") || FOLLOW=0
BGS+=($FOLLOW)
wait_for 15 test -s "$T/follow.jsonl" && ok "logs --follow: the last lines first" || bad "logs --follow printed nothing: $(cat "$T/follow.err")"
sleep 1
MARK="monitor-mark-$RANDOM$RANDOM"
start=$(now)
on m1 curl -s "http://127.0.0.1:8080/log?level=warn&msg=$MARK" >/dev/null
if wait_for 5 grep -q "$MARK" "$T/follow.jsonl"; then
    took=$(py "
import json,datetime
t,l=[x.split('\t',1) for x in open('$T/follow.jsonl') if '$MARK' in x][0]
e=datetime.datetime.fromisoformat(json.loads(l)['time'].replace('Z','+00:00')).timestamp()
print(round(float(t)-e,3))")
    total=$(py "print(round($(now) - $start, 2))")
    py "import sys; sys.exit(0 if $took < 1.0 else 1)" && ok "logs --follow: the service's line after ${took} s (journal to screen; ${total} s from the request)" || bad "logs --follow: the line took ${took} s"
    py "
import json,sys
l=[json.loads(x.split('\t',1)[1]) for x in open('$T/follow.jsonl') if '$MARK' in x][0]
sys.exit(0 if l['level']=='Warning' and l['unit']=='gantry-hello-gin.service' and l['server']=='m1' else 1)" \
        && ok "logs: level read from the line (warn), unit and server" || bad "logs line: $(grep "$MARK" "$T/follow.jsonl")"
else
    bad "logs --follow: the service's line never came"
fi
on m1 curl -s "http://127.0.0.1:8080/log?raw=%FF%FE%20bad-utf8-$MARK%C3%28" >/dev/null
wait_for 5 grep -q "bad-utf8-$MARK" "$T/follow.jsonl" && ok "logs: a line of invalid UTF-8 shows" || bad "invalid UTF-8 line missing: $(cat "$T/follow.err")"
kill -0 $FOLLOW && ok "logs: still following after invalid UTF-8" || bad "logs --follow died"
kill -INT $FOLLOW
wait_for 5 sh -c "! kill -0 $FOLLOW" && ok "logs --follow: Ctrl+C ends it" || bad "logs --follow did not end"
wait_for 5 sh -c "! $HOSTS exec m1 -- pgrep -f 'journalctl --unit=' " && ok "logs: no journalctl left on the server" \
    || bad "journalctl still runs on m1: $($HOSTS exec m1 -- pgrep -af journalctl)"
expect "logs --level error --grep: filtered" 0 "" -- G logs "$P" --server m1 --level error --grep "$MARK"
[ ! -s "$T/out" ] && ok "logs: warn line left out by --level error" || bad "level filter: $(cat "$T/out")"
expect "logs --level warn --since 5m --grep" 0 "$MARK" -- G logs "$P" --server m1 --level warn --since 5m --grep "$MARK"
expect "logs: a bad level is a usage error" 2 "not a log level" -- G logs "$P" --server m1 --level loud

# --- an unreachable server next to a reachable one: m2 drops off its network (connects time out) ---
ip netns exec gantry-34 ip link set host0 down
start=$(now)
timeout -s INT 40 "$GANTRYCTL" --workspace "$T/ws" status "$P" --server m1 --server m2 --watch --json --interval 1 --count 3 \
    >"$T/watch.jsonl" 2>"$T/watch.err"
took=$(py "print(round($(now) - $start, 1))")
ip netns exec gantry-34 ip link set host0 up
py "
import json,sys
l=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip()]
n=[x for x in l if x['server']=='m2']
m=[x for x in l if x['server']=='m1']
first_m2=l.index(n[0]) if n else 0
sys.exit(0 if n and all(x['state']=='unreachable' and x['error']['message'] for x in n) and len(m)>=3 else 1)" \
    && ok "unreachable: a clear state with the reason, m1 kept refreshing (${took} s)" || bad "unreachable: $(cat "$T/watch.jsonl" "$T/watch.err" | head -c 1500)"
py "
import json,sys
l=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip()]
m=[i for i,x in enumerate(l) if x['server']=='m1']
n=[i for i,x in enumerate(l) if x['server']=='m2']
sys.exit(0 if len(m)>=2 and m[1] < n[0] else 1)" && ok "unreachable: m1 refreshed twice while m2's first connect timed out" || bad "m1 waited for m2: $(py "import json; print([(json.loads(x)['server'], json.loads(x)['cycleMs']) for x in open('$T/watch.jsonl') if x.strip()])")"
grep -q "ALERT: m2 cannot be reached" "$T/watch.err" && ok "unreachable: an alert" || bad "no unreachable alert: $(cat "$T/watch.err")"
py "
import json,sys
n=[json.loads(x) for x in open('$T/watch.jsonl') if x.strip() and json.loads(x)['server']=='m2']
sys.exit(0 if n and n[0]['nextRefreshMs']>=1000 and n[0]['failures']==1 else 1)" && ok "unreachable: retried with backoff" || bad "no backoff"
expect "m2 reachable again" 0 "active" -- G status "$P" --server m2

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
