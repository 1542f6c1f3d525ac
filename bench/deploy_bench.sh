#!/usr/bin/env bash
# Times deploys of an already-built examples/hello-gin against the baselines named in the issue,
# all in the same run, on real systemd hosts (tests/hosts/testhost.sh, indexes 41-45):
#   - an Ansible playbook doing the same job: copy, unpack, unit template, systemd restart,
#     `uri` wait for health (ansible-core, a Debian package, installed here if missing);
#   - a bash script doing what the seed articles do: scp, ssh, tar, systemctl restart, no health;
#   - gantryctl deploy to 1 host, and to 5 hosts.
# Each deploy alternates between two builds (1.0.0 and 2.0.0), so every run really uploads.
#
# With a latency (--latency MS or BENCH_LATENCY_MS=MS, a round trip), every SSH connection of
# every tool goes through bench/latencyproxy.py, one proxy per host and setting on 127.0.0.1:
# bash, gantryctl (1 host) and Ansible are each timed at 0 ms and at MS in the same run (the runs
# interleaved), both through the proxy and both paced at BENCH_RATE_MBIT (default 100) Mbit/s
# each way, so the proxy costs both the same and the difference is the waiting: round trips
# = (t_MS - t_0) / MS. The 5-host comparison then goes through the 0 ms proxies. Without a
# latency, nothing goes through a proxy (as before).
#
# Usage: bench/deploy_bench.sh [--latency MS] [path/to/gantryctl] [runs]
#        RUNS=3 BENCH_LATENCY_MS=50 bench/deploy_bench.sh
#
# Measured on 2026-12-08 (Debian 12, 2 cores, release gantryctl of bc3a430, RUNS=3,
# --latency 50, 100 Mbit/s, a new connection paying the TCP handshake), median [the runs]:
#   tool                                   0 ms    50 ms  round trips
#   bash script (scp + ssh)              1.65 s   2.84 s           24   [1.70 1.65 1.56 | 2.86 2.67 2.84]
#   gantryctl deploy, 1 host             1.73 s   3.53 s           36   [1.81 1.73 1.26 | 3.34 4.04 3.53]
#   Ansible playbook                    15.80 s  26.45 s          213   [16.65 15.80 11.16 | 26.45 26.24 26.93]
# (at 0 ms through the proxies: gantry/ansible 0.11, gantry/bash 1.05, gantryctl 5 hosts 2.46 s,
# 5 hosts/1 host 1.42.) With 3 runs a count is good to about +-10: the 0 ms times vary by up to
# 0.5 s (gantry) and 5 s (Ansible, CPU-bound on 2 cores). Ansible's SSH master (ControlPersist
# 60 s) lives from one run to the next, so its count is the playbook's tasks, not its connections.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LATENCY_MS=${BENCH_LATENCY_MS:-0}
RATE_MBIT=${BENCH_RATE_MBIT:-100}
ARGS=()
while (($#)); do
    case $1 in
        --latency) LATENCY_MS=${2:?--latency needs MS (a round trip)}; shift 2 ;;
        --latency=*) LATENCY_MS=${1#--latency=}; shift ;;
        *) ARGS+=("$1"); shift ;;
    esac
done
[[ $LATENCY_MS =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "--latency: a round trip in ms, got '$LATENCY_MS'" >&2; exit 2; }
LAT=$(awk -v l="$LATENCY_MS" 'BEGIN { print (l > 0) }') # 1: time at 0 ms and at LATENCY_MS
GANTRYCTL=${ARGS[0]:-${GANTRYCTL:-$ROOT/build/release/cli/gantryctl}}
RUNS=${ARGS[1]:-${RUNS:-5}}
HOSTS="bash $ROOT/tests/hosts/testhost.sh"
PY=/usr/bin/python3 # Debian's, for bench/latencyproxy.py
B=$(mktemp -d /tmp/gantry-deploy-bench.XXXXXX)
NAMES=(bench1 bench2 bench3 bench4 bench5)
PROXY_PIDS=()
cleanup() {
    for p in "${PROXY_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
    for p in "${PROXY_PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    for i in 0 1 2 3 4; do $HOSTS down "${NAMES[$i]}" >/dev/null 2>&1 || true; done
    rm -rf "$B"
}
trap cleanup EXIT

dpkg-query -W -f='${Status}' ansible-core 2>/dev/null | grep -q "install ok installed" ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ansible-core >/dev/null

echo "booting 5 hosts ..."
for i in 0 1 2 3 4; do $HOSTS up "${NAMES[$i]}" $((41 + i)) >/dev/null & done
wait
IPS=()
for i in 0 1 2 3 4; do IPS+=("$($HOSTS ip "${NAMES[$i]}")"); done
KEY=$($HOSTS key)
SSH_OPTS=(-i "$KEY" -o UserKnownHostsFile="$B/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes)
for ip in "${IPS[@]}"; do ssh-keyscan -t ed25519 "$ip" 2>/dev/null >>"$B/known_hosts"; done

# Where each tool connects to, as ADDR:PORT: EP0[i] for host i at 0 ms, EPL for host 1 at the
# latency. The proxies' keys are the hosts' own, scanned directly above, written for
# [127.0.0.1]:PORT as ssh looks them up there.
proxy() { # proxy HOSTINDEX ONE_WAY_MS: starts a proxy in front of the host's port 22, prints ADDR:PORT
    local f=$B/proxy.$1.$2 port=
    $PY "$ROOT/bench/latencyproxy.py" --listen 127.0.0.1:0 --target "${IPS[$1]}:22" \
        --delay-ms "$2" --rate-mbit "$RATE_MBIT" >"$f.port" 2>"$f.err" &
    PROXY_PIDS+=($!)
    for _ in $(seq 100); do
        port=$(head -1 "$f.port")
        [[ -n $port ]] && break
        sleep 0.05
    done
    [[ -n $port ]] || { echo "latencyproxy did not start:" >&2; cat "$f.err" >&2; exit 1; }
    echo "[127.0.0.1]:$port $(grep "^${IPS[$1]} " "$B/known_hosts" | cut -d' ' -f2-)" >>"$B/known_hosts"
    EP=127.0.0.1:$port
}
EP0=()
if ((LAT)); then
    for i in 0 1 2 3 4; do proxy "$i" 0; EP0+=("$EP"); done
    proxy 0 "$(awk -v l="$LATENCY_MS" 'BEGIN { print l / 2 }')"
    EPL=$EP
    SETTINGS=(0 lat)
else
    for ip in "${IPS[@]}"; do EP0+=("$ip:22"); done
    SETTINGS=(0)
fi
ep() { # ep SETTING: host 1's endpoint at that setting
    if [[ $1 == lat ]]; then echo "$EPL"; else echo "${EP0[0]}"; fi
}

# Two builds of the example, made once.
cp -r "$ROOT/examples/hello-gin" "$B/hello-gin"
export GOFLAGS="$("$ROOT/scripts/go-offline-modfile.sh" "$B/hello-gin" "$B/stage" 2>/dev/null | tail -1)"
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off XDG_CACHE_HOME="$B/xdg"
for v in 1.0.0 2.0.0; do
    "$GANTRYCTL" build "$B/hello-gin" --target linux/amd64 --version $v --out "$B/dist/$v" >/dev/null 2>&1
done
art() { echo "$B/dist/$1/hello-gin_$1_linux_amd64.tar.gz"; }

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
version() { if (($1 % 2)); then echo 2.0.0; else echo 1.0.0; fi; }

# --- the bash baseline (seed articles): scp, ssh tar + restart, no health check ---
# Each takes an endpoint ADDR:PORT.
bash_setup() {
    ssh "${SSH_OPTS[@]}" -p "${1##*:}" root@"${1%:*}" 'mkdir -p /opt/bashdeploy && cat > /etc/systemd/system/bashdeploy.service' <<'EOF'
[Service]
Environment=PORT=8081 GIN_MODE=release
ExecStart=/opt/bashdeploy/hello-gin
Restart=on-failure
[Install]
WantedBy=multi-user.target
EOF
    ssh "${SSH_OPTS[@]}" -p "${1##*:}" root@"${1%:*}" systemctl daemon-reload
}
bash_deploy() {
    scp -q "${SSH_OPTS[@]}" -P "${1##*:}" "$(art "$2")" root@"${1%:*}":/tmp/app.tar.gz
    ssh "${SSH_OPTS[@]}" -p "${1##*:}" root@"${1%:*}" 'tar -xzf /tmp/app.tar.gz -C /opt/bashdeploy && systemctl restart bashdeploy'
}

# --- the Ansible baseline: the same job as Gantry's, health-checked ---
for s in "${SETTINGS[@]}"; do # one inventory per setting: host 1 at that setting's endpoint
    e=$(ep "$s")
    cat >"$B/inventory.$s" <<EOF
[bench]
bench1 ansible_host=${e%:*} ansible_port=${e##*:} ansible_user=root ansible_ssh_private_key_file=$KEY ansible_ssh_common_args='-o UserKnownHostsFile=$B/known_hosts'
EOF
done
cat >"$B/unit.j2" <<'EOF'
[Unit]
Description=hello-gin {{ version }}
[Service]
Environment=PORT=8082 GIN_MODE=release
WorkingDirectory=/opt/ansibledeploy/current
ExecStart=/opt/ansibledeploy/current/hello-gin
Restart=on-failure
NoNewPrivileges=yes
[Install]
WantedBy=multi-user.target
EOF
cat >"$B/playbook.yml" <<'EOF'
- hosts: bench
  gather_facts: false
  tasks:
    - file: { path: "/opt/ansibledeploy/releases/{{ version }}", state: directory }
    - copy: { src: "{{ artifact }}", dest: "/opt/ansibledeploy/{{ version }}.tar.gz" }
    - unarchive: { src: "/opt/ansibledeploy/{{ version }}.tar.gz", dest: "/opt/ansibledeploy/releases/{{ version }}", remote_src: true }
    - file: { src: "/opt/ansibledeploy/releases/{{ version }}", dest: /opt/ansibledeploy/current, state: link }
    - template: { src: unit.j2, dest: /etc/systemd/system/ansibledeploy.service }
    - systemd: { name: ansibledeploy, state: restarted, daemon_reload: true }
    - uri: { url: "http://127.0.0.1:8082/healthz" }
      register: health
      until: health.status == 200
      retries: 30
      delay: 1
EOF
ansible_deploy() { # ansible_deploy SETTING VERSION
    (cd "$B" && ANSIBLE_HOST_KEY_CHECKING=True ansible-playbook -i "inventory.$1" playbook.yml \
        -e "version=$2 artifact=$(art "$2")" >"$B/ansible.log" 2>&1) || { cat "$B/ansible.log"; exit 1; }
}

# --- Gantry ---
G() { "$GANTRYCTL" --workspace "$B/ws" "$@"; }
# The host key is pinned on first contact (as a user would after checking the fingerprint), for
# the endpoint's host:port: [127.0.0.1]:PORT in the workspace's known_hosts behind a proxy.
gantry_add() { # gantry_add NAME ADDR:PORT
    G server add "$1" --host "${2%:*}" --port "${2##*:}" --user root --key "$KEY" --accept-new-host-key \
        >"$B/server-add.log" 2>&1 || { cat "$B/server-add.log"; exit 1; }
}
for i in 0 1 2 3 4; do gantry_add "${NAMES[$i]}" "${EP0[$i]}"; done
((LAT)) && gantry_add bench1-lat "$EPL" # the same host 1, through the delaying proxy
gserver() { if [[ $1 == lat ]]; then echo bench1-lat; else echo bench1; fi; }
G profile set "$B/hello-gin" prod --setting healthIntervalSecs=1 >/dev/null 2>&1 || true
gantry_deploy() { # gantry_deploy RUN HOST...
    local v args=()
    v=$(version "$1")
    shift
    for h in "$@"; do args+=(--server "$h"); done
    # The build is done (as for the baselines): deploy its folder, as the Deploy page's "version" does.
    G deploy "$B/hello-gin" "${args[@]}" --profile prod --artifacts "$B/dist/$v" >"$B/gantry.log" 2>&1 || { cat "$B/gantry.log"; exit 1; }
}

# Each tool's deploys to host 1 count on, over both settings, so each deploys the other version
# than its last one there.
NB=0 NA=0 NG=0
next() { # next COUNTER: V is the version for that count, the counter goes on
    local -n c=$1
    V=$(version "$c")
    c=$((c + 1))
}
bash_setup "${EP0[0]}"
gantry_deploy $((NG++)) bench1 # warm-up: first release, user creation
gantry_deploy $((NG++)) bench1 # warm-up: both versions on the server once
for s in "${SETTINGS[@]}"; do # warm-ups at each setting (ansible: also its SSH master for the port)
    next NB; bash_deploy "$(ep "$s")" "$V"
    next NA; ansible_deploy "$s" "$V" # ansible's first run installs nothing, but caches its modules
    ((LAT)) && gantry_deploy $((NG++)) "$(gserver "$s")"
done

for r in $(seq 1 "$RUNS"); do
    for s in "${SETTINGS[@]}"; do
        next NB; t=$(now); bash_deploy "$(ep "$s")" "$V"; echo "$(now) - $t" | bc >>"$B/t.bash.$s"
        next NA; t=$(now); ansible_deploy "$s" "$V"; echo "$(now) - $t" | bc >>"$B/t.ansible.$s"
        t=$(now); gantry_deploy $((NG++)) "$(gserver "$s")"; echo "$(now) - $t" | bc >>"$B/t.gantry1.$s"
    done
done
gantry_deploy 0 "${NAMES[@]}" # warm-up of the other four
for r in $(seq 1 "$RUNS"); do
    s=$(now); gantry_deploy "$r" "${NAMES[@]}"; echo "$(now) - $s" | bc >>"$B/t.gantry5"
done
# The same rig with the bash script on all five at once: what 5 hosts cost when the five "servers"
# share this machine's cores with each other and with the client, whatever the tool.
for i in 1 2 3 4; do bash_setup "${EP0[$i]}"; done
for r in $(seq 1 "$RUNS"); do
    v=$(version "$r")
    s=$(now)
    pids=()
    for e in "${EP0[@]}"; do bash_deploy "$e" "$v" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p"; done # not `wait`: the proxies are children too
    echo "$(now) - $s" | bc >>"$B/t.bash5"
done

tb=$(median <"$B/t.bash.0"); ta=$(median <"$B/t.ansible.0"); t1=$(median <"$B/t.gantry1.0"); t5=$(median <"$B/t.gantry5")
tb5=$(median <"$B/t.bash5")
if ((LAT)); then
    printf 'every SSH connection through bench/latencyproxy.py (%s Mbit/s each way); below, 0 ms\n' "$RATE_MBIT"
fi
printf 'deploy of an already-built hello-gin, median of %s runs:\n' "$RUNS"
printf '  %-44s %6.2f s\n' "bash script (scp, ssh, restart; no health)" "$tb" "Ansible playbook (same job, health-checked)" "$ta" \
    "gantryctl deploy, 1 host" "$t1" "gantryctl deploy, 5 hosts" "$t5"
printf 'gantry/ansible: %.2f (goal <= 0.30)\n' "$(echo "$t1 / $ta" | bc -l)"
printf 'gantry/bash:    %.2f (goal <= 1.50)\n' "$(echo "$t1 / $tb" | bc -l)"
printf '5 hosts/1 host: %.2f (goal <= 1.50)\n' "$(echo "$t5 / $t1" | bc -l)"
printf 'the bash script on 5 hosts at once: %.2f s, %.2f of its 1 host (the rig: 5 servers on %s cores)\n' \
    "$tb5" "$(echo "$tb5 / $tb" | bc -l)" "$(nproc)"
if ((LAT)); then
    printf '\nround trips each deploy waits for: median at 0 ms and at %s ms round trip (same run, same proxy,\n' "$LATENCY_MS"
    printf '%s Mbit/s each way), round trips = (t%s - t0) / %s ms; the runs, in s, in brackets:\n' "$RATE_MBIT" "$LATENCY_MS" "$LATENCY_MS"
    printf '  %-34s %8s %8s %12s\n' "tool" "0 ms" "$LATENCY_MS ms" "round trips"
    for row in "bash|bash script (scp + ssh)" "gantry1|gantryctl deploy, 1 host" "ansible|Ansible playbook"; do
        f=${row%%|*}
        z=$(median <"$B/t.$f.0"); l=$(median <"$B/t.$f.lat")
        printf '  %-34s %6.2f s %6.2f s %12.0f   [%s | %s]\n' "${row#*|}" "$z" "$l" \
            "$(echo "($l - $z) * 1000 / $LATENCY_MS" | bc -l)" \
            "$(xargs printf '%.2f ' <"$B/t.$f.0" | sed 's/ $//')" "$(xargs printf '%.2f ' <"$B/t.$f.lat" | sed 's/ $//')"
    done
fi
