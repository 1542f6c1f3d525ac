#!/usr/bin/env bash
# Deploys, end to end, on two real systemd hosts with real sshd (booted by the hosts/up fixture):
# gantryctl server add (host key on the user's word), deploy to both in parallel as non-root users
# through sudo (NOPASSWD on d1, a password on d2), then checks over SSH what really runs there:
# unit active and hardened, env file 0600 owned by the service user, /healthz with the injected
# version; systemd restarts after kill -9; 0 bytes uploaded for an unchanged artifact; v2 then a
# rollback; a failing release rolled back automatically; a lock held by a running deploy; a deploy
# killed mid-upload and mid-unpack; a server out of disk space; a changed host key; a wrong
# password; an unreachable host; and the secret found nowhere but on the server.
#
#   test_deploy.sh PATH/TO/gantryctl        (run inside tests/support/with-keyring.sh)
set -u
GANTRYCTL=$(realpath "$1")
SRC=${GANTRY_SOURCE_DIR:?run through ctest}
HOSTS="bash $SRC/tests/hosts/testhost.sh"
T=$(mktemp -d /tmp/gantry-deploy-test.XXXXXX)
SECRET='Sup3r-S3cret value $HOME #1'
cleanup() {
    for h in d1 d2; do
        $HOSTS exec $h -- sh -c 'umount /opt/gantry/hello-gin/uploads 2>/dev/null; true' >/dev/null 2>&1
        tc qdisc del dev "$(veth $h)" root 2>/dev/null
    done
    [ -n "${BG:-}" ] && kill -9 "$BG" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT

. "$SRC/tests/hosts/checks.sh"
health() { on "$1" curl -s --max-time 5 "http://127.0.0.1:8080/healthz"; }
veth() { case $1 in d1) echo gantry31 ;; d2) echo gantry32 ;; esac; }

IP1=$($HOSTS ip d1) && IP2=$($HOSTS ip d2) || { echo "the hosts/up fixture did not boot d1 and d2"; exit 1; }
KEY=$($HOSTS key)
# Each run starts from servers without any Gantry deploy.
for h in d1 d2; do
    on $h sh -c 'systemctl disable --now gantry-hello-gin.service 2>/dev/null; rm -rf /opt/gantry /etc/systemd/system/gantry-hello-gin.service; systemctl daemon-reload; userdel hello-gin 2>/dev/null; true'
done

# The project: a copy of the example, built offline.
cp -r "$SRC/examples/hello-gin" "$T/hello-gin"
P="$T/hello-gin"
export GOFLAGS="$(bash "$SRC/scripts/go-offline-modfile.sh" "$P" "$T/stage" | tail -1)"
export GOPROXY=off XDG_CACHE_HOME="$T/cache"

# --- servers: the host key only on the user's word ---
FP1=$(on d1 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk '{print $2}')
expect "unknown host key refused, fingerprint shown" 1 "${FP1//+/\\+}" -- G server add d1 --host "$IP1" --user deploy --key "$KEY"
expect "wrong fingerprint refused" 1 "does not match" -- G server add d1 --host "$IP1" --user deploy --key "$KEY" --trust-host-key SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
expect "add d1, trusting its fingerprint" 0 "" -- G server add d1 --host "$IP1" --user deploy --key "$KEY" --trust-host-key "$FP1"
expect "add d2 (password sudo), accepting its new key" 0 "" -- \
    sh -c "printf 'gantry-test-pw' | \"$GANTRYCTL\" --workspace \"$T/ws\" server add d2 --host $IP2 --user deploypw --key $KEY --accept-new-host-key --password-stdin --remember-password"
expect "server list" 0 "d1.*$IP1" -- G server list
expect "server check d1: NOPASSWD sudo" 0 "sudo without a password" -- G server check d1
expect "server check d2: sudo with a password" 0 "sudo with a password" -- G server check d2 --json
json "d['arch']=='amd64' and d['systemd'] and d['os'].startswith('Debian')" && ok "probe: os, arch, systemd" || bad "probe json"

# --- the profile: a setting, a plain variable and a secret from stdin ---
expect "profile set" 0 "" -- G profile set "$P" prod GREETING=hello --setting startGraceSecs=15
expect "secret from stdin" 0 "" -- sh -c "printf '%s' '$SECRET' | \"$GANTRYCTL\" --workspace \"$T/ws\" profile set \"$P\" prod --secret API_TOKEN"

# --- dry run: the unit, the env diff and the plan, nothing touched ---
expect "dry run" 0 "NoNewPrivileges=yes" -- G deploy "$P" --server d1 --profile prod --version 1.0.0 --dry-run
grep -q "+ API_TOKEN=\*\*\*\*" "$T/out" "$T/err" && ok "dry run: secret masked in the env diff" || bad "dry run: env diff"
on d1 test ! -e /opt/gantry/hello-gin && ok "dry run touched nothing" || bad "dry run created /opt/gantry/hello-gin"

# --- v1 to both hosts in parallel ---
expect "deploy v1 to d1 and d2" 0 "" -- G deploy "$P" --server d1 --server d2 --profile prod --version 1.0.0 --json
json "d['success'] and len(d['hosts'])==2 and all(h['success'] for h in d['hosts'])" && ok "both hosts succeeded" || bad "deploy json"
for h in d1 d2; do
    [ "$(on $h systemctl is-active gantry-hello-gin.service)" = active ] && ok "$h: unit active" || bad "$h: unit not active"
    UNIT=$(on $h cat /etc/systemd/system/gantry-hello-gin.service)
    missing=""
    for want in "User=hello-gin" "NoNewPrivileges=yes" "ProtectSystem=strict" "PrivateTmp=yes" "ProtectHome=yes" \
        "ReadWritePaths=/opt/gantry/hello-gin/shared" "Restart=on-failure" "EnvironmentFile=/opt/gantry/hello-gin/shared/hello-gin.env" \
        "WorkingDirectory=/opt/gantry/hello-gin/current" "LimitNOFILE="; do
        grep -qF "$want" <<<"$UNIT" || missing="$missing $want"
    done
    grep -q "CAP_NET_BIND_SERVICE" <<<"$UNIT" && missing="$missing (capability for port 8080)"
    [ -z "$missing" ] && ok "$h: unit hardened" || bad "$h: unit lacks$missing"
    [ "$(on $h stat -c '%a %U' /opt/gantry/hello-gin/shared/hello-gin.env)" = "600 hello-gin" ] && ok "$h: env file 0600, owned by hello-gin" || bad "$h: env file mode/owner"
    health $h | grep -q '1\.0\.0' && ok "$h: /healthz serves 1.0.0" || bad "$h: /healthz: $(health $h)"
    PID=$(on $h systemctl show -p MainPID --value gantry-hello-gin.service)
    on $h cat /proc/$PID/environ | tr '\0' '\n' | grep -qxF "API_TOKEN=$SECRET" && ok "$h: the secret reached the process byte for byte" || bad "$h: API_TOKEN in the environment"
    [ "$(on $h stat -c %U /proc/$PID)" = hello-gin ] && ok "$h: runs as hello-gin" || bad "$h: runs as $(on $h stat -c %U /proc/$PID)"
done

# --- kill -9: systemd restarts it ---
PID=$(on d1 systemctl show -p MainPID --value gantry-hello-gin.service)
before=$(on d1 systemctl show -p NRestarts --value gantry-hello-gin.service)
# A PID of 0 would make kill signal the whole process group of this test (and of ctest).
[ "${PID:-0}" -gt 1 ] && on d1 kill -9 "$PID"
for _ in $(seq 40); do
    now=$(on d1 systemctl show -p NRestarts --value gantry-hello-gin.service)
    [ "$now" -gt "$before" ] && health d1 | grep -q 1.0.0 && break
    sleep 0.5
done
[ "$now" -gt "$before" ] && ok "kill -9: restarted (NRestarts $before -> $now)" || bad "kill -9: NRestarts stayed $now"
health d1 | grep -q 1.0.0 && ok "kill -9: serving again" || bad "kill -9: not serving"

# --- the same artifact again: nothing uploaded ---
# (from the finished build's folder, so no build check runs either)
expect "redeploy unchanged" 0 "" -- G deploy "$P" --server d1 --profile prod --artifacts "$P/dist/1.0.0" --json
json "d['hosts'][0]['uploadedBytes']==0" && ok "unchanged artifact: 0 bytes uploaded" || bad "uploaded $(python3 -c "import json; print(json.load(open('$T/out'))['hosts'][0]['uploadedBytes'])")"
cp -r "$P/dist/1.0.0" "$T/tampered" && printf x >>"$T/tampered/hello-gin_1.0.0_linux_amd64.tar.gz"
expect "a build folder whose archive changed is refused" 1 "not what the build made" -- G deploy "$P" --server d1 --profile prod --artifacts "$T/tampered"

# --- v2, then roll back ---
expect "deploy v2" 0 "" -- G deploy "$P" --server d1 --profile prod --version 2.0.0
health d1 | grep -q 2.0.0 && ok "v2 serves" || bad "v2: $(health d1)"
expect "releases" 0 "2\.0\.0" -- G releases "$P" --server d1 --json
json "any(r['current'] and r['version']=='2.0.0' for r in d['releases'])" && ok "releases: v2 current" || bad "releases json"
expect "rollback" 0 "1\.0\.0" -- G rollback "$P" --server d1
health d1 | grep -q 1.0.0 && ok "after rollback v1 serves" || bad "after rollback: $(health d1)"
expect "releases after rollback" 0 "" -- G releases "$P" --server d1 --json
json "any(r['version']=='2.0.0' and r['bad'] for r in d['releases'])" && ok "release rolled back from is marked bad" || bad "v2 not marked bad"
expect "status" 0 "active" -- G status "$P" --server d1 --json
json "d['servers'][0]['activeState']=='active' and d['servers'][0]['healthStatus']==200 and d['servers'][0]['version']=='1.0.0'" && ok "status: active, healthy, 1.0.0" || bad "status json"

# --- a release that fails its health check is rolled back by itself ---
expect "profile: a PORT the service cannot use" 0 "" -- G profile set "$P" prod PORT=notaport --setting startGraceSecs=6
expect "env diff shows the change" 0 "\+ PORT=notaport" -- G env diff "$P" --server d1 --profile prod
expect "failing release is rolled back" 1 "did not become healthy" -- G deploy "$P" --server d1 --profile prod --version 3.0.0
grep -qE "invalid PORT|notaport" "$T/err" && ok "the report carries the service's last log lines" || bad "no log lines in the report"
health d1 | grep -q 1.0.0 && ok "the previous version keeps serving" || bad "after failed deploy: $(health d1)"
expect "profile: PORT removed" 0 "" -- G profile unset "$P" prod PORT
expect "profile: grace back" 0 "" -- G profile set "$P" prod --setting startGraceSecs=15

# --- two deploys at once: the second names the holder ---
tc qdisc add dev "$(veth d1)" root tbf rate 6mbit burst 32kbit latency 500ms
"$GANTRYCTL" --workspace "$T/ws" deploy "$P" --server d1 --profile prod --version 4.0.0 >"$T/bg.out" 2>"$T/bg.err" &
BG=$!
for _ in $(seq 100); do grep -q "Upload" "$T/bg.err" 2>/dev/null && break; sleep 0.2; done
expect "a second deploy is refused and names the holder" 1 "being deployed to by .*@" -- G deploy "$P" --server d1 --profile prod --version 4.0.1
# --- killed mid-upload: nothing changes, the next deploy succeeds ---
kill -9 $BG; wait $BG 2>/dev/null; BG=""
tc qdisc del dev "$(veth d1)" root
health d1 | grep -q 1.0.0 && ok "killed mid-upload: v1 still serves" || bad "killed mid-upload: $(health d1)"
expect "next deploy takes over the stale lock and succeeds" 0 "stale lock" -- G deploy "$P" --server d1 --profile prod --version 4.0.0
health d1 | grep -q 4.0.0 && ok "v4 serves" || bad "v4: $(health d1)"

# --- killed mid-unpack ---
"$GANTRYCTL" --workspace "$T/ws" deploy "$P" --server d1 --profile prod --version 5.0.0 >"$T/bg.out" 2>"$T/bg.err" &
BG=$!
for _ in $(seq 300); do grep -q "Unpack" "$T/bg.err" 2>/dev/null && break; sleep 0.05; done
kill -9 $BG; wait $BG 2>/dev/null; BG=""
health d1 | grep -q 4.0.0 && ok "killed mid-unpack: v4 still serves" || bad "killed mid-unpack: $(health d1)"
on d1 test -x /opt/gantry/hello-gin/current/hello-gin && ok "current still points at a whole release" || bad "current is broken"
on d1 test ! -e "/opt/gantry/hello-gin/$(on d1 readlink /opt/gantry/hello-gin/current)/.incomplete" && ok "current is not an incomplete release" || bad "current is incomplete"
expect "next deploy after the kill succeeds" 0 "" -- G deploy "$P" --server d1 --profile prod --version 5.0.0
health d1 | grep -q 5.0.0 && ok "v5 serves" || bad "v5: $(health d1)"
[ -z "$(on d1 find /opt/gantry/hello-gin/releases -maxdepth 2 -name .incomplete)" ] && ok "leftovers cleaned up" || bad "an incomplete release is left"

# --- out of disk space: a clear error, the service untouched ---
on d1 sh -c 'mkdir -p /opt/gantry/hello-gin/uploads && mount -t tmpfs -o size=1m tmpfs /opt/gantry/hello-gin/uploads'
expect "no disk space: a clear error" 1 "disk space" -- G deploy "$P" --server d1 --profile prod --version 6.0.0
health d1 | grep -q 5.0.0 && ok "no disk space: v5 still serves" || bad "no disk space: $(health d1)"
on d1 umount /opt/gantry/hello-gin/uploads

# --- connection errors ---
expect "wrong password" 1 "refused the password" -- sh -c "printf 'not-the-password' | \"$GANTRYCTL\" --workspace \"$T/ws\" server add d2pw --host $IP2 --user deploypw --auth password --password-stdin --accept-new-host-key"
start=$(date +%s)
expect "unreachable host" 1 "reach|connect" -- G server add nowhere --host 10.231.199.2 --user deploy --key "$KEY" --accept-new-host-key --connect-timeout 3
[ $(($(date +%s) - start)) -lt 20 ] && ok "unreachable: answered within the timeout" || bad "unreachable took too long"
on d2 sh -c 'rm -f /etc/ssh/ssh_host_*; ssh-keygen -A >/dev/null; systemctl restart ssh'
expect "changed host key refused" 1 "host key .*changed" -- G server check d2
expect "changed host key refused even with --accept-new-host-key" 1 "changed" -- G server check d2 --accept-new-host-key

# --- the secret is nowhere but on the server ---
found=$(grep -rlaF -- "$SECRET" "$T/ws" "$T/all-output" "${XDG_DATA_HOME:-$HOME/.local/share}" "${XDG_CACHE_HOME}" 2>/dev/null | grep -v "/stage/" || true)
[ -z "$found" ] && ok "the secret is in no log, database or output" || bad "the secret leaked into: $found"
PID=$(on d1 systemctl show -p MainPID --value gantry-hello-gin.service)
on d1 cat /proc/$PID/environ | tr '\0' '\n' | grep -qxF "API_TOKEN=$SECRET" && ok "...and the running service still has it" || bad "secret missing on the server"
on d1 grep -qF 'API_TOKEN="Sup3r-S3cret value \$HOME #1"' /opt/gantry/hello-gin/shared/hello-gin.env && ok "...quoted for systemd in the env file" || bad "env file quoting"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
