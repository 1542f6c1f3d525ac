#!/usr/bin/env bash
# testhost.sh - boot real systemd "servers" (and supervisor ones) for Gantry's deploy tests.
#
# Each host is a systemd-nspawn container booted (systemd as PID 1, real sshd,
# journald, ...) on an overlay of this machine's own root file system, in its own
# network namespace with its own IP. See docs in /work/shared/reference/test-hosts.md.
# A supervisor host (--manager supervisor) is the same overlay and network, but NOT systemd.
#
#   testhost.sh up NAME INDEX      boot NAME as 10.231.INDEX.2 (this machine: 10.231.INDEX.1),
#                                  wait until `systemctl is-system-running` says running or
#                                  degraded (timeout ${GANTRY_HOSTS_TIMEOUT:-90} s), print the IP
#                                  Indexes in use (a host's index must be unique while it is up):
#                                  1-2 and 65 hosts/testhost, 31-32 hosts/deploy, 33-34 hosts/monitor,
#                                  35-39 bench-monitor, 41-45 bench-deploy, 46 bench-upload,
#                                  51 widgets/gui_deploy, 57 screenshots-live, 60 the app's --demo
#                                  server (hosts/demo), 62-63 hosts/jump, 64 windows/gantryctl_day,
#                                  66 hosts/supervisor.
#   testhost.sh up NAME INDEX --manager supervisor
#                                  a host WITHOUT systemd: nspawn without -b, PID 1 is
#                                  `supervisord -n -c /etc/supervisor/supervisord.conf` (Debian's
#                                  default config: socket /var/run/supervisor.sock, root only;
#                                  [include] /etc/supervisor/conf.d/*.conf), sshd is its program
#                                  `sshd` (conf.d/sshd.conf: /usr/sbin/sshd -D -e). No journald,
#                                  no logind, no dbus; `systemctl` fails ("not been booted with
#                                  systemd"; is-system-running prints "offline"). Same users, key,
#                                  IP and commands as a systemd host.
#                                  Ready when `supervisorctl status sshd` over ssh says RUNNING
#                                  (timeout as above); prints the IP. Also `--manager=supervisor`;
#                                  `--manager systemd` is the default (the plain `up` above). `up` of
#                                  a running host with the other manager fails (down it first).
#   testhost.sh down NAME          stop, unmount, delete netns + veth, remove the folder (idempotent)
#   testhost.sh down-all           `down` for every host under the harness folder
#   testhost.sh exec NAME -- CMD…  run CMD (argv, no shell) as root inside the host's namespaces
#   testhost.sh ip NAME            print the host's IP
#   testhost.sh root NAME          print the host's root folder on this machine (the overlay mount)
#   testhost.sh key                print the path of the test private key (ed25519, mode 0600)
#   testhost.sh ssh NAME -- CMD…   ssh root@IP with the test key (ssh semantics: the words of CMD
#                                  are joined by spaces and run by the remote user's shell).
#                                  GANTRY_SSH_USER=deploy (or deploypw) logs in as that user.
#
# Harness folder: ${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts}; one sub folder per host plus the key.
# Users inside every host:
#   root      key login (PermitRootLogin prohibit-password)
#   deploy    key login, sudo NOPASSWD
#   deploypw  key login and password login (password gantry-test-pw), sudo asks for the password
# Only messages go to stderr; stdout carries the requested value (IP, path) only.
# Errors of the harness itself exit 1 (2 for usage errors); `exec`/`ssh` pass the command's code
# through (`exec` uses 125 when the host is not running, ssh uses 255 for connection errors).
# Only processes started by this script (recorded PIDs, checked against their command line) are
# ever signalled.
# Packages: systemd-container openssh-server sudo iproute2 curl nginx (and supervisor for a
# supervisor host) are installed on this machine when missing, before the overlay is mounted.
# nginx and supervisor are installed but disabled in every systemd host.

set -Eeuo pipefail
shopt -s nullglob

DIR=${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts}
BOOT_TIMEOUT=${GANTRY_HOSTS_TIMEOUT:-90}
KEY=$DIR/id_ed25519
DEPLOYPW_PASSWORD=gantry-test-pw
PROG=${0##*/}

die()  { echo "$PROG: $*" >&2; exit 1; }
usage() {
    sed -n 's/^#   testhost.sh /  testhost.sh /p' "$0" >&2
    exit 2
}
log()  { echo "$PROG: $*" >&2; }

[[ $EUID -eq 0 ]] || die "must run as root"

# ---------------------------------------------------------------------------- helpers

valid_name() {
    # the name is used in paths and as the container's hostname
    [[ $1 =~ ^[a-z][a-z0-9-]{0,30}$ ]] || die "bad host name '$1' (use [a-z][a-z0-9-]*, max 31 chars)"
}
valid_index() {
    [[ $1 =~ ^[0-9]+$ ]] && (( 10#$1 >= 1 && 10#$1 <= 254 )) || die "bad index '$1' (1..254)"
}

hostdir() { echo "$DIR/$1"; }
# Network names are derived from the INDEX (unique per machine, it is the IP), not from the
# NAME, so two harness folders can never fight over the same netns/veth.
netns_of() { echo "gantry-$1"; }      # gantry-<index>
veth_of()  { echo "gantry$1"; }       # gantry<index>  (<= 15 chars)

ensure_dir() {
    mkdir -p "$DIR/.locks"
    chmod 700 "$DIR"
}

# with_lock FILE CMD...: run CMD holding an exclusive flock on FILE (fd 9 in the child only).
with_lock() {
    local file=$1; shift
    (
        flock -w 120 9 || die "timeout waiting for lock $file"
        "$@"
    ) 9>"$file"
}

# Is PID a live (non-zombie) process whose command line contains NEEDLE?
pid_matches() {
    local pid=$1 needle=$2 state cmd
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    [[ -r /proc/$pid/stat ]] || return 1
    state=$(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ $state != Z && $state != X ]] || return 1
    cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmd == *"$needle"* ]]
}

nspawn_pid() {          # print the recorded nspawn PID if it is still our nspawn
    local h; h=$(hostdir "$1")
    local pid; pid=$(cat "$h/nspawn.pid" 2>/dev/null) || return 1
    pid_matches "$pid" "systemd-nspawn -D $h/root " || return 1
    echo "$pid"
}
leader_pid() {          # print the container's PID 1 (as seen from this machine)
    local h; h=$(hostdir "$1")
    local npid pid
    npid=$(nspawn_pid "$1") || return 1
    pid=$(cat "$h/leader.pid" 2>/dev/null) || return 1
    [[ -n $pid && $(awk '{ sub(/^.*\) /, ""); print $2 }' "/proc/$pid/stat" 2>/dev/null) == "$npid" ]] || return 1
    echo "$pid"
}
is_running() { leader_pid "$1" >/dev/null 2>&1; }

host_index() {
    local h; h=$(hostdir "$1")
    [[ -f $h/index ]] || return 1
    cat "$h/index"
}
host_ip() {
    local i; i=$(host_index "$1") || return 1
    echo "10.231.$i.2"
}

ensure_packages() {
    # Only touch apt when something is missing (the machine is shared with other tests).
    # nginx is installed so that hosts *can* run it; it is disabled inside the hosts (see
    # prepare_root) because later tests enable and configure it themselves and expect a
    # clean, stopped nginx.
    # Extra packages (arguments) are those of one host kind only (supervisor for a supervisor host).
    local pkgs=(systemd-container openssh-server sudo iproute2 curl nginx "$@") missing=() p
    for p in "${pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    (( ${#missing[@]} == 0 )) && return 0
    log "installing missing packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # (Other tests' apt may hold dpkg's lock: wait for it instead of failing at once.)
    local wait_lock=(-o DPkg::Lock::Timeout=300)
    if ! apt-get "${wait_lock[@]}" install -y -q "${missing[@]}" >"$DIR/apt.log" 2>&1; then
        apt-get "${wait_lock[@]}" update -q >>"$DIR/apt.log" 2>&1 || true
        apt-get "${wait_lock[@]}" install -y -q "${missing[@]}" >>"$DIR/apt.log" 2>&1 \
            || { tail -n 20 "$DIR/apt.log" >&2; die "apt-get install ${missing[*]} failed"; }
    fi
    # apt enabled supervisor.service in this machine's root, the root every host boots from: a
    # host booted by a testhost.sh that does not disable it (an older one) would run supervisord.
    # Only supervisor hosts use it, as their PID 1. (This machine itself runs no systemd.)
    if [[ " ${missing[*]} " == *" supervisor "* ]]; then
        systemctl disable --quiet supervisor.service >/dev/null 2>&1 || true
    fi
}

make_key() {
    if [[ ! -f $KEY || ! -f $KEY.pub ]]; then
        rm -f "$KEY" "$KEY.pub"
        ssh-keygen -q -t ed25519 -N '' -C gantry-test-key -f "$KEY" >/dev/null
    fi
    chmod 600 "$KEY"
}

SSH_OPTS=(-F /dev/null -i "$KEY" -o IdentitiesOnly=yes -o IdentityAgent=none
          -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null
          -o BatchMode=yes -o LogLevel=ERROR -o ConnectTimeout=5)

# ---------------------------------------------------------------------------- down

kill_wait() {           # kill_wait SECONDS PID...: wait until all PIDs are gone
    local t=$1; shift
    local end=$(( SECONDS + t )) p alive
    while :; do
        alive=0
        for p in "$@"; do
            [[ -r /proc/$p/stat ]] || continue
            [[ $(awk '{ sub(/^.*\) /, ""); print $1 }' "/proc/$p/stat" 2>/dev/null) == Z ]] && continue
            alive=1
        done
        (( alive )) || return 0
        (( SECONDS < end )) || return 1
        sleep 0.2
    done
}

do_down() {
    local name=$1 h npid lpid idx ns veth
    h=$(hostdir "$name")
    [[ -d $h ]] || return 0

    # 1. processes: ask nspawn for an orderly shutdown (SIGTERM -> SIGRTMIN+3 to the container's
    #    systemd, SIGTERM to a supervisor host's supervisord: --kill-signal in boot), then SIGKILL
    #    the container's PID 1 (kills its whole PID namespace) and nspawn.
    npid=$(nspawn_pid "$name" 2>/dev/null) || npid=
    # (an `up` killed right after starting nspawn may not have recorded the PID: an nspawn on
    #  this host's private root folder can only be ours)
    [[ -n $npid ]] || npid=$(pgrep -f "^systemd-nspawn -D $h/root " | head -n1) || npid=
    lpid=$(leader_pid "$name" 2>/dev/null) || lpid=
    if [[ -n $npid ]]; then
        kill -TERM "$npid" 2>/dev/null || true
        if ! kill_wait "${GANTRY_HOSTS_STOP_TIMEOUT:-15}" "$npid" $lpid; then
            log "$name: no orderly shutdown after ${GANTRY_HOSTS_STOP_TIMEOUT:-15}s, killing; console tail:"
            tail -n 15 "$h/console.log" >&2 2>/dev/null || true
            [[ -n $lpid ]] && kill -KILL "$lpid" 2>/dev/null || true
            kill -KILL "$npid" 2>/dev/null || true
            kill_wait 10 "$npid" $lpid || die "$name: nspawn $npid still alive"
        fi
    fi

    # nspawn's leftovers on this machine (only when no nspawn of ours runs any more)
    if [[ -z $(nspawn_pid "$name" 2>/dev/null) ]]; then
        local m l
        m=$(cat "$h/machine" 2>/dev/null) || m=
        l=$(cat "$h/nspawn-lock" 2>/dev/null) || l=
        [[ $m =~ ^gantry-[0-9]+$ ]] && rm -rf --one-file-system "/run/systemd/nspawn/propagate/$m"
        [[ $l =~ ^inode-[0-9]+:[0-9]+$ ]] && rm -f "/run/systemd/nspawn/locks/$l"
    fi

    # 2. the overlay (never remove files while it is mounted: that would walk this machine's root)
    if mountpoint -q "$h/root" 2>/dev/null; then
        local tries=0
        until umount "$h/root" 2>/dev/null; do
            (( ++tries < 25 )) || { umount -l "$h/root" || true; break; }
            sleep 0.2
        done
    fi
    if mountpoint -q "$h/root" 2>/dev/null || findmnt -rn -o TARGET | grep -qF "$h/"; then
        die "$name: $h still has mounts; not removing it"
    fi

    # 3. network
    if idx=$(cat "$h/index" 2>/dev/null) && [[ $idx =~ ^[0-9]+$ ]]; then
        ns=$(netns_of "$idx"); veth=$(veth_of "$idx")
        ip netns del "$ns" 2>/dev/null || true          # also destroys host0 and thus the pair
        ip link del "$veth" 2>/dev/null || true
        [[ -e /run/netns/$ns ]] && die "$name: could not delete netns $ns"
        ip link show "$veth" >/dev/null 2>&1 && die "$name: could not delete veth $veth"
    fi

    # 4. the folder (same file system only, as a last guard)
    rm -rf --one-file-system "$h"
}

cmd_down() {
    local name=$1
    valid_name "$name"
    [[ -d $DIR ]] || return 0
    ensure_dir
    with_lock "$DIR/.locks/$name" do_down "$name"
}

cmd_down_all() {
    [[ -d $DIR ]] || return 0
    ensure_dir
    local d n pids=() rc=0
    for d in "$DIR"/*/; do
        n=$(basename "$d")
        [[ -f $d/.gantry-host ]] || continue
        ( with_lock "$DIR/.locks/$n" do_down "$n" ) & pids+=($!)
    done
    for d in "${pids[@]}"; do wait "$d" || rc=1; done
    return $rc
}

# ---------------------------------------------------------------------------- up

# Reserve INDEX for NAME (under the global lock). Fails clearly if it is in use.
reserve() {
    local name=$1 idx=$2 h d other ifc
    h=$(hostdir "$name")
    for d in "$DIR"/*/; do
        other=$(basename "$d")
        [[ $other == "$name" ]] && continue
        if [[ -f $d/index && $(cat "$d/index") == "$idx" ]]; then
            die "index $idx is in use by host '$other' ($d); run: $0 down $other"
        fi
    done
    ifc=$(ip -4 -o addr show | awk -v a="10.231.$idx.1/" 'index($4, a) == 1 { print $2 }' | head -n1)
    [[ -z $ifc ]] || die "index $idx is in use: 10.231.$idx.1 is already assigned to interface '$ifc' on this machine"
    [[ ! -e /run/netns/$(netns_of "$idx") ]] || die "index $idx is in use: netns $(netns_of "$idx") exists (ip netns del $(netns_of "$idx"))"
    mkdir -p "$h/up" "$h/work" "$h/root"
    touch "$h/.gantry-host"
    echo "$idx" >"$h/index"
}

host_manager() {        # systemd|supervisor (folders made before --manager existed: systemd)
    local h; h=$(hostdir "$1")
    cat "$h/manager" 2>/dev/null || echo systemd
}

prepare_root() {
    local name=$1 idx=$2 manager=$3 r u
    r=$(hostdir "$name")/root

    # The overlay shows only the root file system, so its /dev is empty; tools run via chroot
    # below need /dev/null & co. (nspawn mounts its own /dev over this at boot.)
    mknod -m 666 "$r/dev/null" c 1 3 2>/dev/null || true
    mknod -m 666 "$r/dev/zero" c 1 5 2>/dev/null || true
    mknod -m 666 "$r/dev/random" c 1 8 2>/dev/null || true
    mknod -m 666 "$r/dev/urandom" c 1 9 2>/dev/null || true

    # Own, fresh SSH host keys (the overlay would otherwise show this machine's keys).
    rm -f "$r"/etc/ssh/ssh_host_*
    chroot "$r" ssh-keygen -A >/dev/null
    # Own machine id (journald, dbus), hostname and name resolution for sudo.
    tr -d '-' </proc/sys/kernel/random/uuid >"$r/etc/machine-id"
    echo "$name" >"$r/etc/hostname"
    cat >"$r/etc/hosts" <<EOF
127.0.0.1	localhost
::1	localhost ip6-localhost ip6-loopback
127.0.1.1	$name
10.231.$idx.2	$name
10.231.$idx.1	gantry-controller
EOF

    cat >"$r/etc/ssh/sshd_config.d/00-gantry-test.conf" <<'EOF'
# Gantry test host (first value wins, so this overrides sshd_config)
PermitRootLogin prohibit-password
PasswordAuthentication yes
KbdInteractiveAuthentication yes
UseDNS no
EOF

    # root: a fresh home like on a new server (see cmd_up: /root is opaque in the overlay), so
    # this machine's /root (shell rc files, tool caches, tokens) is neither visible nor run.
    install -d -m 700 "$r/root"
    cp -a /etc/skel/. "$r/root/"
    chmod 700 "$r/root"                  # cp -a copied skel's own 0755 onto it
    install -d -m 700 "$r/root/.ssh"
    install -m 600 "$KEY.pub" "$r/root/.ssh/authorized_keys"

    for u in deploy deploypw; do
        chroot "$r" id -u "$u" >/dev/null 2>&1 || chroot "$r" useradd -m -s /bin/bash "$u"
        install -d -m 700 "$r/home/$u/.ssh"
        install -m 600 "$KEY.pub" "$r/home/$u/.ssh/authorized_keys"
        chroot "$r" chown -R "$u:$u" "/home/$u"
    done
    chroot "$r" usermod -p '*' deploy            # no password, but not "locked" for sshd
    echo "deploypw:$DEPLOYPW_PASSWORD" | chroot "$r" chpasswd
    cat >"$r/etc/sudoers.d/gantry-test" <<'EOF'
deploy   ALL=(ALL:ALL) NOPASSWD: ALL
deploypw ALL=(ALL:ALL) ALL
Defaults:deploypw !lecture
EOF
    chmod 440 "$r/etc/sudoers.d/gantry-test"
    chroot "$r" visudo -cqf /etc/sudoers.d/gantry-test || die "$name: sudoers file invalid"

    # Seen here: a host's shutdown sometimes hangs in "Job user@0.service/stop running" (the
    # user manager stuck at "Activating special unit exit.target") until the default 90 s
    # timeout. Test hosts don't need that grace period.
    install -d "$r/etc/systemd/system/user@.service.d"
    printf '[Service]\nTimeoutStopSec=3s\n' >"$r/etc/systemd/system/user@.service.d/zz-gantry-test.conf"

    # Services of this machine that a fresh test server should not run at boot:
    #  - nginx: installed but disabled on purpose; later tests enable/configure it themselves
    #    (`systemctl enable --now nginx`) and expect it stopped and unconfigured until then.
    #  - postgresql, apt timers: not part of a deploy target, slow the boot / may hit the network.
    #  - supervisor: installed on this machine for the supervisor hosts; a systemd host is not one.
    for u in nginx.service postgresql.service apt-daily.timer apt-daily-upgrade.timer supervisor.service; do
        systemctl --root="$r" --quiet disable "$u" >/dev/null 2>&1 || true
    done

    if [[ $manager == supervisor ]]; then prepare_supervisor "$name"; fi
}

# A supervisor host: supervisord (Debian's default /etc/supervisor/supervisord.conf) is PID 1 and
# runs sshd as its program "sshd". /run is a fresh tmpfs at every start (nspawn mounts it), so
# /run/sshd (sshd's privilege separation folder) is made by the program's own command line, which
# then execs sshd: supervisor's pid for "sshd" is sshd's.
prepare_supervisor() {
    local name=$1 r
    r=$(hostdir "$name")/root
    if [[ ! -f $r/etc/supervisor/supervisord.conf || ! -x $r/usr/bin/supervisord ]]; then
        log "$name: supervisor is not installed on this machine"; return 1     # (ERR: up_failed)
    fi
    # a fresh server's conf.d holds nothing but ours (the removal only whiteouts in the overlay)
    rm -f "$r"/etc/supervisor/conf.d/*
    cat >"$r/etc/supervisor/conf.d/sshd.conf" <<'EOF'
; Gantry test host: sshd under supervisor (no systemd on this host)
[program:sshd]
command=/bin/sh -c 'install -d -m 0755 /run/sshd && exec /usr/sbin/sshd -D -e'
autostart=true
autorestart=true
startsecs=1
stopsignal=TERM
stopwaitsecs=5
redirect_stderr=true
stdout_logfile=/var/log/supervisor/sshd.log
EOF
    chmod 644 "$r/etc/supervisor/conf.d/sshd.conf"
    # this machine's logs of supervisor, if any, are not the host's
    rm -rf "$r"/var/log/supervisor/*
    install -d -m 755 "$r/var/log/supervisor"
}

setup_net() {
    local idx=$1 ns veth
    ns=$(netns_of "$idx"); veth=$(veth_of "$idx")
    ip netns add "$ns"
    ip link add "$veth" type veth peer name host0 netns "$ns"
    ip addr add "10.231.$idx.1/24" dev "$veth"
    ip link set "$veth" up
    ip -n "$ns" addr add "10.231.$idx.2/24" dev host0
    ip -n "$ns" link set host0 up
    ip -n "$ns" link set lo up
    # No default route inside: the host reaches only 10.231.<idx>.0/24 (and ip_forward stays as is).
}

boot() {
    local name=$1 idx=$2 manager=$3 h npid lpid i init
    h=$(hostdir "$name")
    # setsid: own session, survives the caller's terminal; stdin/stdout/stderr and the lock fds
    # are NOT inherited (otherwise `ip=$(testhost.sh up ...)` would wait for nspawn to exit).
    # nspawn's own state on this machine, removed again by do_down: /run is on disk here, so nspawn
    # refuses to clean it up itself ("Attempted to remove disk file system under ...").
    echo "gantry-$idx" >"$h/machine"
    echo "inode-$(stat -c '%d:%i' "$h/root")" >"$h/nspawn-lock"
    # A systemd host boots (-b, systemd is PID 1); a supervisor host runs supervisord as PID 1
    # (no -b), and nspawn passes a SIGTERM on to it (orderly stop of its programs, see do_down).
    # Without -b nobody reads /etc/hostname (nspawn would name the host after --machine): --hostname.
    if [[ $manager == supervisor ]]; then
        init=(--hostname="$name" --kill-signal=SIGTERM
              -- /usr/bin/supervisord -n -c /etc/supervisor/supervisord.conf)
    else
        init=(-b -- systemd.firstboot=off)
    fi
    setsid systemd-nspawn -D "$h/root" --machine="gantry-$idx" --register=no --keep-unit \
        --console=read-only --network-namespace-path="/run/netns/$(netns_of "$idx")" \
        "${init[@]}" </dev/null >"$h/console.log" 2>&1 8>&- 9>&- &
    npid=$!
    echo "$npid" >"$h/nspawn.pid"
    # The container's PID 1 is the child of nspawn that lives in a new PID namespace. (nspawn
    # first forks an "outer child" in our PID namespace that exits again: don't take that one.)
    local myns c
    myns=$(readlink "/proc/$npid/ns/pid")
    lpid=
    for i in $(seq 300); do
        for c in $(pgrep -P "$npid" || true); do
            [[ $(readlink "/proc/$c/ns/pid" 2>/dev/null) != "$myns" && -e /proc/$c ]] && { lpid=$c; break; }
        done
        [[ -n $lpid ]] && break
        pid_matches "$npid" systemd-nspawn || break
        sleep 0.1
    done
    if [[ -z $lpid ]] || ! nspawn_pid "$name" >/dev/null; then
        tail -n 40 "$h/console.log" >&2 || true
        return 1
    fi
    echo "$lpid" >"$h/leader.pid"
}

# Prints running|degraded (systemd) or "sshd RUNNING" (supervisor) on success.
wait_ready() {
    [[ $(host_manager "$1") == supervisor ]] && { wait_ready_supervisor "$1"; return; }
    local name=$1 ip start state
    ip=$(host_ip "$name")
    start=$SECONDS
    while (( SECONDS - start < BOOT_TIMEOUT )); do
        is_running "$name" || { log "$name: container exited during boot"; return 1; }
        state=$(timeout 10 ssh "${SSH_OPTS[@]}" -o ConnectTimeout=2 "root@$ip" systemctl is-system-running 2>/dev/null) || true
        case $state in
            running|degraded) echo "$state"; return 0 ;;
            maintenance|stopping|offline) log "$name: system state '$state'"; return 1 ;;
        esac
        sleep 0.3
    done
    log "$name: not ready after ${BOOT_TIMEOUT}s (last state: '${state:-no ssh}')"
    return 1
}

# supervisorctl inside the host, not over ssh (to tell "sshd failed" from "not yet")
supervisorctl_in() {
    local lpid
    lpid=$(leader_pid "$1") || return 1
    shift
    timeout 10 nsenter -t "$lpid" -a -r -w -- /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        supervisorctl -c /etc/supervisor/supervisord.conf "$@"
}

# A supervisor host is ready when `supervisorctl status sshd` says RUNNING over ssh (so both
# supervisord's socket and sshd answer). Fails early when supervisor gave sshd up (FATAL).
wait_ready_supervisor() {
    local name=$1 ip start out inside
    ip=$(host_ip "$name")
    start=$SECONDS
    while (( SECONDS - start < BOOT_TIMEOUT )); do
        is_running "$name" || { log "$name: container (supervisord) exited during start"; return 1; }
        out=$(timeout 10 ssh "${SSH_OPTS[@]}" -o ConnectTimeout=2 "root@$ip" supervisorctl status sshd 2>/dev/null) || true
        if [[ $out =~ ^sshd[[:space:]]+RUNNING ]]; then echo "sshd RUNNING"; return 0; fi
        # (an answer over ssh is sshd's state already; else ask inside)
        if [[ -n $out ]]; then inside=$out; else inside=$(supervisorctl_in "$name" status sshd 2>&1) || true; fi
        if [[ $inside =~ ^sshd[[:space:]]+(FATAL|EXITED|STOPPED) ]]; then
            log "$name: supervisor: $inside; sshd's log:"
            tail -n 20 "$(hostdir "$name")/root/var/log/supervisor/sshd.log" >&2 2>/dev/null || true
            return 1
        fi
        sleep 0.3
    done
    log "$name: not ready after ${BOOT_TIMEOUT}s (over ssh: '${out:-no answer}'; inside: '${inside:-no answer}')"
    return 1
}

cmd_up() {
    local name=$1 idx=$2 manager=${3:-systemd} h t0 state cur curm extra=()
    valid_name "$name"; valid_index "$idx"; idx=$((10#$idx))
    [[ $manager == systemd || $manager == supervisor ]] || die "bad manager '$manager' (systemd or supervisor)"
    [[ $manager == supervisor ]] && extra=(supervisor)
    h=$(hostdir "$name")
    ensure_dir
    with_lock "$DIR/.locks/.global" ensure_packages "${extra[@]}"
    with_lock "$DIR/.locks/.global" make_key

    exec 8>"$DIR/.locks/$name"                 # per-host lock for the whole `up`
    flock -w 120 8 || die "timeout waiting for lock of $name"

    if [[ -d $h ]]; then
        cur=$(cat "$h/index" 2>/dev/null || true)
        if is_running "$name"; then
            [[ $cur == "$idx" ]] || die "host '$name' is already up with index $cur (not $idx)"
            curm=$(host_manager "$name")
            [[ $curm == "$manager" ]] || die "host '$name' is already up as a $curm host (not $manager); run: $0 down $name"
            state=$(wait_ready "$name") || die "$name: already running but not ready"
            log "$name: already up ($state)"
            host_ip "$name"
            return 0
        fi
        log "$name: cleaning up a stale host folder"
        do_down "$name"
    fi

    with_lock "$DIR/.locks/.global" reserve "$name" "$idx"
    echo "$manager" >"$h/manager"
    t0=$EPOCHREALTIME
    # Anything failing from here on tears the half-made host down again (GANTRY_HOSTS_KEEP=1 keeps it).
    trap 'up_failed "$name"' ERR
    trap 'log "$name: interrupted"; up_failed "$name"' INT TERM HUP
    # A whiteout (char 0:0) for /root in the upper layer hides this machine's /root; the mkdir in
    # prepare_root then creates an empty *opaque* directory there (cheap, nothing is copied).
    mknod "$h/up/root" c 0 0
    mount -t overlay overlay -o "lowerdir=/,upperdir=$h/up,workdir=$h/work" "$h/root"
    prepare_root "$name" "$idx" "$manager"
    setup_net "$idx"
    boot "$name" "$idx" "$manager"
    if state=$(wait_ready "$name"); then
        trap - ERR INT TERM HUP
        log "$name: $state after $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s (10.231.$idx.2)"
        if [[ $state == degraded ]]; then
            ssh "${SSH_OPTS[@]}" "root@$(host_ip "$name")" systemctl --failed --no-legend --plain >&2 || true
        fi
        host_ip "$name"
        return 0
    fi
    up_failed "$name"
}

up_failed() {
    local name=$1 h
    trap - ERR INT TERM HUP
    h=$(hostdir "$name")
    log "$name: boot FAILED; console log tail ($h/console.log):"
    tail -n 60 "$h/console.log" >&2 2>/dev/null || true
    if [[ ${GANTRY_HOSTS_KEEP:-0} == 1 ]]; then
        log "$name: kept for inspection (GANTRY_HOSTS_KEEP=1); clean up with: $0 down $name"
    else
        do_down "$name" || true
    fi
    exit 1
}

# ---------------------------------------------------------------------------- other commands

need_host() {
    valid_name "$1"
    [[ -f $(hostdir "$1")/index ]] || die "no host '$1' under $DIR"
}

cmd_exec() {
    local name=$1; shift
    [[ ${1:-} == -- ]] && shift
    (( $# )) || usage
    valid_name "$name"
    local lpid
    lpid=$(leader_pid "$name") || { echo "$PROG: host '$name' is not running" >&2; exit 125; }
    # All namespaces of the container's PID 1, its root and cwd, and a clean root environment.
    exec nsenter -t "$lpid" -a -r -w -- /usr/bin/env -i \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root USER=root LOGNAME=root SHELL=/bin/bash LANG=C.UTF-8 TERM="${TERM:-dumb}" \
        "$@"
}

cmd_ssh() {
    local name=$1; shift
    [[ ${1:-} == -- ]] && shift
    need_host "$name"
    [[ -f $KEY ]] || die "no test key $KEY"
    exec ssh "${SSH_OPTS[@]}" "${GANTRY_SSH_USER:-root}@$(host_ip "$name")" "$@"
}

cmd_key() {
    ensure_dir
    with_lock "$DIR/.locks/.global" make_key
    echo "$KEY"
}

# ---------------------------------------------------------------------------- main

(( $# )) || usage
cmd=$1; shift
case $cmd in
    up)       case $# in
                  2) cmd_up "$1" "$2" ;;
                  3) [[ $3 == --manager=* ]] || usage; cmd_up "$1" "$2" "${3#--manager=}" ;;
                  4) [[ $3 == --manager ]] || usage; cmd_up "$1" "$2" "$4" ;;
                  *) usage ;;
              esac ;;
    down)     (( $# == 1 )) || usage; cmd_down "$1" ;;
    down-all) (( $# == 0 )) || usage; cmd_down_all ;;
    exec)     (( $# >= 2 )) || usage; cmd_exec "$@" ;;
    ssh)      (( $# >= 1 )) || usage; cmd_ssh "$@" ;;
    ip)       (( $# == 1 )) || usage; need_host "$1"; host_ip "$1" ;;
    root)     (( $# == 1 )) || usage; need_host "$1"; echo "$(hostdir "$1")/root" ;;
    key)      (( $# == 0 )) || usage; cmd_key ;;
    -h|--help|help) usage ;;
    *)        usage ;;
esac
