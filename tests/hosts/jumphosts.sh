#!/usr/bin/env bash
# The ctest fixture of the ProxyJump test: `jumphosts.sh up` boots jump-j (10.231.62.2) and jump-t
# (10.231.63.2) in their own harness folder, links the two by a private veth pair (10.233.61.1 on
# jump-j, 10.233.61.2 on jump-t) and makes jump-t's sshd listen on that link only: this machine
# reaches jump-t's SSH only through jump-j. `jumphosts.sh down` stops both and leaves nothing
# behind (deleting the network namespaces also deletes the private pair). The link's subnet is
# unreachable from this machine by an explicit route, so no packet for it ever leaves the machine.
set -u
export GANTRY_HOSTS_DIR=${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts-jump}
HOSTS="bash $(dirname "${BASH_SOURCE[0]}")/testhost.sh"
case ${1:-} in
up)
    $HOSTS down jump-j >/dev/null 2>&1; $HOSTS down jump-t >/dev/null 2>&1
    ip route replace unreachable 10.233.61.0/24 || exit 1
    $HOSTS up jump-j 62 >/dev/null & a=$!
    $HOSTS up jump-t 63 >/dev/null & b=$!
    wait $a && wait $b || exit 1
    ip -n gantry-62 link add gjump62 type veth peer name gjump63 netns gantry-63 || exit 1
    ip -n gantry-62 addr add 10.233.61.1/24 dev gjump62 && ip -n gantry-62 link set gjump62 up || exit 1
    ip -n gantry-63 addr add 10.233.61.2/24 dev gjump63 && ip -n gantry-63 link set gjump63 up || exit 1
    $HOSTS exec jump-t -- sh -c 'echo "ListenAddress 10.233.61.2" > /etc/ssh/sshd_config.d/01-jump-only.conf &&
        systemctl restart ssh' || exit 1
    for _ in $(seq 50); do
        $HOSTS exec jump-t -- ss -Htln 'sport = :22' | grep -q '10.233.61.2:22' && break
        sleep 0.2
    done
    if $HOSTS exec jump-t -- ss -Htln 'sport = :22' | grep -qv '10.233.61.2:22'; then
        echo "jump-t's sshd still listens elsewhere" >&2; exit 1
    fi
    $HOSTS exec jump-j -- ssh-keyscan -T 5 10.233.61.2 >/dev/null 2>&1 || { echo "jump-j cannot reach jump-t" >&2; exit 1; }
    echo "jump-j and jump-t are up; jump-t only through jump-j" ;;
down)
    ip route del unreachable 10.233.61.0/24 2>/dev/null
    $HOSTS down jump-j; $HOSTS down jump-t ;;
*)
    echo "usage: jumphosts.sh up|down" >&2; exit 2 ;;
esac
