#!/usr/bin/env bash
# The ctest fixture of the deploy tests: `deployhosts.sh up` boots d1 (10.231.31.2) and
# d2 (10.231.32.2) in parallel; `deployhosts.sh down` stops them and leaves no mount, network
# namespace or process behind (it also runs when a test failed).
set -u
HOSTS="bash $(dirname "${BASH_SOURCE[0]}")/testhost.sh"
case ${1:-} in
up)
    $HOSTS down d1 >/dev/null 2>&1; $HOSTS down d2 >/dev/null 2>&1
    $HOSTS up d1 31 >/dev/null & a=$!
    $HOSTS up d2 32 >/dev/null & b=$!
    wait $a && wait $b && echo "d1 and d2 are up" ;;
down)
    $HOSTS down d1; $HOSTS down d2 ;;
*)
    echo "usage: deployhosts.sh up|down" >&2; exit 2 ;;
esac
