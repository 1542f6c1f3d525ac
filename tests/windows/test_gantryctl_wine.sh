#!/usr/bin/env bash
# A Windows user's day with gantryctl.exe, run under Wine on this Linux machine: a fresh Wine prefix
# whose user profile folders (AppData, LocalAppData: the workspace, caches and logs) have a space and
# Chinese characters in their path; the example project copied into such a folder too; a build for
# linux/amd64 and windows/amd64 with the Windows Go toolchain (scripts/wingo.sh, offline against
# Debian's Gin through a staging go.mod, as in test_wingo.sh); then a real Linux test host
# (tests/hosts/testhost.sh, win-d1 = 10.231.64.2) reached over SSH with libssh on Windows: server
# add (host key pinned in the Windows workspace), server check, a secret into Wine's Credential
# Manager, deploy, a second version, releases, rollback, status. What really runs on the server is
# checked over SSH from Linux: the unit, /healthz, the binary's sha256, the secret in the env file.
#
#   test_gantryctl_wine.sh BUILD_DIR       (the Windows build: BUILD_DIR/gantryctl.exe)
#
# Prints PASS/FAIL lines, a time per phase, and "N passed, N failed" last; exits non-zero on failure.
# Needs root (the test host), wine, wine64, mingw-w64 (the Credential Manager probe), golang-go and
# golang-github-gin-gonic-gin-dev. GOCACHE is kept in BUILD_DIR/test-gantryctl-day, so a second run
# shows warm builds.
set -u
BUILD=$(realpath "${1:?usage: test_gantryctl_wine.sh BUILD_DIR}")
SRC=$(cd "$(dirname "$0")/../.." && pwd)
export GANTRY_SOURCE_DIR=$SRC
export GANTRY_HOSTS_DIR=${GANTRY_HOSTS_DIR:-/tmp/gantry-hosts-windows}
HOSTS="bash $SRC/tests/hosts/testhost.sh"
HOST=win-d1
INDEX=64
T=$(mktemp -d /tmp/gantryctl-day.XXXXXX)
SECRET='W1ne s3cret $HOME #1 密钥'
WINESERVER=/usr/lib/wine/wineserver
cleanup() {
    $HOSTS down "$HOST" >/dev/null 2>&1
    [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ] && "$WINESERVER" -k 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT

. "$SRC/tests/hosts/checks.sh"
now() { date +%s.%N; }
PHASE="" PHASE_START=$(now) DAY_START=$(now)
phase() {
    [ -n "$PHASE" ] && printf 'TIME: %-34s %6.1f s\n' "$PHASE" "$(echo "$(now) - $PHASE_START" | bc)"
    PHASE=$1 PHASE_START=$(now)
    [ -n "$1" ] && echo "=== $1"
}
finish() {
    phase ""
    printf 'TIME: %-34s %6.1f s\n' "the whole day" "$(echo "$(now) - $DAY_START" | bc)"
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
    exit
}
# winpath PATH: a Linux path on Wine's Z: drive; unixpath WINPATH: back (winepath -u).
winpath() { printf 'Z:%s' "${1//\//\\}"; }
unixpath() { wine winepath -u "$1" 2>/dev/null | tr -d '\r'; }
on() { $HOSTS exec "$HOST" -- "$@"; }
health() { on curl -s --max-time 5 http://127.0.0.1:8080/healthz; }

EXE=$BUILD/gantryctl.exe
[ -f "$EXE" ] || EXE=$BUILD/cli/gantryctl.exe
[ -f "$EXE" ] || { echo "no gantryctl.exe in $BUILD"; FAILED=1; finish; }

# --- (1) a fresh Wine prefix with an odd user profile ---
phase "prefix"
export LC_ALL=C.UTF-8 # Wine converts file names with the locale's charset
CACHED=$(bash "$SRC/scripts/wineprefix.sh") || { bad "wineprefix.sh"; finish; }
WINGO=$(bash "$SRC/scripts/wingo.sh" 2>"$T/err") || { bad "wingo.sh"; finish; }
SDK=${GANTRY_WINSDK:-$(bash "$SRC/scripts/winsdk.sh" 2>/dev/null)}
export WINEPREFIX=$T/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
check "a fresh copy of the cached prefix" -- cp -a "$CACHED" "$WINEPREFIX"
# What a Windows user has: Go on PATH (WINEPATH is put before Wine's PATH), GOROOT, and Gantry's DLLs.
export WINEPATH="$(winpath "$SDK/bin");$(winpath "$WINGO/bin")"
export QT_PLUGIN_PATH=$(winpath "$SDK/plugins") GOROOT=$(winpath "$WINGO")
mkdir -p "$BUILD/test-gantryctl-day/gocache" "$T/gopath"
export GOCACHE=$(winpath "$BUILD/test-gantryctl-day/gocache") GOPATH=$(winpath "$T/gopath")
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off GOSUMDB=off
unset GOOS GOARCH GOFLAGS GOBIN CGO_ENABLED XDG_CACHE_HOME
# The profile: Wine's user folder is C:\users\<Unix user>; Windows programs find AppData and
# Local AppData through the known-folder API (SHGetKnownFolderPath), which Wine answers from
# "User Shell Folders" in HKCU. Both are moved into a folder with a space and Chinese characters.
PROFILE='C:\users\Zhang Wei 张伟'
USF='HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\User Shell Folders'
check "AppData moved to '$PROFILE\\AppData\\Roaming'" -- \
    wine reg add "$USF" /v AppData /t REG_EXPAND_SZ /d "$PROFILE\\AppData\\Roaming" /f
check "Local AppData moved to '$PROFILE\\AppData\\Local'" -- \
    wine reg add "$USF" /v "Local AppData" /t REG_EXPAND_SZ /d "$PROFILE\\AppData\\Local" /f
export USERPROFILE=$PROFILE
UPROFILE=$WINEPREFIX/drive_c/users/"Zhang Wei 张伟"
mkdir -p "$UPROFILE/AppData/Roaming" "$UPROFILE/AppData/Local" "$UPROFILE/.ssh"
# A hung gantryctl.exe fails its check instead of blocking the day (seen once: a build that printed
# its result and never exited).
W() { timeout "${GANTRY_DAY_STEP_TIMEOUT:-300}" wine "$EXE" "$@"; }
expect "workspace info: the default workspace is in the odd profile" 0 "" -- W workspace info --json
WS_WIN=$(python3 -c "import json; print(json.load(open('$T/out'))['dir'])" 2>/dev/null)
WS=$(unixpath "$WS_WIN")
case "$WS_WIN" in
    *"Zhang Wei 张伟"*AppData*Roaming*) ok "the workspace is $WS_WIN" ;;
    *) bad "the workspace is '$WS_WIN', not in $PROFILE" ;;
esac

# --- (2) the project in a folder with a space and Chinese characters ---
phase "project"
PROJ_WIN="$PROFILE\\Documents\\My 项目\\hello-gin"
P=$UPROFILE/Documents/"My 项目"/hello-gin
mkdir -p "$(dirname "$P")"
check "examples/hello-gin copied to '$PROJ_WIN'" -- cp -r "$SRC/examples/hello-gin" "$P"
# Offline against Debian's Gin: the Linux script writes the staging go.mod (with the Linux go), its
# replacement folders become Z:\ paths (test_wingo.sh does the same).
stage() {
    env -u GOROOT -u GOPATH -u GOCACHE -u GOFLAGS bash "$SRC/scripts/go-offline-modfile.sh" "$P" "$T/stage" \
        >/dev/null || return 1
    awk '{
        for (i = 1; i < NF; i++)
            if ($i == "=>" && substr($(i + 1), 1, 1) == "/") { p = $(i + 1); gsub("/", "\\", p); $(i + 1) = "Z:" p }
        print
    }' "$T/stage/go.mod" >"$T/stage/go.mod.win" && mv "$T/stage/go.mod.win" "$T/stage/go.mod"
}
check "staging go.mod with Z:\\ replacements" -- stage
export GOFLAGS="-mod=mod -modfile=$(winpath "$T/stage/go.mod")"

# --- (3) build for two platforms ---
phase "build (GOCACHE $([ -n "$(ls -A "$BUILD/test-gantryctl-day/gocache")" ] && echo warm || echo cold))"
expect "gantryctl.exe build, linux/amd64 + windows/amd64" 0 "" -- \
    W build "$PROJ_WIN" --target linux/amd64 --target windows/amd64 --version 1.0.0 --json
DIST=$P/dist/1.0.0
ls "$DIST" >"$T/dist.txt" 2>&1
for f in hello-gin_1.0.0_linux_amd64.tar.gz hello-gin_1.0.0_windows_amd64.zip checksums.txt; do
    grep -qxF "$f" "$T/dist.txt" && ok "artifact $f" || bad "no $f in $DIST: $(tr '\n' ' ' <"$T/dist.txt")"
done
check "checksums.txt verifies with sha256sum on Linux" -- sh -c "cd '$DIST' && sha256sum -c checksums.txt"
mkdir -p "$T/linux"
if tar -xzf "$DIST/hello-gin_1.0.0_linux_amd64.tar.gz" -C "$T/linux" 2>"$T/err" && [ -f "$T/linux/hello-gin" ]; then
    ok "the Linux archive holds hello-gin ($(file -b "$T/linux/hello-gin" | cut -d, -f1))"
    chmod +x "$T/linux/hello-gin"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    HOST=127.0.0.1 PORT=$PORT "$T/linux/hello-gin" >"$T/native.log" 2>&1 &
    NATIVE=$!
    body=""
    for _ in $(seq 40); do body=$(curl -fsS --max-time 2 "http://127.0.0.1:$PORT/healthz" 2>/dev/null) && break; sleep 0.25; done
    kill "$NATIVE" 2>/dev/null; wait "$NATIVE" 2>/dev/null
    [[ $body == *'"version":"1.0.0"'* ]] && ok "the Linux binary runs natively: $body" || bad "native /healthz: '$body'"
else
    bad "the Linux archive"
fi

# --- (4) a real Linux server over SSH ---
phase "test host up"
$HOSTS down "$HOST" >/dev/null 2>&1
IP=$($HOSTS up "$HOST" "$INDEX" 2>"$T/err") && ok "test host $HOST is $IP" || { bad "testhost.sh up $HOST $INDEX"; finish; }
cp "$($HOSTS key)" "$UPROFILE/.ssh/id_ed25519"
KEY_WIN="$PROFILE\\.ssh\\id_ed25519"

phase "server add, check"
FP=$(on ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk '{print $2}')
expect "server add (libssh on Windows, key in '$KEY_WIN')" 0 "" -- \
    W server add "$HOST" --host "$IP" --user root --key "$KEY_WIN" --accept-new-host-key
KEYLINE=$(on cat /etc/ssh/ssh_host_ed25519_key.pub | awk '{print $2}')
grep -qF "$KEYLINE" "$WS/known_hosts" 2>/dev/null && ok "host key pinned in $WS_WIN\\known_hosts" ||
    bad "known_hosts in the workspace: $(ls "$WS" 2>&1 | tr '\n' ' ')"
expect "server check" 0 "" -- W server check "$HOST" --json
json "d['arch']=='amd64' and d['systemd']" && ok "server check: amd64, systemd ($FP)" || bad "server check json: $(head -c 300 "$T/out")"

phase "profile with a secret"
expect "profile set: a variable" 0 "" -- W profile set "$PROJ_WIN" prod GREETING=hello
expect "profile set --secret, value on stdin" 0 "" -- \
    sh -c "printf '%s' \"\$0\" | wine \"$EXE\" profile set \"$PROJ_WIN\" prod --secret API_TOKEN" "$SECRET"
PROBE=$T/credprobe.exe
if x86_64-w64-mingw32-gcc -municode -O2 -s -o "$PROBE" "$SRC/tests/windows/credprobe.c" -ladvapi32 2>"$T/err"; then
    wine "$PROBE" dump 'Gantry/*' >"$T/creds" 2>/dev/null
    grep -F "API_TOKEN" "$T/creds" | grep -qF "$SECRET" && ok "the secret is in Wine's Credential Manager ($(cut -f1 "$T/creds" | grep API_TOKEN))" ||
        bad "Credential Manager: $(cut -f1 "$T/creds" | tr '\n' ' ')"
else
    bad "credprobe.exe builds"
fi

phase "deploy 1.0.0"
deployed_checks() { # VERSION
    [ "$(on systemctl is-active gantry-hello-gin.service)" = active ] && ok "$1: unit active" || bad "$1: unit not active"
    health | grep -q "\"version\":\"$1\"" && ok "$1: /healthz serves $1" || bad "$1: /healthz: $(health)"
}
expect "deploy hello-gin 1.0.0" 0 "" -- W deploy "$PROJ_WIN" --server "$HOST" --profile prod --version 1.0.0
deployed_checks 1.0.0
want=$(sha256sum "$T/linux/hello-gin" | cut -d' ' -f1)
got=$(on sha256sum /opt/gantry/hello-gin/current/hello-gin | cut -d' ' -f1)
[ -n "$want" ] && [ "$want" = "$got" ] && ok "the server's binary is the artifact's (sha256 ${want:0:16}...)" ||
    bad "sha256 on the server $got, artifact $want"
on grep -qF 'API_TOKEN="W1ne s3cret \$HOME #1 密钥"' /opt/gantry/hello-gin/shared/hello-gin.env &&
    ok "the secret reached the server's env file" || bad "env file: $(on cat /opt/gantry/hello-gin/shared/hello-gin.env | sed 's/=.*/=.../' | tr '\n' ' ')"

phase "deploy 2.0.0, releases, rollback"
expect "deploy hello-gin 2.0.0 (by name)" 0 "" -- W deploy hello-gin --server "$HOST" --profile prod --version 2.0.0
deployed_checks 2.0.0
expect "releases" 0 "2\.0\.0" -- W releases hello-gin --server "$HOST" --json
json "any(r['current'] and r['version']=='2.0.0' for r in d['releases'])" && ok "releases: 2.0.0 current" || bad "releases json"
expect "rollback" 0 "1\.0\.0" -- W rollback hello-gin --server "$HOST"
health | grep -q '"version":"1.0.0"' && ok "after rollback 1.0.0 serves again" || bad "after rollback: $(health)"
expect "status" 0 "" -- W status hello-gin --server "$HOST" --json
json "d['servers'][0]['activeState']=='active' and d['servers'][0]['version']=='1.0.0'" && ok "status: active, 1.0.0" ||
    bad "status json: $(head -c 300 "$T/out")"

phase "the secret stays secret"
LOGS=$UPROFILE/AppData/Local/Gantry
found=$(grep -rlaF -- "$SECRET" "$WS" "$LOGS" "$T/all-output" 2>/dev/null || true)
[ -z "$found" ] && ok "the secret is in no workspace file, log or output" || bad "the secret leaked into: $found"
ls "$LOGS"/*/logs/gantry*.log >/dev/null 2>&1 && ok "gantryctl's log is in the odd profile ($(ls "$LOGS"/*/logs/ | head -1))" ||
    bad "no log under $LOGS: $(find "$UPROFILE/AppData" -maxdepth 4 | head -20 | tr '\n' ' ')"

finish
