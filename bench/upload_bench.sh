#!/usr/bin/env bash
# Upload of a 100 MiB file to a real systemd host over SSH: Gantry's SshSession (exec channel,
# sha256 verified on the server) against OpenSSH scp, alternating, median of RUNS, in one run.
# Usage: bench/upload_bench.sh path/to/upload_tool [runs]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOL=$(realpath "$1")
RUNS=${2:-5}
HOSTS="bash $ROOT/tests/hosts/testhost.sh"
B=$(mktemp -d /tmp/gantry-upload-bench.XXXXXX)
cleanup() { $HOSTS down ubench >/dev/null 2>&1 || true; rm -rf "$B"; }
trap cleanup EXIT

$HOSTS up ubench 46 >/dev/null
IP=$($HOSTS ip ubench)
KEY=$($HOSTS key)
ssh-keyscan -t ed25519 "$IP" 2>/dev/null >"$B/known_hosts"
head -c $((100 * 1024 * 1024)) /dev/urandom >"$B/payload"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
gantry=()
gantryConnect=()
scp=()
for _ in $(seq "$RUNS"); do
    read -r up withConnect < <("$TOOL" "$IP" 22 root "$KEY" "$B/known_hosts" "$B/payload" /root/payload.gantry)
    gantry+=("$up")
    gantryConnect+=("$withConnect")
    start=$(date +%s.%N)
    scp -q -i "$KEY" -o UserKnownHostsFile="$B/known_hosts" -o BatchMode=yes "$B/payload" "root@$IP:/root/payload.scp"
    scp+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
g=$(printf '%s\n' "${gantry[@]}" | median)
c=$(printf '%s\n' "${gantryConnect[@]}" | median)
s=$(printf '%s\n' "${scp[@]}" | median)
echo "100 MiB upload, median of $RUNS: gantry ${g}s ($(echo "scale=1; 100 / $g" | bc) MiB/s), scp ${s}s ($(echo "scale=1; 100 / $s" | bc) MiB/s)"
echo "gantry throughput vs scp: $(echo "scale=2; $s / $g" | bc)x (goal >= 1.3x); counting connect and auth on both sides: $(echo "scale=2; $s / $c" | bc)x (gantry ${c}s)"
