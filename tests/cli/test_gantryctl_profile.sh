#!/usr/bin/env bash
# gantryctl profile and workspace, driven from a shell the way users and scripts drive them: the
# workspace in a temporary folder, a real gnome-keyring for secrets (tests/support/with-keyring.sh),
# exit codes, messages, JSON, and what really lands in the SQLite file, the keychain and the logs.
set -u
GANTRYCTL=$(realpath "$1")
SRC=${GANTRY_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
if [ -z "${GANTRY_TEST_KEYRING:-}" ]; then # run by hand: get a private keyring first
    export GANTRY_TEST_KEYRING=1
    exec bash "$SRC/tests/support/with-keyring.sh" bash "$0" "$@"
fi
T=$(mktemp -d /tmp/gantryctl-profile.XXXXXX)
PASSED=0
FAILED=0
trap 'rm -rf "$T"' EXIT

ok() { PASSED=$((PASSED + 1)); echo "PASS: $1"; }
bad() {
    FAILED=$((FAILED + 1)); echo "FAIL: $1"
    [ -f "$T/err" ] && sed 's/^/    | /' "$T/err" | tail -8
    [ -f "$T/out" ] && sed 's/^/    > /' "$T/out" | tail -8
}
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# expect NAME CODE PATTERN -- command...: exit code and a pattern in stderr or stdout
expect() {
    local name=$1 code=$2 pattern=$3
    shift 4
    "$@" >"$T/out" 2>"$T/err"
    local got=$?
    [ -n "${SECRET_OUTPUT:-}" ] || cat "$T/out" "$T/err" >>"$T/all-output"
    if [ "$got" -ne "$code" ]; then bad "$name (exit $got, wanted $code)"; return; fi
    if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$T/err" "$T/out"; then bad "$name (no /$pattern/)"; return; fi
    ok "$name"
}
# py EXPR: a Python expression over d, the JSON gantryctl printed last
py() { python3 -c "import json,sys; d=json.load(open('$T/out')); sys.exit(0 if ($1) else 1)"; }
dump() { sqlite3 "file:$1/workspace.db?mode=ro" .dump 2>/dev/null | grep -v '^PRAGMA\|^BEGIN\|^COMMIT'; }
sql() { sqlite3 "file:$W/workspace.db?mode=ro" "$1"; }
G() { "$GANTRYCTL" --workspace "$W" "$@"; }
NO_KEYCHAIN=(env -u DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent)

W="$T/ws"
APPDATA="${XDG_DATA_HOME:-$HOME/.local/share}"
for d in hello-gin naming/a/api naming/b/api naming/c/api conc; do
    mkdir -p "$T/$(dirname "$d")" && cp -r "$SRC/examples/hello-gin" "$T/$d" && rm -rf "$T/$d/dist"
done
P="$T/hello-gin"

# --- usage ---
expect "help lists profile, workspace and --workspace" 0 "profile set PROJECT PROFILE" -- "$GANTRYCTL" help
grep -q -- "--workspace DIR" "$T/err" && grep -q "workspace export FILE.json" "$T/err" && grep -q -- "--secret NAME" "$T/err" \
    && ok "help text names the options" || bad "help text names the options"
expect "profile without an action" 2 "Usage: gantryctl profile" -- "$GANTRYCTL" profile
expect "unknown action" 2 "not an action" -- "$GANTRYCTL" profile frob "$P"
expect "missing PROFILE" 2 "PROJECT PROFILE" -- "$GANTRYCTL" profile show "$P"
expect "--workspace without a folder" 2 "needs a folder" -- "$GANTRYCTL" profile list "$P" --workspace
expect "profile set --help" 0 "--secret" -- "$GANTRYCTL" profile set --help
expect "build accepts --workspace" 0 "--target" -- "$GANTRYCTL" build --workspace "$W" --help

# --- --workspace before and after the command: one and the same database ---
expect "list, --workspace first" 0 "base" -- "$GANTRYCTL" --workspace "$W" profile list "$P"
for p in base dev test prod; do grep -qE "^  $p " "$T/out" || { bad "list shows $p"; continue; }; ok "list shows $p"; done
expect "set, --workspace last" 0 "Set PORT" -- "$GANTRYCTL" profile set hello-gin dev PORT=9000 --workspace "$W"
expect "show, --workspace=DIR in the middle" 0 "" -- "$GANTRYCTL" profile --workspace="$W" show hello-gin dev --json
py "[v['value'] for v in d['variables'] if v['name'] == 'PORT'] == ['9000']" && ok "both positions hit the same DB" \
    || bad "both positions hit the same DB"
[ "$(sql "SELECT value FROM variables WHERE name = 'PORT'")" = 9000 ] && ok "the value is in \$W/workspace.db" \
    || bad "the value is in \$W/workspace.db"
[ ! -e "$APPDATA/Gantry/gantry/workspace.db" ] && ok "the default workspace was not touched" \
    || bad "the default workspace was touched"
expect "list --json" 0 "" -- G profile list "$P" --json
py "[p['name'] for p in d['profiles']] == ['base','dev','test','prod'] and d['project'] == 'hello-gin'" \
    && ok "list --json: base dev test prod" || bad "list --json: base dev test prod"
py "[p['extends'] for p in d['profiles']] == ['','base','base','base']" && ok "dev, test, prod extend base" \
    || bad "dev, test, prod extend base"
expect "workspace info" 0 "" -- G workspace info --json
py "len(d['projects']) == 1 and d['projects'][0]['path'] == '$P'" && ok "folder and name are one project" \
    || bad "folder and name are one project"

# --- naming: folder name, then the Go module's name, then name-2 ---
NW="$T/naming-ws"
for d in a b c; do "$GANTRYCTL" --workspace "$NW" profile list "$T/naming/$d/api" >/dev/null 2>&1; done
expect "naming" 0 "" -- "$GANTRYCTL" workspace info --json --workspace "$NW"
py "sorted(p['name'] for p in d['projects']) == ['api', 'api-2', 'hello-gin']" \
    && ok "registered as api, hello-gin (module), api-2" || bad "registered as api, hello-gin (module), api-2"
expect "unknown project name" 1 "no project or folder named nosuch" -- G profile list nosuch
expect "missing folder" 1 "does not exist" -- G profile list "$T/nowhere/app"

# --- set, show, unset ---
expect "set several" 0 "" -- G profile set "$P" base LOG=info 'GREETING=hello world' "MULTI=line1
line2" EMPTY=
expect "set in dev" 0 "" -- G profile set "$P" dev LOG=debug
expect "show dev" 0 "" -- G profile show "$P" dev --json
py "{v['name']: (v['value'], v['profile']) for v in d['variables']} == {'LOG': ('debug','dev'), 'GREETING': ('hello world','base'), 'MULTI': ('line1\nline2','base'), 'EMPTY': ('','base'), 'PORT': ('9000','dev')}" \
    && ok "show resolves inheritance" || bad "show resolves inheritance"
py "d['chain'] == ['base','dev'] and d['settings']['gin_mode'] == 'debug'" && ok "show: chain and settings" \
    || bad "show: chain and settings"
expect "show text" 0 "LOG=debug +\[dev\]" -- G profile show "$P" dev
expect "unset" 0 "Unset GREETING" -- G profile unset "$P" base GREETING
expect "show after unset" 0 "" -- G profile show "$P" test --json
py "'GREETING' not in [v['name'] for v in d['variables']] and [v['value'] for v in d['variables'] if v['name']=='LOG'] == ['info']" \
    && ok "unset removed it; test inherits base" || bad "unset removed it; test inherits base"
expect "unset a name that is not set" 1 "is not set" -- G profile unset "$P" base NOPE

BEFORE=$(dump "$W")
expect "invalid name" 2 '"1BAD" is not a valid variable name' -- G profile set "$P" dev GOOD=1 1BAD=x
expect "invalid name with a dash" 2 '"BAD-NAME"' -- G profile set "$P" dev BAD-NAME=x
expect "empty name" 2 '"" is not a valid' -- G profile set "$P" dev =x
expect "not NAME=VALUE" 2 "is not NAME=VALUE" -- G profile set "$P" dev JUSTANAME
[ "$BEFORE" = "$(dump "$W")" ] && ok "refused sets wrote nothing" || bad "refused sets wrote nothing"

# --- per-server overrides, deploy settings, inheritance ---
expect "server override" 0 "server web1" -- G profile set "$P" prod --server web1 PORT=8443
expect "show prod on web1" 0 "" -- G profile show "$P" prod --server web1 --json
py "[(v['value'], v['server']) for v in d['variables'] if v['name']=='PORT'] == [('8443','web1')]" \
    && ok "override applies on web1" || bad "override applies on web1"
expect "show prod elsewhere" 0 "" -- G profile show "$P" prod --json
py "'PORT' not in [v['name'] for v in d['variables']]" && ok "override stays on web1" || bad "override stays on web1"
expect "settings" 0 "" -- G profile set "$P" prod --setting servicePort=9090 --setting health_path=/up
expect "show settings" 0 "" -- G profile show "$P" prod --json
py "d['settings']['service_port'] == 9090 and d['settings']['health_path'] == '/up' and d['settingOrigins']['service_port'] == 'prod'" \
    && ok "settings set on prod" || bad "settings set on prod"
BEFORE=$(dump "$W")
expect "setting out of range" 2 "not between 1 and 65535" -- G profile set "$P" prod --setting servicePort=70000
expect "unknown setting" 2 "not a deploy setting" -- G profile set "$P" prod --setting bogus=1
expect "setting of the wrong type" 2 "whole number" -- G profile set "$P" prod --setting servicePort=abc
expect "setting with --server" 2 "does not go with --server" -- G profile set "$P" prod --server web1 --setting servicePort=1
[ "$BEFORE" = "$(dump "$W")" ] && ok "refused settings wrote nothing" || bad "refused settings wrote nothing"
expect "unset a setting" 0 "" -- G profile unset "$P" prod --setting servicePort
expect "show after unset --setting" 0 "" -- G profile show "$P" prod --json
py "d['settings']['service_port'] == 8080 and d['settings']['health_path'] == '/up'" && ok "setting inherited again" \
    || bad "setting inherited again"
BEFORE=$(dump "$W")
expect "cyclic inheritance" 1 "extend each other in a cycle: base -> dev -> base" -- G profile extend "$P" base dev
[ "$BEFORE" = "$(dump "$W")" ] && ok "the cycle was not written" || bad "the cycle was not written"
expect "add a profile" 0 "" -- G profile add "$P" staging --extends prod
expect "show staging" 0 "" -- G profile show "$P" staging --json
py "d['chain'] == ['base','prod','staging'] and d['settings']['health_path'] == '/up'" && ok "staging extends prod" \
    || bad "staging extends prod"
expect "remove it" 0 "" -- G profile remove "$P" staging
expect "removed profile" 1 "no profile" -- G profile show "$P" staging

# --- .env import and export ---
printf 'A=1\nB="two words"\nC=unclosed "quote\nD="never closed\nE=5\n' >"$T/broken.env"
BEFORE=$(dump "$W")
expect "syntax error names file:line" 1 "$T/broken.env:4: " -- G profile import "$P" test "$T/broken.env"
printf 'A=1\nB=2\nA=3\n' >"$T/twice.env"
expect "a name set twice is an error" 1 "$T/twice.env:3: A is set a second time" -- G profile import "$P" test "$T/twice.env"
printf 'A=1\n1X=2\n' >"$T/badname.env"
expect "invalid name in a file" 1 "$T/badname.env:2: " -- G profile import "$P" test "$T/badname.env"
expect "missing file" 1 "Cannot read" -- G profile import "$P" test "$T/none.env"
[ "$BEFORE" = "$(dump "$W")" ] && ok "failed imports wrote nothing" || bad "failed imports wrote nothing"

cat >"$T/tricky.env" <<'EOF'
# special characters survive a round trip
PLAIN=simple
SPACES="  padded value  "
MULTI="first line
second line with \"quotes\"
"
DOLLAR='${HOME} and $PATH stay'
HASH="a # not a comment"
BACKSLASH="C:\\path\\to\\file"
UNICODE="héllo wörld ✓ 你好"
EMPTY=
export EXPORTED=yes
TABS="a	b"
EOF
expect "import special characters" 0 "Imported 10 variable" -- G profile import "$P" test "$T/tricky.env"
expect "export" 0 "" -- G profile export "$P" test
cp "$T/out" "$T/export1.env"
! grep -q $'\r' "$T/export1.env" && ok "export uses LF" || bad "export uses LF"
expect "import the export elsewhere" 0 "" -- G profile import "$P" prod "$T/export1.env" --replace
expect "export again" 0 "" -- G profile export "$P" prod
cmp -s "$T/export1.env" "$T/out" && ok "export -> import -> export is identical" || bad "export -> import -> export differs"
expect "show the import" 0 "" -- G profile show "$P" prod --json
python3 - "$T/out" <<'PY' && ok "values kept exactly" || bad "values kept exactly"
import json, sys
v = {x['name']: x['value'] for x in json.load(open(sys.argv[1]))['variables'] if x['profile'] == 'prod'}
want = {'PLAIN': 'simple', 'SPACES': '  padded value  ', 'MULTI': 'first line\nsecond line with "quotes"\n',
        'DOLLAR': '${HOME} and $PATH stay', 'HASH': 'a # not a comment', 'BACKSLASH': 'C:\\path\\to\\file',
        'UNICODE': 'héllo wörld ✓ 你好', 'EMPTY': '', 'EXPORTED': 'yes', 'TABS': 'a\tb'}
sys.exit(0 if v == want else print(v) or 1)
PY
expect "export | import -" 0 "" -- bash -c "\"$GANTRYCTL\" --workspace \"$W\" profile export \"$P\" test | \"$GANTRYCTL\" --workspace \"$W\" profile import \"$P\" dev - --replace"
expect "export dev" 0 "" -- G profile export "$P" dev
cmp -s "$T/export1.env" "$T/out" && ok "a pipe round trip is identical" || bad "a pipe round trip differs"

python3 -c "
with open('$T/big.env', 'w') as f:
    for i in range(10000): f.write(f'VAR_{i:05d}=value number {i} with \"quotes\" and = signs\n')"
expect "add profile big" 0 "" -- G profile add "$P" big
START=$(date +%s)
expect "import 10,000 variables" 0 "Imported 10000 variable" -- G profile import "$P" big "$T/big.env"
echo "    (10,000-variable import took $(($(date +%s) - START)) s)"
expect "list after the big import" 0 " big +- +10000 " -- G profile list "$P"
expect "list --json after the big import" 0 "" -- G profile list "$P" --json
py "[p['variables'] for p in d['profiles'] if p['name'] == 'big'] == [10000]" && ok "list --json counts 10000" \
    || bad "list --json counts 10000"
expect "show the big profile" 0 "" -- G profile show "$P" big --json
py "len(d['variables']) == 10000 and d['variables'][9999]['value'] == 'value number 9999 with \"quotes\" and = signs'" \
    && ok "show has 10000" || bad "show has 10000"

# --- secrets: keychain only ---
SECRET='S3cr3t-Val!'
expect "secret from stdin" 0 "API_TOKEN is in the OS keychain" -- \
    bash -c "printf '%s' '$SECRET' | \"$GANTRYCTL\" --workspace \"$W\" profile set \"$P\" prod --secret API_TOKEN"
! grep -qF "$SECRET" "$T/out" "$T/err" && ok "the secret is not in gantryctl's output" || bad "secret in the output"
! cat "$W"/workspace.db* | grep -aqF "$SECRET" && ok "the secret is not in workspace.db, -wal or -shm" \
    || bad "the secret is in the SQLite files"
KEY=$(sql "SELECT keychain_key FROM variables WHERE name = 'API_TOKEN' AND value IS NULL AND secret = 1")
[[ "$KEY" == gantry:*:hello-gin:prod:API_TOKEN ]] && ok "the workspace keeps the reference $KEY" || bad "no reference ($KEY)"
secret-tool search --all server Gantry user "$KEY" 2>/dev/null | grep -qxF "secret = $SECRET" \
    && ok "secret-tool finds the value in the keychain" || bad "secret-tool does not find the value"
expect "show masks the secret" 0 "API_TOKEN=\*\*\*\* +\[prod, secret\]" -- G profile show "$P" prod
! grep -qF "$SECRET" "$T/out" && ok "show does not reveal it" || bad "show reveals it"
expect "show --json masks the secret" 0 "" -- G profile show "$P" prod --json
py "[(v['value'], v['secret']) for v in d['variables'] if v['name']=='API_TOKEN'] == [('****', True)]" \
    && ok "show --json: ****" || bad "show --json: ****"
expect "export leaves secrets out" 0 "Left out the secret\(s\) API_TOKEN" -- G profile export "$P" prod
! grep -q API_TOKEN "$T/out" && ok "no API_TOKEN line without --with-secrets" || bad "API_TOKEN exported"
SECRET_OUTPUT=1 expect "export --with-secrets" 0 "" -- G profile export "$P" prod --with-secrets
grep -qxF "API_TOKEN=\"$SECRET\"" "$T/out" && ok "--with-secrets reads it from the keychain" || bad "--with-secrets"

printf 'line one\nline "two" $x\n\n' >"$T/multi-secret"
expect "multi-line secret" 0 "" -- bash -c "\"$GANTRYCTL\" --workspace \"$W\" profile set \"$P\" prod --secret CERT <\"$T/multi-secret\""
KEY2=$(sql "SELECT keychain_key FROM variables WHERE name = 'CERT'")
secret-tool lookup server Gantry user "$KEY2" >"$T/cert" 2>/dev/null
printf 'line one\nline "two" $x\n' | cmp -s - "$T/cert" && ok "one trailing newline stripped, the rest kept" \
    || bad "multi-line secret: $(od -c "$T/cert" | head -3)"
expect "an empty secret is refused" 1 "is empty" -- bash -c "\"$GANTRYCTL\" --workspace \"$W\" profile set \"$P\" prod --secret EMPTY_ONE </dev/null"

(sleep 1; printf 'Typed-S3cret\n') | script -qec "\"$GANTRYCTL\" --workspace \"$W\" profile set \"$P\" dev --secret TYPED" /dev/null >"$T/tty" 2>&1
grep -q "Value of TYPED (not shown)" "$T/tty" && ! grep -q "Typed-S3cret" "$T/tty" \
    && ok "on a terminal: a prompt, no echo" || bad "terminal prompt: $(cat -v "$T/tty")"
KEY3=$(sql "SELECT keychain_key FROM variables WHERE name = 'TYPED'")
[ "$(secret-tool lookup server Gantry user "$KEY3" 2>/dev/null)" = "Typed-S3cret" ] && ok "the typed secret is stored" \
    || bad "the typed secret is stored"

BEFORE=$(dump "$W")
expect "no keychain: refused" 1 "No keychain is available" -- bash -c "printf 'Other-S3cret' | ${NO_KEYCHAIN[*]} \"$GANTRYCTL\" --workspace \"$W\" profile set \"$P\" prod --secret OTHER_TOKEN"
[ "$BEFORE" = "$(dump "$W")" ] && [ -z "$(sql "SELECT 1 FROM variables WHERE name = 'OTHER_TOKEN'")" ] \
    && ok "no keychain: no reference written" || bad "no keychain: the store changed"
expect "no keychain, new folder" 1 "No keychain is available" -- bash -c "printf 'Other-S3cret' | ${NO_KEYCHAIN[*]} \"$GANTRYCTL\" --workspace \"$W\" profile set \"$T/conc\" prod --secret OTHER_TOKEN"
[ "$BEFORE" = "$(dump "$W")" ] && ok "no keychain: the folder was not registered either" || bad "no keychain: the folder was registered"
expect "no keychain: export --with-secrets" 1 "No keychain is available" -- "${NO_KEYCHAIN[@]}" "$GANTRYCTL" --workspace "$W" profile export "$P" prod --with-secrets

printf 'DB_USER=app\nDB_PASSWORD=pw-Imported-123\n' >"$T/secrets.env"
expect "import --secret names not in the file" 2 "does not set it" -- G profile import "$P" test "$T/secrets.env" --secret NOT_THERE
expect "import with --secret" 0 "1 secret" -- G profile import "$P" test "$T/secrets.env" --secret DB_PASSWORD
! cat "$W"/workspace.db* | grep -aqF "pw-Imported-123" && ok "the imported secret is not in the SQLite files" \
    || bad "the imported secret is in the SQLite files"
SECRET_OUTPUT=1 expect "export imported secret" 0 "" -- G profile export "$P" test --with-secrets
grep -qxF "DB_PASSWORD=pw-Imported-123" "$T/out" && ok "the imported secret is in the keychain" || bad "imported secret"

expect "workspace export" 0 "" -- G workspace export "$T/ws.json"
python3 -c "import json; json.load(open('$T/ws.json'))" && ok "the export is JSON" || bad "the export is JSON"
! grep -qF -e "$SECRET" -e "pw-Imported-123" -e "Typed-S3cret" -e "line one" "$T/ws.json" \
    && ok "workspace export has no secret values" || bad "workspace export has secret values"
grep -q '"secret": true' "$T/ws.json" && ok "secrets are exported by name" || bad "secrets by name"
expect "workspace import" 0 "Imported 1 project" -- "$GANTRYCTL" --workspace "$T/ws2" workspace import "$T/ws.json"
grep -q "profile set PROJECT PROFILE --secret" "$T/err" && ok "the import says which secrets need values" \
    || bad "import names the secrets"
expect "show in the imported workspace" 0 "" -- "$GANTRYCTL" --workspace "$T/ws2" profile show hello-gin base --json
py "[v['value'] for v in d['variables'] if v['name']=='LOG'] == ['info']" && ok "the import has the variables" \
    || bad "the import has the variables"
expect "import garbage" 1 "not a JSON workspace export" -- "$GANTRYCTL" --workspace "$T/ws2" workspace import "$T/broken.env"

expect "unset a secret" 0 "" -- G profile unset "$P" prod API_TOKEN
[ -z "$(secret-tool search --all server Gantry user "$KEY" 2>/dev/null)" ] && ok "unset removed the keychain entry" \
    || bad "the keychain entry is still there"
[ -z "$(sql "SELECT 1 FROM variables WHERE name = 'API_TOKEN'")" ] && ok "unset removed the reference" \
    || bad "the reference is still there"
expect "a secret made plain" 0 "" -- G profile set "$P" prod CERT=public
[ -z "$(secret-tool search --all server Gantry user "$KEY2" 2>/dev/null)" ] && ok "its keychain entry is gone" \
    || bad "plain CERT left its keychain entry"

LOGS=$(find "$APPDATA" "$W" -name '*.log*' -type f 2>/dev/null)
[ -n "$LOGS" ] && ok "gantryctl wrote logs ($(echo "$LOGS" | wc -l) files)" || bad "no log files under $APPDATA"
! grep -rqaF -e "$SECRET" -e "pw-Imported-123" -e "Typed-S3cret" "$APPDATA" "$W" --include='*.log*' \
    && ok "no secret in the log files" || bad "a secret is in the logs"
! grep -aqF -e "$SECRET" -e "Typed-S3cret" "$T/all-output" && ok "no secret in any output but the export's" \
    || bad "a secret reached other output"

# --- workspaces Gantry refuses: the store's error, file untouched ---
mkdir -p "$T/bad" && head -c 8192 /dev/urandom >"$T/bad/workspace.db" && cp "$T/bad/workspace.db" "$T/bad.orig"
expect "corrupt workspace: list" 1 "damaged or is not a database" -- "$GANTRYCTL" --workspace "$T/bad" profile list "$P"
expect "corrupt workspace: set" 1 "damaged" -- "$GANTRYCTL" profile set "$P" dev A=1 --workspace "$T/bad"
expect "corrupt workspace: export" 1 "damaged" -- "$GANTRYCTL" workspace export "$T/x.json" --workspace "$T/bad"
cmp -s "$T/bad/workspace.db" "$T/bad.orig" && [ "$(ls "$T/bad")" = workspace.db ] \
    && ok "the corrupt file is byte for byte unchanged" || bad "the corrupt file changed"
mkdir -p "$T/newer" && sqlite3 "$T/newer/workspace.db" "PRAGMA application_id = 1195462228; PRAGMA user_version = 999; CREATE TABLE t (x);"
cp "$T/newer/workspace.db" "$T/newer.orig"
expect "newer workspace" 1 "made by a newer Gantry" -- "$GANTRYCTL" --workspace "$T/newer" profile list "$P"
cmp -s "$T/newer/workspace.db" "$T/newer.orig" && ok "the newer file is unchanged" || bad "the newer file changed"

# --- two gantryctl processes at once ---
expect "register for the parallel run" 0 "" -- G profile list "$T/conc"
for who in A B; do
    (for i in $(seq 1 50); do G profile set conc test "${who}_$i=$i" >/dev/null 2>>"$T/conc-$who.err" || echo "$who $i" >>"$T/conc-failed"; done) &
done
wait
[ ! -e "$T/conc-failed" ] && ok "100 parallel sets all succeeded" || bad "parallel sets failed: $(head -3 "$T/conc-failed") $(head -3 "$T"/conc-*.err)"
expect "list after the parallel run" 0 "" -- G profile list conc --json
py "[p['variables'] for p in d['profiles'] if p['name'] == 'test'] == [100]" && ok "all 100 variables are there" \
    || bad "not all 100 variables are there"

# --- the GUI takes --workspace too ---
GUI="${GANTRY_BINARY_DIR:-}/app/gantry"
if [ -x "$GUI" ]; then
    expect "gantry --workspace with a corrupt file" 1 "damaged" -- env QT_QPA_PLATFORM=offscreen "$GUI" --workspace "$T/bad" --self-test
    cmp -s "$T/bad/workspace.db" "$T/bad.orig" && ok "the GUI left it unchanged" || bad "the GUI changed it"
    expect "gantry --workspace DIR" 0 "" -- env QT_QPA_PLATFORM=offscreen "$GUI" --workspace "$T/gui-ws" --self-test
    [ -f "$T/gui-ws/workspace.db" ] && ok "the GUI opened its workspace" || bad "the GUI opened its workspace"
fi

echo "gantryctl profile: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
