#!/usr/bin/env bash
# Test of tests/hosts/testhost.sh: boots h1 (10.231.1.2) and h2 (10.231.2.2) in parallel,
# checks ssh/users/sudo/systemd/host keys/isolation/exec, tears both down and checks that
# nothing is left. Needs root. Prints "N passed, M failed"; exits non-zero on any failure.
set -uo pipefail

# Tear down on any exit (failure, Ctrl-C, kill) -- installed first thing.
declare -A PID
teardown() {
    local p
    [[ -n ${TH:-} ]] || return 0
    for p in "${PID[@]}"; do kill "$p" 2>/dev/null; done      # our own `up` jobs, if still booting
    wait "${PID[@]}" 2>/dev/null
    "$TH" down h1 >/dev/null 2>&1
    "$TH" down h2 >/dev/null 2>&1
    "$TH" down hx >/dev/null 2>&1
    [[ -n ${TMP:-} ]] && rm -rf "$TMP"
}
trap teardown EXIT
trap 'echo "interrupted"; exit 130' INT TERM

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TH=$HERE/testhost.sh
# Its own harness folder: its down-all must not stop hosts other tests booted in /tmp/gantry-hosts.
export GANTRY_HOSTS_DIR=/tmp/gantry-hosts-selftest
DIR=$GANTRY_HOSTS_DIR
HOSTS=(h1 h2)
declare -A IDX=([h1]=1 [h2]=2)

TMP=$(mktemp -d)
PASS=0 FAIL=0

ok()   { PASS=$((PASS + 1)); echo "ok   - $*"; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL - $*"; }
# check DESC CMD...: CMD must succeed
check() {
    local desc=$1; shift
    if "$@" >"$TMP/out" 2>&1; then ok "$desc"; else bad "$desc"; sed 's/^/       | /' "$TMP/out" | tail -n 20; fi
}
# check_eq DESC EXPECTED CMD...: CMD's stdout must equal EXPECTED
check_eq() {
    local desc=$1 want=$2 got; shift 2
    got=$("$@" 2>"$TMP/err"); local rc=$?
    if [[ $rc -eq 0 && $got == "$want" ]]; then ok "$desc"
    else bad "$desc (rc=$rc, want '$want', got '$got')"; sed 's/^/       | /' "$TMP/err" | tail -n 10; fi
}
# check_fails DESC CMD...: CMD must fail
check_fails() {
    local desc=$1; shift
    if "$@" >"$TMP/out" 2>&1; then bad "$desc (unexpectedly succeeded)"; sed 's/^/       | /' "$TMP/out" | tail -n 5
    else ok "$desc"; fi
}


now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Start from a clean slate (a previous run may have been killed).
"$TH" down h1 >/dev/null 2>&1; "$TH" down h2 >/dev/null 2>&1; "$TH" down hx >/dev/null 2>&1

T_ALL=$(now)
# ------------------------------------------------------------------ boot both in parallel
T0=$(now)
for h in "${HOSTS[@]}"; do
    "$TH" up "$h" "${IDX[$h]}" >"$TMP/$h.ip" 2>"$TMP/$h.up.err" & PID[$h]=$!
done
for h in "${HOSTS[@]}"; do
    if wait "${PID[$h]}"; then ok "up $h"; else bad "up $h"; sed 's/^/       | /' "$TMP/$h.up.err" | tail -n 40; fi
done
BOOT=$(elapsed "$T0")
echo "# boot of h1+h2 in parallel: ${BOOT} s"
sed 's/^/# /' "$TMP"/h*.up.err

for h in "${HOSTS[@]}"; do
    ip=10.231.${IDX[$h]}.2
    check_eq "$h: up printed the IP" "$ip" cat "$TMP/$h.ip"
    check_eq "$h: ip" "$ip" "$TH" ip "$h"
    check_eq "$h: root folder" "$DIR/$h/root" "$TH" root "$h"
    check_eq "$h: ssh as root" root "$TH" ssh "$h" -- whoami
    check "$h: is-system-running" bash -c "s=\$('$TH' ssh $h -- systemctl is-system-running); echo \$s; [[ \$s == running || \$s == degraded ]]"
    check_eq "$h: hostname" "$h" "$TH" ssh "$h" -- hostname
    check_eq "$h: ssh as deploy" deploy env GANTRY_SSH_USER=deploy "$TH" ssh "$h" -- whoami
    check "$h: deploy: sudo -n true" env GANTRY_SSH_USER=deploy "$TH" ssh "$h" -- sudo -n true
    out=$(GANTRY_SSH_USER=deploypw "$TH" ssh "$h" -- 'sudo -n true 2>&1; echo rc=$?' 2>&1)
    if [[ $out == *"password is required"* && $out == *rc=1* ]]; then ok "$h: deploypw: sudo -n true refused (password required)"
    else bad "$h: deploypw: sudo -n true refused (got: $out)"; fi
    check "$h: deploypw: sudo -S with password" env GANTRY_SSH_USER=deploypw "$TH" ssh "$h" -- \
        "echo gantry-test-pw | sudo -S -p '' true"
    check "$h: transient unit" "$TH" ssh "$h" -- systemd-run --unit gantry-smoke sleep 300
    check_eq "$h: transient unit active" active "$TH" ssh "$h" -- systemctl is-active gantry-smoke
    check_eq "$h: nginx installed but not enabled/running" "disabled inactive" "$TH" ssh "$h" -- \
        'echo $(systemctl is-enabled nginx) $(systemctl is-active nginx)'
    check_eq "$h: exec hostname" "$h" "$TH" exec "$h" -- hostname
    check_eq "$h: exec sees the transient unit" active "$TH" exec "$h" -- systemctl is-active gantry-smoke
    check_eq "$h: exec exit code passed through" 7 bash -c "'$TH' exec $h -- sh -c 'exit 7'; echo \$?"
    check_eq "$h: exec stderr passed through" oops bash -c "'$TH' exec $h -- sh -c 'echo oops >&2' 2>&1 >/dev/null"
    check "$h: file written inside shows in root folder" bash -c \
        "'$TH' exec $h -- sh -c 'echo $h > /etc/gantry-probe' && grep -qx $h '$DIR/$h/root/etc/gantry-probe'"
    check_fails "$h: no route out of its own network" "$TH" exec "$h" -- ip route get 192.0.2.2
done

check_fails "h1 cannot reach h2" "$TH" exec h1 -- timeout 3 bash -c 'exec 3<>/dev/tcp/10.231.2.2/22'
# a listener on this machine's side of h1's veth; h1 must reach it
/usr/bin/python3 -m http.server --bind 10.231.1.1 18431 --directory "$TMP" >/dev/null 2>&1 & HTTPD=$!
echo reachable >"$TMP/probe.txt"
sleep 0.5
check_eq "h1 reaches this machine on its own network" reachable "$TH" exec h1 -- curl -s -m 5 http://10.231.1.1:18431/probe.txt
check_fails "h2 cannot reach h1's network" "$TH" exec h2 -- curl -s -m 3 http://10.231.1.1:18431/probe.txt
kill "$HTTPD" 2>/dev/null; wait "$HTTPD" 2>/dev/null

fp() { ssh-keyscan -t ed25519 -T 5 "$1" 2>/dev/null | ssh-keygen -lf - 2>/dev/null | awk '{ print $2 }'; }
FP1=$(fp 10.231.1.2); FP2=$(fp 10.231.2.2); FPM=$(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub 2>/dev/null | awk '{ print $2 }')
echo "# host keys: h1 $FP1  h2 $FP2  machine ${FPM:-none}"
check "host keys: h1 and h2 differ, and differ from this machine" \
    bash -c "[[ -n '$FP1' && -n '$FP2' && '$FP1' != '$FP2' && '$FP1' != '$FPM' && '$FP2' != '$FPM' ]]"

check "key is mode 0600" bash -c "[[ \$(stat -c %a \"\$('$TH' key)\") == 600 ]]"
check_fails "up with an index in use fails" "$TH" up hx 1
cp "$TMP/out" "$TMP/inuse.out"
check "... and says so" grep -q "index 1 is in use" "$TMP/inuse.out"
check "... and leaves no folder" test ! -e "$DIR/hx"
check_eq "up again is idempotent" 10.231.1.2 "$TH" up h1 1
check_eq "h1 still fine" running-or-degraded bash -c \
    "s=\$('$TH' ssh h1 -- systemctl is-system-running); [[ \$s == running || \$s == degraded ]] && echo running-or-degraded"

# ------------------------------------------------------------------ teardown
mapfile -t LOCKS < <(cat "$DIR"/h1/nspawn-lock "$DIR"/h2/nspawn-lock 2>/dev/null)
check "nspawn lock files recorded" test ${#LOCKS[@]} -eq 2
T0=$(now)
check "down h1 + h2" bash -c "'$TH' down h1 & a=\$!; '$TH' down h2 & b=\$!; wait \$a && wait \$b"
sed 's/^/# down: /' "$TMP/out"
echo "# down: $(elapsed "$T0") s"
check "down is idempotent" "$TH" down h1
check "down-all with nothing left" "$TH" down-all
check "no mounts under $DIR" bash -c "! findmnt -rn -o TARGET | grep -F '$DIR/'"
check "no netns left" bash -c "! ip netns list | grep -Ew 'gantry-(1|2)'"
check "no veth left" bash -c "! ip link show gantry1 2>/dev/null && ! ip link show gantry2 2>/dev/null"
check "no nspawn process left" bash -c "! pgrep -af '[s]ystemd-nspawn -D $DIR/'"
check "no nspawn state left in /run/systemd/nspawn" bash -c \
    "! ls -d /run/systemd/nspawn/propagate/gantry-1 /run/systemd/nspawn/propagate/gantry-2 \
        ${LOCKS[*]/#//run/systemd/nspawn/locks/} 2>/dev/null"
check "no host folders left" bash -c "[[ ! -e '$DIR/h1' && ! -e '$DIR/h2' ]]"
check "no address 10.231.1.1/10.231.2.1 left" bash -c "! ip -4 -o addr | grep -E ' 10\.231\.(1|2)\.1/'"

echo "# total: $(elapsed "$T_ALL") s"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 ))
