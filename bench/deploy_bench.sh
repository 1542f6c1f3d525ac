#!/usr/bin/env bash
# Times deploys of an already-built examples/hello-gin against the baselines named in the issue,
# all in the same run, on real systemd hosts (tests/hosts/testhost.sh, indexes 41-45):
#   - an Ansible playbook doing the same job: copy, unpack, unit template, systemd restart,
#     `uri` wait for health (ansible-core, a Debian package, installed here if missing);
#   - a bash script doing what the seed articles do: scp, ssh, tar, systemctl restart, no health;
#   - gantryctl deploy to 1 host, and to 5 hosts.
# Each deploy alternates between two builds (1.0.0 and 2.0.0), so every run really uploads.
# Usage: bench/deploy_bench.sh [path/to/gantryctl] [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GANTRYCTL=${1:-$ROOT/build/release/cli/gantryctl}
RUNS=${2:-5}
HOSTS="bash $ROOT/tests/hosts/testhost.sh"
B=$(mktemp -d /tmp/gantry-deploy-bench.XXXXXX)
NAMES=(bench1 bench2 bench3 bench4 bench5)
cleanup() {
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
bash_setup() {
    ssh "${SSH_OPTS[@]}" root@"$1" 'mkdir -p /opt/bashdeploy && cat > /etc/systemd/system/bashdeploy.service' <<'EOF'
[Service]
Environment=PORT=8081 GIN_MODE=release
ExecStart=/opt/bashdeploy/hello-gin
Restart=on-failure
[Install]
WantedBy=multi-user.target
EOF
    ssh "${SSH_OPTS[@]}" root@"$1" systemctl daemon-reload
}
bash_deploy() {
    scp -q "${SSH_OPTS[@]}" "$(art "$2")" root@"$1":/tmp/app.tar.gz
    ssh "${SSH_OPTS[@]}" root@"$1" 'tar -xzf /tmp/app.tar.gz -C /opt/bashdeploy && systemctl restart bashdeploy'
}

# --- the Ansible baseline: the same job as Gantry's, health-checked ---
cat >"$B/inventory" <<EOF
[bench]
${IPS[0]} ansible_user=root ansible_ssh_private_key_file=$KEY ansible_ssh_common_args='-o UserKnownHostsFile=$B/known_hosts'
EOF
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
ansible_deploy() {
    (cd "$B" && ANSIBLE_HOST_KEY_CHECKING=True ansible-playbook -i inventory playbook.yml \
        -e "version=$2 artifact=$(art "$2")" >"$B/ansible.log" 2>&1) || { cat "$B/ansible.log"; exit 1; }
}

# --- Gantry ---
G() { "$GANTRYCTL" --workspace "$B/ws" "$@"; }
for i in 0 1 2 3 4; do
    G server add "${NAMES[$i]}" --host "${IPS[$i]}" --user root --key "$KEY" --accept-new-host-key >/dev/null 2>&1
done
G profile set "$B/hello-gin" prod --setting healthIntervalSecs=1 >/dev/null 2>&1 || true
gantry_deploy() { # gantry_deploy RUN HOST...
    local v args=()
    v=$(version "$1")
    shift
    for h in "$@"; do args+=(--server "$h"); done
    # The build is done (as for the baselines): deploy its folder, as the Deploy page's "version" does.
    G deploy "$B/hello-gin" "${args[@]}" --profile prod --artifacts "$B/dist/$v" >"$B/gantry.log" 2>&1 || { cat "$B/gantry.log"; exit 1; }
}

bash_setup "${IPS[0]}"
ansible_deploy "${IPS[0]}" 1.0.0 # warm-up: ansible's first run installs nothing, but caches its modules
gantry_deploy 0 bench1 # warm-up: first release, user creation
gantry_deploy 1 bench1 # warm-up: both versions on the server once

for r in $(seq 1 "$RUNS"); do
    v=$(version "$r")
    s=$(now); bash_deploy "${IPS[0]}" "$v"; echo "$(now) - $s" | bc >>"$B/t.bash"
    s=$(now); ansible_deploy "${IPS[0]}" "$v"; echo "$(now) - $s" | bc >>"$B/t.ansible"
    s=$(now); gantry_deploy "$r" bench1; echo "$(now) - $s" | bc >>"$B/t.gantry1"
done
gantry_deploy 0 "${NAMES[@]}" # warm-up of the other four
for r in $(seq 1 "$RUNS"); do
    s=$(now); gantry_deploy "$r" "${NAMES[@]}"; echo "$(now) - $s" | bc >>"$B/t.gantry5"
done
# The same rig with the bash script on all five at once: what 5 hosts cost when the five "servers"
# share this machine's cores with each other and with the client, whatever the tool.
for i in 1 2 3 4; do bash_setup "${IPS[$i]}"; done
for r in $(seq 1 "$RUNS"); do
    v=$(version "$r")
    s=$(now)
    for ip in "${IPS[@]}"; do bash_deploy "$ip" "$v" & done
    wait
    echo "$(now) - $s" | bc >>"$B/t.bash5"
done

tb=$(median <"$B/t.bash"); ta=$(median <"$B/t.ansible"); t1=$(median <"$B/t.gantry1"); t5=$(median <"$B/t.gantry5")
tb5=$(median <"$B/t.bash5")
printf 'deploy of an already-built hello-gin, median of %s runs:\n' "$RUNS"
printf '  %-44s %6.2f s\n' "bash script (scp, ssh, restart; no health)" "$tb" "Ansible playbook (same job, health-checked)" "$ta" \
    "gantryctl deploy, 1 host" "$t1" "gantryctl deploy, 5 hosts" "$t5"
printf 'gantry/ansible: %.2f (goal <= 0.30)\n' "$(echo "$t1 / $ta" | bc -l)"
printf 'gantry/bash:    %.2f (goal <= 1.50)\n' "$(echo "$t1 / $tb" | bc -l)"
printf '5 hosts/1 host: %.2f (goal <= 1.50)\n' "$(echo "$t5 / $t1" | bc -l)"
printf 'the bash script on 5 hosts at once: %.2f s, %.2f of its 1 host (the rig: 5 servers on %s cores)\n' \
    "$tb5" "$(echo "$tb5 / $tb" | bc -l)" "$(nproc)"
