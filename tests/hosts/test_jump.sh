#!/usr/bin/env bash
# ProxyJump end to end on two real systemd hosts of the hosts/jump-up fixture: jump-t's SSH is
# reachable only from jump-j (a private link, 10.233.61.0/24). gantryctl adds jump-t through
# jump-j (its host key pinned on the user's word, as for a direct server), checks it, deploys
# examples/hello-gin to it and reads its status and logs, all through jump-j; then the failures:
# edits of the way to t (a failed connect saves nothing), jump-j without TCP forwarding, a jump
# server removed while in use, jump-j falling silent under a log follow, a server jumping through
# itself or a missing one, a loop, jump-j's key unknown, and jump-j stopped (last: it stays off).
#
#   test_jump.sh PATH/TO/gantryctl        (run inside tests/support/with-keyring.sh)
set -u
GANTRYCTL=$(realpath "$1")
SRC=${GANTRY_SOURCE_DIR:?run through ctest}
export GANTRY_HOSTS_DIR=${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts-jump}
HOSTS="bash $SRC/tests/hosts/testhost.sh"
T=$(mktemp -d /tmp/gantry-jump-test.XXXXXX)
trap 'rm -rf "$T"' EXIT

. "$SRC/tests/hosts/checks.sh"

IPJ=$($HOSTS ip jump-j) || { echo "the hosts/jump-up fixture did not boot jump-j"; exit 1; }
$HOSTS ip jump-t >/dev/null || { echo "the hosts/jump-up fixture did not boot jump-t"; exit 1; }
IPT=10.233.61.2 # jump-t's SSH, on the link from jump-j only
KEY=$($HOSTS key)
FPJ=$(on jump-j ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk '{print $2}')
FPT=$(on jump-t ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk '{print $2}')
on jump-t sh -c 'systemctl disable --now gantry-hello-gin.service 2>/dev/null; rm -rf /opt/gantry /etc/systemd/system/gantry-hello-gin.service; systemctl daemon-reload; userdel hello-gin 2>/dev/null; true'
on jump-j rm -f /etc/ssh/sshd_config.d/00-no-forwarding.conf
on jump-j systemctl reload ssh

# --- the jump server, then the server behind it ---
expect "add jump-j directly" 0 "" -- G server add j --host "$IPJ" --user deploy --key "$KEY" --trust-host-key "$FPJ"
expect "jump-t's link address cannot be reached directly" 1 "reach|connect" -- G server add tdirect --host "$IPT" --user deploy --key "$KEY" --accept-new-host-key --connect-timeout 3
expect "jump-t's own address has no SSH" 1 "refused the connection" -- G server add tdirect --host "$($HOSTS ip jump-t)" --user deploy --key "$KEY" --accept-new-host-key --connect-timeout 3
expect "through j: jump-t's unknown key is refused, its fingerprint shown" 1 "${FPT//+/\\+}" -- G server add t --host "$IPT" --user deploy --key "$KEY" --jump j
expect "through j: a wrong fingerprint is refused" 1 "does not match" -- G server add t --host "$IPT" --user deploy --key "$KEY" --jump j --trust-host-key SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
expect "add t through j, trusting its fingerprint" 0 "via j" -- G server add t --host "$IPT" --user deploy --key "$KEY" --jump j --trust-host-key "$FPT"
grep -qF "$IPT" "$T/ws/known_hosts" && ok "t's key pinned in Gantry's known_hosts" || bad "t's key not in known_hosts"
expect "server list shows the jump" 0 "^t\s.*via j" -- G server list
expect "server list --json has jump" 0 "" -- G server list --json
json "[s['jump'] for s in d if s['name']=='t']==['j'] and [s['jump'] for s in d if s['name']=='j']==['']" && ok "json: t jumps through j, j connects directly" || bad "list json: $(cat "$T/out")"
expect "server check t through j" 0 "${FPT//+/\\+}" -- G server check t --json
json "d['jump']=='j' and d['arch']=='amd64' and d['systemd'] and d['os'].startswith('Debian')" && ok "check t: its facts, through j" || bad "check json: $(cat "$T/out")"
on jump-t journalctl -u ssh --no-pager -o cat | grep -qE "Accepted publickey for deploy from 10\.233\.61\.1 " && ok "jump-t's sshd saw the login come from jump-j" || bad "jump-t's sshd log: $(on jump-t journalctl -u ssh --no-pager -o cat | tail -3)"

# --- imported from an SSH config: ProxyJump becomes the jump server, ProxyCommand is refused ---
cat >"$T/ssh_config" <<CONFIG
Host imported-t
  HostName $IPT
  User deploy
  IdentityFile $KEY
  ProxyJump j
Host legacy-t
  HostName $IPT
  ProxyCommand ssh -W %h:%p j
CONFIG
expect "import: ProxyJump kept, ProxyCommand skipped with the reason" 0 "Skipped legacy-t: .*ProxyCommand" -- G server import "$T/ssh_config"
grep -qE "^imported-t\s.*via j" "$T/out" && ok "import: imported-t via j" || bad "import output: $(cat "$T/out")"
expect "the imported server connects through j" 0 "" -- G server check imported-t --trust-host-key "$FPT"

# --- deploy through j ---
cp -r "$SRC/examples/hello-gin" "$T/hello-gin"
P="$T/hello-gin"
export GOFLAGS="$(bash "$SRC/scripts/go-offline-modfile.sh" "$P" "$T/stage" | tail -1)"
export GOPROXY=off XDG_CACHE_HOME="$T/cache"
expect "profile set" 0 "" -- G profile set "$P" prod GREETING=through-the-bastion --setting startGraceSecs=15
expect "deploy v1 to t through j" 0 "" -- G deploy "$P" --server t --profile prod --version 1.0.0 --json
json "d['success'] and d['hosts'][0]['success']" && ok "deploy through j succeeded" || bad "deploy json: $(cat "$T/out")"
[ "$(on jump-t systemctl is-active gantry-hello-gin.service)" = active ] && ok "t: unit active under systemd" || bad "t: unit not active"
on jump-t curl -s --max-time 5 http://127.0.0.1:8080/healthz | grep -q 1.0.0 && ok "t: /healthz serves 1.0.0" || bad "t: /healthz"
local_sum=$(tar -xzOf "$P/dist/1.0.0/hello-gin_1.0.0_linux_amd64.tar.gz" hello-gin | sha256sum | cut -d' ' -f1)
remote_sum=$(on jump-t sha256sum /opt/gantry/hello-gin/current/hello-gin | cut -d' ' -f1)
[ -n "$local_sum" ] && [ "$local_sum" = "$remote_sum" ] && ok "t: the binary arrived byte for byte" || bad "binary sha256 $local_sum vs $remote_sum"
expect "status through j" 0 "" -- G status "$P" --server t --json
json "d['servers'][0]['activeState']=='active' and d['servers'][0]['healthStatus']==200" && ok "status: active and healthy" || bad "status json: $(cat "$T/out")"
expect "logs through j" 0 "." -- G logs "$P" --server t --lines 20
expect "releases through j" 0 "1\.0\.0" -- G releases "$P" --server t
expect "the monitor watches t through j" 0 "" -- G status "$P" --server t --watch --json --interval 0.5 --count 2
python3 -c "
import json,sys
l=[json.loads(x) for x in open('$T/out') if x.strip()]
u=l[-1]['units'][0] if l and l[-1].get('units') else {}
sys.exit(0 if len(l)==2 and l[-1]['state']=='online' and u.get('activeState')=='active' and u.get('healthStatus')==200 else 1)" \
    && ok "monitor: t online, unit active and healthy" || bad "watch: $(head -c 600 "$T/out")"

# --- two hops: j, then j again over the private link (j2), then t ---
expect "add j2 through j (a hop over j's private link)" 0 "via j" -- G server add j2 --host 10.233.61.1 --user deploy --key "$KEY" --jump j --trust-host-key "$FPJ"
expect "add t2 through j2: two tunnels, one in the other" 0 "via j2" -- G server add t2 --host "$IPT" --user deploy --key "$KEY" --jump j2 --json
json "d['jump']=='j2' and d['fingerprint']=='$FPT'" && ok "t2: t's facts and key, through j and j2" || bad "t2 json: $(cat "$T/out")"
expect "status of t2 through both hops" 0 "active" -- G status "$P" --server t2

# --- the chain is kept whole ---
expect "j cannot be removed while t uses it" 1 "t connect" -- G server remove j
expect "j2 cannot be removed while t2 uses it" 1 "t2 connect" -- G server remove j2
expect "a server cannot jump through itself" 1 "itself" -- G server add self --host "$IPJ" --user deploy --key "$KEY" --jump self --trust-host-key "$FPJ"
expect "a missing jump server is refused" 1 "no server named nowhere" -- G server add x --host "$IPT" --user deploy --key "$KEY" --jump nowhere
cat >"$T/loop.json" <<JSON
{ "format": "gantry-workspace", "version": 1, "servers": [
  { "name": "l1", "address": "10.0.0.1", "port": 22, "user": "deploy", "auth": "agent", "jump": "l2" },
  { "name": "l2", "address": "10.0.0.2", "port": 22, "user": "deploy", "auth": "agent", "jump": "l1" } ] }
JSON
expect "a loop in an imported workspace is refused" 1 "loop" -- G workspace import "$T/loop.json"
# --- edit: the way to a server changes; a failed connect changes nothing ---
expect "edit t to connect directly fails: nothing answers there" 1 "not changed.*--no-check" -- G server edit t --no-jump --connect-timeout 3
expect "and t still goes through j" 0 "^t\s.*via j" -- G server list
expect "edit t to connect directly, saved without connecting" 0 "Saved t .*without connecting" -- G server edit t --no-jump --no-check
expect "now j may be removed as far as t goes: only t2's hop j2 holds it" 1 "j2 connect" -- G server remove j
expect "t, direct, cannot be reached" 1 "" -- G server check t --connect-timeout 3
expect "edit t back through j: connected, its pinned key still good" 0 "via j" -- G server edit t --jump j --json
json "d['jump']=='j' and d['fingerprint']=='$FPT'" && ok "edit: t through j again, same key" || bad "edit json: $(cat "$T/out")"
expect "edit t to jump through itself is refused" 1 "itself" -- G server edit t --jump t
expect "edit j to jump through t (a loop) is refused" 1 "loop" -- G server edit j --jump t --no-check
expect "edit t to a wrong port: not saved" 1 "not changed" -- G server edit t --port 2222 --connect-timeout 3
expect "t keeps port 22" 0 "" -- G server list --json
json "[s['port'] for s in d if s['name']=='t']==[22]" && ok "edit: a failed edit left t as it was" || bad "list json: $(cat "$T/out")"
expect "edit t's user to deploypw: its sudo wants a password, none given, nothing saved" 1 "sudo password of deploypw" -- G server edit t --user deploypw
expect "edit t's user to deploypw with its sudo password" 0 "deploypw@" -- \
    sh -c "printf 'gantry-test-pw' | \"$GANTRYCTL\" --workspace \"$T/ws\" server edit t --user deploypw --password-stdin"
expect "and back to deploy" 0 "deploy@" -- G server edit t --user deploy
expect "edit of an unknown server" 1 "nowhere" -- G server edit nowhere --user x
expect "edit without a change is a usage error" 2 "what changes" -- G server edit t

expect "trust --forget still works through j" 0 "forgotten" -- G server trust t --forget
expect "then t's key is unknown again" 1 "${FPT//+/\\+}" -- G server check t
expect "and pinned again on the user's word" 0 "" -- G server check t --trust-host-key "$FPT"
expect "the jump server's key is checked too: forgotten" 0 "forgotten" -- G server trust j --forget
expect "j's unknown key refuses the way to t, fingerprint shown" 1 "Could not reach t through j: .*${FPJ//+/\\+}" -- G server check t
expect "j pinned again" 0 "" -- G server check j --trust-host-key "$FPJ"
expect "t through j again" 0 "" -- G server check t

# --- jump-j refuses TCP forwarding ---
on jump-j sh -c 'echo "AllowTcpForwarding no" > /etc/ssh/sshd_config.d/00-no-forwarding.conf && systemctl reload ssh'
sleep 0.5
expect "no forwarding on j: said so, with the fix" 1 "Could not reach t through j: j refused the forward \(administratively prohibited\)" -- G server check t
grep -q "AllowTcpForwarding on j" "$T/err" && ok "the hint names AllowTcpForwarding on j" || bad "hint"
on jump-j sh -c 'rm -f /etc/ssh/sshd_config.d/00-no-forwarding.conf && systemctl reload ssh'

# A log follow through j, started in the background: follow_start [ENV=VALUE...]
follow_start() {
    env "$@" "$GANTRYCTL" --workspace "$T/ws" logs "$P" --server t --follow >"$T/follow.out" 2>"$T/follow.err" &
    FOLLOW=$!
    for _ in $(seq 100); do [ -s "$T/follow.out" ] && break; sleep 0.1; done
    [ -s "$T/follow.out" ] && ok "a follow through j runs" || bad "the follow through j showed nothing in 10 s: $(cat "$T/follow.err")"
}
# follow_ends WHAT TENTHS: the follow ends by itself within TENTHS/10 s, failing with "...through j was lost".
follow_ends() {
    local what=$1 tenths=$2 start rc
    start=$(date +%s)
    for _ in $(seq "$tenths"); do kill -0 $FOLLOW 2>/dev/null || break; sleep 0.1; done
    if kill -0 $FOLLOW 2>/dev/null; then
        kill $FOLLOW; bad "$what: the follow through j went on"
        return
    fi
    wait $FOLLOW; rc=$?
    [ $rc -ne 0 ] && grep -q "connection to deploy@$IPT:22 through j was lost" "$T/follow.err" \
        && ok "$what: the follow through j ended after $(($(date +%s) - start)) s: $(head -1 "$T/follow.err")" \
        || bad "$what: exit $rc, $(cat "$T/follow.err")"
}

# --- jump-j vanishes without a word (its replies to us go nowhere: no reset, no error ever comes) ---
# Keep-alives every second; the third without an answer drops the connection (TCP_USER_TIMEOUT).
follow_start GANTRY_SSH_KEEPALIVE=1
ME=${IPJ%.*}.1
on jump-j ip route add blackhole "$ME/32"
follow_ends "j fell silent" 150
on jump-j ip route del blackhole "$ME/32"
expect "j answers again: t through j" 0 "" -- G server check t

# --- jump-j stopped (the machine powered off; its address stays, nothing answers there) ---
# A log follow through j is running when j goes: it ends at once with a sentence, not a hang.
follow_start
on jump-j systemctl poweroff >/dev/null 2>&1
follow_ends "j powered off" 100
# Until jump-j is gone (exec says 125); each try is bounded, as is the whole wait (30 s).
gone_by=$(($(date +%s) + 30))
while [ "$(date +%s)" -lt $gone_by ]; do
    timeout -k 1 3 $HOSTS exec jump-j -- true >/dev/null 2>&1
    [ $? -eq 125 ] && break
    sleep 0.2
done
start=$(date +%s)
expect "j stopped: a clear error" 1 "Could not reach t through j" -- G server check t --connect-timeout 5
took=$(($(date +%s) - start))
[ $took -lt 8 ] && ok "j stopped: answered within $took s" || bad "j stopped: took $took s"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
