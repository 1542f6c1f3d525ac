#!/bin/bash
# Proves SystemdEnvFile::render() on a booted systemd: a unit with EnvironmentFile= runs
# `env -0`, and every variable it prints must equal, byte for byte, what envfile_tool expects.
#
#   envfile_e2e.sh PATH/TO/envfile_tool
#
# Boots the host with tests/hosts/testhost.sh (host "envhost", index 7); needs root, as
# /work/shared/reference/test-hosts.md describes.
# Prints "N passed, M failed" and exits non-zero on any failure; leaves nothing behind.

set -u
export LC_ALL=C

tool=${1:?usage: envfile_e2e.sh PATH/TO/envfile_tool}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d /tmp/gantry-envfile-e2e.XXXXXX)
host=envhost

host_up() { bash "$here/testhost.sh" up "$host" 7 > /dev/null; }
host_exec() { bash "$here/testhost.sh" exec "$host" -- "$@"; }
host_root() { bash "$here/testhost.sh" root "$host"; }
host_down() { bash "$here/testhost.sh" down "$host"; }

cleanup() {
    host_down
    rm -rf "$work"
}
trap cleanup EXIT

"$tool" render "$work/gantry-envdump.env" "$work/expected.bin" || { echo "0 passed, 1 failed"; exit 1; }

echo "Booting $host ..."
booted=0
for attempt in 1 2 3; do # testhost.sh may record nspawn's short-lived helper as PID 1; try again
    if host_up; then
        booted=1
        break
    fi
    echo "boot attempt $attempt failed"
    host_down
done
[[ $booted == 1 ]] || { echo "the host did not boot"; echo "0 passed, 1 failed"; exit 1; }
root=$(host_root)

cp "$work/gantry-envdump.env" "$root/etc/gantry-envdump.env"
chmod 600 "$root/etc/gantry-envdump.env"
cat > "$root/etc/systemd/system/gantry-envdump.service" << 'EOF'
[Unit]
Description=Dump the environment that EnvironmentFile= gives a service

[Service]
Type=oneshot
EnvironmentFile=/etc/gantry-envdump.env
ExecStart=/usr/bin/env -0
StandardOutput=file:/tmp/envdump.bin
EOF

host_exec systemctl daemon-reload
if ! host_exec systemctl start gantry-envdump.service; then
    host_exec journalctl -u gantry-envdump.service --no-pager -n 20
    echo "0 passed, 1 failed"
    exit 1
fi
# The host's /tmp is its own tmpfs, so read the dump from inside.
host_exec cat /tmp/envdump.bin > "$work/dump.bin"

"$tool" compare "$work/expected.bin" "$work/dump.bin" > "$work/compare.txt"

# Values render() refuses: written raw anyway, systemd must refuse to start the unit.
if "$tool" refused "$work/refused" > "$work/refused.txt"; then
    while read -r case; do
        cp "$work/refused/$case.env" "$root/etc/gantry-envdump.env"
        host_exec systemctl reset-failed gantry-envdump.service 2> /dev/null
        if host_exec systemctl start gantry-envdump.service 2> /dev/null; then
            echo "FAIL refused/$case: systemd started the unit" >> "$work/compare.txt"
        else
            echo "ok refused/$case" >> "$work/compare.txt"
        fi
    done < "$work/refused.txt"
else
    echo "FAIL refused: envfile_tool refused failed" >> "$work/compare.txt"
fi

grep -v '^ok ' "$work/compare.txt"
passed=$(grep -c '^ok ' "$work/compare.txt")
failed=$(grep -c '^FAIL ' "$work/compare.txt")
echo "$passed passed, $failed failed"
[[ $failed == 0 && $passed -gt 0 ]]
