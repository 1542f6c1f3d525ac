#!/usr/bin/env bash
# Test of tests/hosts/testhost.sh: boots h1 (10.231.1.2) and h2 (10.231.2.2) in parallel,
# checks ssh/users/sudo/systemd/host keys/isolation/exec, tears both down and checks that
# nothing is left. Then boots hs (10.231.65.2, `up hs 65 --manager supervisor`), a host that is
# NOT systemd: supervisord is PID 1 and supervises sshd and a program added over ssh (kill -9 ->
# restarted with a new pid), systemctl fails; takes it down and checks that nothing is left.
# Needs root. Prints "N passed, M failed"; exits non-zero on any failure.
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
    "$TH" down hs >/dev/null 2>&1
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
"$TH" down hs >/dev/null 2>&1

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
    check_eq "$h: supervisor installed but not enabled/running (PID 1 is systemd)" "disabled inactive systemd" \
        "$TH" ssh "$h" -- 'test -x /usr/bin/supervisord && echo $(systemctl is-enabled supervisor) $(systemctl is-active supervisor) $(cat /proc/1/comm)'
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

# ------------------------------------------------------------------ a supervisor host (no systemd)
# wait_for SECONDS CMD...: poll CMD (every 0.3 s) until it succeeds
wait_for() {
    local end=$(( SECONDS + $1 )); shift
    until "$@" >/dev/null 2>&1; do (( SECONDS < end )) || return 1; sleep 0.3; done
}
# the pid supervisor reports for a RUNNING program of hs, or nothing
sv_pid() {
    local out
    out=$("$TH" ssh hs -- supervisorctl status "$1" 2>/dev/null) || true
    [[ $out =~ ^$1[[:space:]]+RUNNING[[:space:]]+pid[[:space:]]+([0-9]+), ]] && echo "${BASH_REMATCH[1]}"
}
sv_running_new() { local p; p=$(sv_pid "$1") && [[ -n $p && $p != "$2" ]]; }   # RUNNING, pid != $2
starttime() { awk '{ sub(/^.*\) /, ""); print $20 }' "/proc/$1/stat" 2>/dev/null; }
pstate()    { awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$1/stat" 2>/dev/null; }

SIP=10.231.65.2
T0=$(now)
if "$TH" up hs 65 --manager supervisor >"$TMP/hs.ip" 2>"$TMP/hs.up.err"; then ok "up hs 65 --manager supervisor"
else bad "up hs 65 --manager supervisor"; sed 's/^/       | /' "$TMP/hs.up.err" | tail -n 40; fi
echo "# boot of the supervisor host hs: $(elapsed "$T0") s"
sed 's/^/# /' "$TMP/hs.up.err"
check_eq "hs: up printed the IP" "$SIP" cat "$TMP/hs.ip"
check_eq "hs: ip" "$SIP" "$TH" ip hs
check_eq "hs: root folder" "$DIR/hs/root" "$TH" root hs
check_eq "hs: ssh as root" root "$TH" ssh hs -- whoami
check_eq "hs: hostname" hs "$TH" ssh hs -- hostname
check_eq "hs: PID 1 is supervisord (not systemd)" supervisord "$TH" ssh hs -- cat /proc/1/comm
check_eq "hs: PID 1's command line" "/usr/bin/python3 /usr/bin/supervisord -n -c /etc/supervisor/supervisord.conf" \
    "$TH" ssh hs -- 'tr "\0" " " </proc/1/cmdline | sed "s/ \$//"'
check "hs: supervisorctl status: sshd RUNNING" bash -c "'$TH' ssh hs -- supervisorctl status sshd | grep -E '^sshd +RUNNING +pid [0-9]+,'"
SSHD=$(sv_pid sshd)
check_eq "hs: sshd (supervisor's pid) is the listener on :22, a child of PID 1" "sshd 1" \
    "$TH" ssh hs -- "echo \$(cat /proc/$SSHD/comm) \$(ps -o ppid= -p $SSHD) && ss -Hltnp 'sport = :22' | grep -q 'pid=$SSHD,'"
check "hs: the supervisor socket is /var/run/supervisor.sock, root only" "$TH" ssh hs -- \
    'test -S /var/run/supervisor.sock && [ "$(stat -Lc "%U %a" /var/run/supervisor.sock)" = "root 700" ]'
out=$("$TH" ssh hs -- 'systemctl list-units 2>&1; echo rc=$?' 2>&1)
if [[ $out == *"not been booted with systemd"* && $out != *rc=0* ]]; then ok "hs: systemctl fails (not booted with systemd)"
else bad "hs: systemctl fails (got: $out)"; fi
check_eq "hs: systemctl is-system-running says offline and fails" "offline rc=1" "$TH" ssh hs -- \
    'echo $(systemctl is-system-running 2>&1) rc=$?' 
check "hs: no journald, logind, dbus; no /run/systemd/system" "$TH" ssh hs -- \
    '! pgrep -x systemd-journal && ! pgrep -x systemd-logind && ! pgrep -x dbus-daemon && ! test -e /run/systemd/system'
check_eq "hs: only supervisord and sshd run (plus this session)" "sshd supervisord" "$TH" ssh hs -- \
    "me=\$(ps -o sid= -p \$\$ | tr -d ' '); ps -eo sid=,comm= | awk -v me=\$me '\$1 != me { print \$2 }' | sort -u | xargs"
check "hs: /proc mounted, /tmp a writable tmpfs" "$TH" ssh hs -- \
    'test -r /proc/self/status && [ "$(findmnt -no FSTYPE /tmp)" = tmpfs ] && f=$(mktemp) && rm "$f"'
check "hs: deploy: /tmp writable" env GANTRY_SSH_USER=deploy "$TH" ssh hs -- 'f=$(mktemp) && rm "$f"'
check "hs: useradd works" "$TH" ssh hs -- 'useradd -m -s /bin/bash gantrysvc && id gantrysvc && test -d /home/gantrysvc'
check_eq "hs: ssh as deploy" deploy env GANTRY_SSH_USER=deploy "$TH" ssh hs -- whoami
check "hs: deploy: sudo -n true (no logind)" env GANTRY_SSH_USER=deploy "$TH" ssh hs -- sudo -n true
check_fails "hs: deploy: supervisorctl without sudo is refused" env GANTRY_SSH_USER=deploy "$TH" ssh hs -- supervisorctl status
check "hs: deploy: sudo -n supervisorctl status" env GANTRY_SSH_USER=deploy "$TH" ssh hs -- 'sudo -n supervisorctl status sshd | grep -q RUNNING'
out=$(GANTRY_SSH_USER=deploypw "$TH" ssh hs -- 'sudo -n true 2>&1; echo rc=$?' 2>&1)
if [[ $out == *"password is required"* && $out == *rc=1* && $out != *"unable to resolve"* ]]; then
    ok "hs: deploypw: sudo -n true refused (password required)"
else bad "hs: deploypw: sudo -n true refused (got: $out)"; fi
check "hs: deploypw: sudo -S with password" env GANTRY_SSH_USER=deploypw "$TH" ssh hs -- \
    "echo gantry-test-pw | sudo -S -p '' true"
check_eq "hs: exec sees PID 1 = supervisord" supervisord "$TH" exec hs -- cat /proc/1/comm
check_eq "hs: exec hostname" hs "$TH" exec hs -- hostname
check_eq "hs: exec exit code passed through" 7 bash -c "'$TH' exec hs -- sh -c 'exit 7'; echo \$?"
check_fails "hs: no route out of its own network" "$TH" exec hs -- ip route get 192.0.2.2

# A program added by root as a conf file is started by `reread && update` and restarted on kill -9.
check "hs: conf.d writable by root; reread + update" "$TH" ssh hs -- "cat >/etc/supervisor/conf.d/gantry-probe.conf <<'EOF'
[program:gantry-probe]
command=/bin/sleep 1000
autostart=true
autorestart=true
startsecs=1
EOF
supervisorctl reread && supervisorctl update"
check "hs: gantry-probe RUNNING" wait_for 20 sv_running_new gantry-probe none
P1=$(sv_pid gantry-probe)
check_eq "hs: gantry-probe's pid is a sleep 1000, child of PID 1" "/bin/sleep 1000 1" "$TH" ssh hs -- \
    "echo \$(tr '\0' ' ' </proc/$P1/cmdline)\$(ps -o ppid= -p $P1)"
check "hs: kill -9 of gantry-probe's pid $P1" "$TH" ssh hs -- kill -9 "$P1"
check "hs: supervisor restarted gantry-probe with a new pid" wait_for 20 sv_running_new gantry-probe "$P1"
P2=$(sv_pid gantry-probe)
echo "# gantry-probe: pid $P1, after kill -9: pid ${P2:-none}"
check "hs: the old pid is gone, the log says SIGKILL" "$TH" ssh hs -- \
    "! kill -0 $P1 2>/dev/null && grep -q 'exited: gantry-probe (terminated by SIGKILL; not expected)' /var/log/supervisor/supervisord.log"
# a process that supervisor does not know (started over ssh, detached): down must end it too
check "hs: a detached stray process" "$TH" ssh hs -- 'setsid sleep 1001 </dev/null >/dev/null 2>&1 & exit 0'
check "hs: orphans are reaped by PID 1 (no zombies)" wait_for 10 "$TH" ssh hs -- \
    '[ -z "$(ps -eo stat= | grep Z)" ] && pgrep -x -f "sleep 1001"'
check_eq "up hs again is idempotent" "$SIP" "$TH" up hs 65 --manager supervisor
check_fails "up hs as a systemd host while it is a supervisor host fails" "$TH" up hs 65
cp "$TMP/out" "$TMP/mgr.out"
check "... and says so" grep -q "already up as a supervisor host" "$TMP/mgr.out"

# down: every process of the host (seen from here: pid + start time), nspawn, mounts, network
LEADER=$(cat "$DIR/hs/leader.pid" 2>/dev/null); NSPAWN=$(cat "$DIR/hs/nspawn.pid" 2>/dev/null)
PIDNS=$(readlink "/proc/$LEADER/ns/pid" 2>/dev/null)
HSPROCS=()      # every process of the host's PID namespace, as pid:starttime
for p in /proc/[0-9]*; do
    [[ -n $PIDNS && $(readlink "$p/ns/pid" 2>/dev/null) == "$PIDNS" ]] && HSPROCS+=("${p#/proc/}:$(starttime "${p#/proc/}")")
done
[[ -n $NSPAWN ]] && HSPROCS+=("$NSPAWN:$(starttime "$NSPAWN")")
HSLOCK=$(cat "$DIR/hs/nspawn-lock" 2>/dev/null)
echo "# hs: ${#HSPROCS[@]} processes before down (nspawn $NSPAWN, PID 1 = $LEADER)"
check "hs: supervisord, sshd, gantry-probe and the stray process seen from here" bash -c \
    "(( ${#HSPROCS[@]} >= 5 )) && pgrep -f -x 'sleep 1001' >/dev/null"
T0=$(now)
check "down hs" "$TH" down hs
sed 's/^/# down: /' "$TMP/out"
echo "# down hs: $(elapsed "$T0") s"
check_fails "... an orderly stop (supervisord ended on SIGTERM, nothing killed)" grep -q "no orderly shutdown" "$TMP/out"
left=()
for e in "${HSPROCS[@]}"; do
    # (a dead nspawn may stay a zombie until this machine's PID 1 reaps it: gone all the same)
    p=${e%%:*}; [[ -e /proc/$p && $(starttime "$p") == "${e#*:}" && ! $(pstate "$p") =~ ^[ZX]$ ]] && left+=("$p")
done
if (( ${#left[@]} == 0 )); then ok "hs: none of its ${#HSPROCS[@]} processes is left"
else bad "hs: processes left: ${left[*]}"; ps -o pid,ppid,cmd -p "${left[@]}" | sed 's/^/       | /'; fi
# (PID 1 gone means the kernel killed its whole PID namespace; the namespace's inode number may
#  be reused by the next container at once, so it is not looked for after down)
check "hs: no mount left under $DIR" bash -c "! findmnt -rn -o TARGET | grep -F '$DIR/'"
check "hs: no netns gantry-65, no veth gantry65, no address 10.231.65.1" bash -c \
    "! ip netns list | grep -Ew 'gantry-65' && ! ip link show gantry65 2>/dev/null && ! ip -4 -o addr | grep -F ' 10.231.65.1/'"
check "hs: no nspawn process or state left" bash -c \
    "! pgrep -af '[s]ystemd-nspawn -D $DIR/hs/' && ! ls -d /run/systemd/nspawn/propagate/gantry-65 ${HSLOCK:+/run/systemd/nspawn/locks/$HSLOCK} 2>/dev/null"
check "hs: no host folder left" test ! -e "$DIR/hs"
check_eq "up with a bad manager is refused (exit 1)" 1 bash -c "'$TH' up hs 65 --manager upstart 2>/dev/null; echo \$?"
check_eq "up with --manager but no value is a usage error (exit 2)" 2 bash -c "'$TH' up hs 65 --manager 2>/dev/null; echo \$?"
check "... and neither left a folder" test ! -e "$DIR/hs"
# down-all stops a supervisor host too (--manager=VALUE spelling)
check_eq "up hs 65 --manager=supervisor" "$SIP" "$TH" up hs 65 --manager=supervisor
check_eq "hs: PID 1 is supervisord again" supervisord "$TH" ssh hs -- cat /proc/1/comm
LEADER=$(cat "$DIR/hs/leader.pid" 2>/dev/null)
check "down-all" "$TH" down-all
check "hs: after down-all: PID 1 gone, no folder, mount or netns" bash -c \
    "[[ -n '$LEADER' ]] && ! kill -0 '$LEADER' 2>/dev/null && [[ ! -e '$DIR/hs' ]] && ! findmnt -rn -o TARGET | grep -F '$DIR/' && ! ip netns list | grep -Ew gantry-65"
check "down-all with nothing left" "$TH" down-all

echo "# total: $(elapsed "$T_ALL") s"
echo "$PASS passed, $FAIL failed"
(( FAIL == 0 ))
