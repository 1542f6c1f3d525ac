# The checks the host tests share; sourced after T (the test's temporary folder), HOSTS (the
# testhost.sh command) and GANTRYCTL are set. Every output of `expect` is also kept in
# $T/all-output, so a test can show that a secret never reached it.
PASSED=0
FAILED=0
ok() { PASSED=$((PASSED + 1)); echo "PASS: $1"; }
bad() { FAILED=$((FAILED + 1)); echo "FAIL: $1"; [ -f "$T/err" ] && sed 's/^/    | /' "$T/err" | tail -25; }
# expect NAME CODE PATTERN -- command...: exit code and a pattern in stderr or stdout
expect() {
    local name=$1 code=$2 pattern=$3
    shift 4
    "$@" >"$T/out" 2>"$T/err"
    local got=$?
    cat "$T/out" "$T/err" >>"$T/all-output"
    if [ "$got" -ne "$code" ]; then bad "$name (exit $got, wanted $code)"; return 1; fi
    if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$T/err" "$T/out"; then bad "$name (no /$pattern/)"; return 1; fi
    ok "$name"
}
check() { # check NAME -- command...: the command succeeds
    local name=$1
    shift 2
    if "$@" >"$T/check" 2>&1; then ok "$name"; else bad "$name"; sed 's/^/    | /' "$T/check" | tail -10; fi
}
json() { python3 -c "import json,sys; d=json.load(open('$T/out')); sys.exit(0 if ($1) else 1)"; }
on() { local h=$1; shift; $HOSTS exec "$h" -- "$@"; }
G() { "$GANTRYCTL" --workspace "$T/ws" "$@"; }
