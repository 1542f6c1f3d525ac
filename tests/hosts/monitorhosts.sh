#!/usr/bin/env bash
# The ctest fixture of the monitor tests: `monitorhosts.sh up` boots m1 (10.231.33.2) and
# m2 (10.231.34.2) in parallel; `monitorhosts.sh down` stops them and leaves no mount, network
# namespace or process behind (it also runs when a test failed).
set -u
HOSTS="bash $(dirname "${BASH_SOURCE[0]}")/testhost.sh"
case ${1:-} in
up)
    $HOSTS down m1 >/dev/null 2>&1; $HOSTS down m2 >/dev/null 2>&1
    $HOSTS up m1 33 >/dev/null & a=$!
    $HOSTS up m2 34 >/dev/null & b=$!
    wait $a && wait $b && echo "m1 and m2 are up" ;;
down)
    $HOSTS down m1; $HOSTS down m2 ;;
*)
    echo "usage: monitorhosts.sh up|down" >&2; exit 2 ;;
esac
