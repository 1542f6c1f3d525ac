#!/usr/bin/env bash
# Deploys, end to end, on a real host that has no systemd: PID 1 is supervisord, sshd one of its
# programs (testhost.sh up --manager supervisor). gantryctl finds supervisor by itself, and the
# whole deploy works as on systemd: program conf with bounded log files and the secret out of it,
# kill -9 restarted by supervisor, v2 then a rollback, a failing release rolled back by itself with
# the service's last log lines, and a service logging in a tight loop leaving its logs within bound.
#
#   test_supervisor.sh PATH/TO/gantryctl        (run inside tests/support/with-keyring.sh)
set -u
GANTRYCTL=$(realpath "$1")
SRC=${GANTRY_SOURCE_DIR:?run through ctest}
export GANTRY_HOSTS_DIR=${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts-supervisor}
HOSTS="bash $SRC/tests/hosts/testhost.sh"
T=$(mktemp -d /tmp/gantry-supervisor-test.XXXXXX)
SECRET='Sup3r-S3cret value $HOME #1'
cleanup() { $HOSTS down sv1 >/dev/null 2>&1; rm -rf "$T"; }
trap cleanup EXIT
. "$SRC/tests/hosts/checks.sh"
health() { on sv1 curl -s --max-time 5 "http://127.0.0.1:8080/healthz"; }
pidof_app() { on sv1 supervisorctl pid gantry-hello-gin; }
# supervisor holds a started program in STARTING for startsecs (1 s) before it is RUNNING.
running() { for _ in $(seq 20); do on sv1 supervisorctl status gantry-hello-gin | grep -q RUNNING && return 0; sleep 0.5; done; return 1; }

$HOSTS up sv1 66 --manager supervisor >/dev/null || { echo "the supervisor host did not boot"; exit 1; }
IP=$($HOSTS ip sv1)
KEY=$($HOSTS key)
[ "$(on sv1 cat /proc/1/comm)" = supervisord ] && ok "PID 1 is supervisord, not systemd" || bad "PID 1 is $(on sv1 cat /proc/1/comm)"

cp -r "$SRC/examples/hello-gin" "$T/hello-gin"
P="$T/hello-gin"
export GOFLAGS="$(bash "$SRC/scripts/go-offline-modfile.sh" "$P" "$T/stage" | tail -1)"
export GOPROXY=off XDG_CACHE_HOME="$T/cache"

expect "add the supervisor host" 0 "" -- G server add sv1 --host "$IP" --user deploy --key "$KEY" --accept-new-host-key
expect "server check: supervisor, no systemd" 0 "" -- G server check sv1 --json
json "d['supervisor'] and not d['systemd'] and d['serviceManager']=='auto'" && ok "probe: supervisor found, systemd not" || bad "check json: $(cat "$T/out")"
expect "pin sv1 to systemd" 0 "" -- G server edit sv1 --service-manager systemd --no-check
expect "a deploy with systemd pinned is refused" 1 "set to use systemd, but systemd does not run there" -- G deploy "$P" --server sv1 --profile prod --version 0.9.0
grep -q -- "--service-manager auto" "$T/err" && ok "the refusal names the way out" || bad "no way out named"
on sv1 test ! -e /etc/supervisor/conf.d/gantry-hello-gin.conf && ok "the refused deploy changed no service" || bad "a conf was written"
expect "back to automatic" 0 "" -- G server edit sv1 --service-manager auto --no-check
expect "profile" 0 "" -- G profile set "$P" prod GREETING=hello DEMO_LOG_ENDPOINT=1 --setting startGraceSecs=15 --setting log_max_mb=1 --setting log_backups=2
expect "secret from stdin" 0 "" -- sh -c "printf '%s' '$SECRET' | \"$GANTRYCTL\" --workspace \"$T/ws\" profile set \"$P\" prod --secret API_TOKEN"

expect "deploy v1" 0 "" -- G deploy "$P" --server sv1 --profile prod --version 1.0.0 --json
json "d['success'] and d['hosts'][0]['success']" && ok "deploy v1 succeeded" || bad "deploy json"
running && ok "supervisor runs gantry-hello-gin" || bad "not RUNNING: $(on sv1 supervisorctl status gantry-hello-gin)"
health sv1 | grep -q 1.0.0 && ok "/healthz serves 1.0.0" || bad "/healthz: $(health)"
CONF=$(on sv1 cat /etc/supervisor/conf.d/gantry-hello-gin.conf)
missing=""
for want in "user=hello-gin" "directory=/opt/gantry/hello-gin/current" "autorestart=unexpected" "stopsignal=TERM" \
    "stopasgroup=true" "killasgroup=true" "stdout_logfile=/opt/gantry/hello-gin/shared/logs/hello-gin.log" \
    "stdout_logfile_maxbytes=1MB" "stdout_logfile_backups=2"; do
    grep -qxF "$want" <<<"$CONF" || missing="$missing $want"
done
[ -z "$missing" ] && ok "program conf as the profile says" || bad "conf lacks$missing"
grep -qF "Sup3r" <<<"$CONF" && bad "the secret is in the world-readable conf" || ok "the secret is not in the conf"
[ "$(on sv1 stat -c '%a %U' /opt/gantry/hello-gin/shared/hello-gin.env.sh)" = "600 hello-gin" ] && ok "env file for the wrapper 0600, owned by hello-gin" || bad "env.sh mode/owner"
PID=$(pidof_app)
on sv1 cat /proc/$PID/environ | tr '\0' '\n' | grep -qxF "API_TOKEN=$SECRET" && ok "the secret reached the process byte for byte" || bad "API_TOKEN in the environment"
[ "$(on sv1 stat -c %U /proc/$PID)" = hello-gin ] && ok "runs as hello-gin" || bad "runs as $(on sv1 stat -c %U /proc/$PID)"
on sv1 cat /proc/$PID/cmdline | tr '\0' ' ' | grep -q Sup3r && bad "the secret is on a command line" || ok "the secret is on no command line"

# --- kill -9: supervisor restarts it ---
# A PID of 0 would make kill signal the whole process group of this test (and of ctest).
[ "${PID:-0}" -gt 1 ] && on sv1 kill -9 "$PID"
for _ in $(seq 30); do NEW=$(pidof_app); [ -n "$NEW" ] && [ "$NEW" != 0 ] && [ "$NEW" != "$PID" ] && break; sleep 0.5; done
[ "$NEW" != "$PID" ] && [ "$NEW" != 0 ] && ok "kill -9: supervisor started it again (pid $PID -> $NEW)" || bad "kill -9: not restarted"
for _ in $(seq 20); do health | grep -q 1.0.0 && break; sleep 0.5; done
health | grep -q 1.0.0 && ok "kill -9: serving again" || bad "kill -9: not serving"
running
expect "status" 0 "" -- G status "$P" --server sv1 --json
json "d['servers'][0]['activeState']=='active' and d['servers'][0]['restarts']>=1 and d['servers'][0]['healthStatus']==200" && ok "status: active, healthy, the restart counted" || { bad "status json"; cat "$T/out"; }

# --- v2, then a rollback ---
expect "deploy v2" 0 "" -- G deploy "$P" --server sv1 --profile prod --version 2.0.0
health | grep -q 2.0.0 && ok "v2 serves" || bad "v2: $(health)"
expect "rollback" 0 "1\.0\.0" -- G rollback "$P" --server sv1
health | grep -q 1.0.0 && ok "after rollback v1 serves" || bad "after rollback: $(health)"
expect "releases" 0 "" -- G releases "$P" --server sv1 --json
json "any(r['version']=='2.0.0' and r['bad'] for r in d['releases'])" && ok "the release rolled back from is marked bad" || bad "v2 not marked bad"

# --- a failing release is rolled back by itself ---
expect "profile: a PORT the service cannot use" 0 "" -- G profile set "$P" prod PORT=notaport --setting startGraceSecs=6
expect "failing release is rolled back" 1 "could not restart|did not become healthy" -- G deploy "$P" --server sv1 --profile prod --version 3.0.0
grep -qE "invalid PORT|notaport" "$T/err" && ok "the report carries the service's last log lines" || bad "no log lines in the report"
health | grep -q 1.0.0 && ok "the previous version keeps serving" || bad "after the failed deploy: $(health)"
expect "profile: PORT removed" 0 "" -- G profile unset "$P" prod PORT

# --- bounded logs: a service logging in a tight loop stays within 1 MB x (2 + 1) ---
on sv1 python3 - <<'PY'
import http.client, time
c = http.client.HTTPConnection("127.0.0.1", 8080)
end = time.time() + 25
while time.time() < end:
    c.request("GET", "/log?level=info&msg=" + "x" * 900)
    c.getresponse().read()
PY
SIZE=$(on sv1 sh -c 'cat /opt/gantry/hello-gin/shared/logs/hello-gin.log* | wc -c')
FILES=$(on sv1 sh -c 'ls /opt/gantry/hello-gin/shared/logs/ | wc -l')
[ "$FILES" -ge 2 ] && ok "the log was rotated ($FILES files)" || bad "no rotation: $FILES file(s), $SIZE bytes"
[ "$SIZE" -le $((3 * 1024 * 1024 + 65536)) ] && ok "the logs stay within their bound ($SIZE bytes <= 3 MiB)" || bad "logs grew to $SIZE bytes"

echo "supervisor host: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
