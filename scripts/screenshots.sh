#!/usr/bin/env bash
# Screenshots of every page in English and Simplified Chinese under Xvfb, against a throw-away
# workspace with examples/hello-gin open and a few variables (one of them a masked secret).
# Pages are reached the way a keyboard user does: Ctrl+1 ... Ctrl+8, Alt+<mnemonic>. The Profiles
# page compares prod with a server that cannot be reached (no test host is booted here); the Deploy
# page reviews a plan against such a server, then picks the finished build as its build output; the
# Health page shows both servers unreachable, with the reason, and a service on web3 fed from a file,
# whose Details show its samples (the stored ones seeded in the workspace) with the mouse over a
# chart; the Logs page shows seeded lines.
# Output: build/screenshots/<page>-<lang>.png
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
GANTRY=${GANTRY:-$ROOT/build/dev/app/gantry}
OUT=$ROOT/build/screenshots
PROJECT=$ROOT/examples/hello-gin
TMP=$(mktemp -d /tmp/gantry-shots.XXXXXX)
APP= XVFB=
# A failed step must not leave the app and Xvfb running (the next run would find the display taken).
trap 'kill $APP $XVFB 2>/dev/null || true; rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
export GOFLAGS="$("$ROOT/scripts/go-offline-modfile.sh" "$PROJECT" "$ROOT/build/offline/hello-gin" 2>/dev/null | tail -1)"
export GOPROXY=off GOTOOLCHAIN=local GOWORK=off
export XDG_CACHE_HOME=$ROOT/build/screenshot-cache
WORKSPACE=$TMP/workspace

# The app registers the project itself; the variables are then written straight into the workspace.
seed() {
    XDG_CONFIG_HOME=$TMP/seed-config QT_QPA_PLATFORM=offscreen "$GANTRY" --workspace "$WORKSPACE" "$PROJECT" \
        >/dev/null 2>&1 &
    local app=$!
    for _ in $(seq 1 60); do
        sleep 0.5
        python3 - "$WORKSPACE/workspace.db" <<'PY' && break
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(0 if db.execute("SELECT count(*) FROM projects WHERE name = 'hello-gin'").fetchone()[0] else 1)
PY
    done
    kill $app; wait $app 2>/dev/null || true
    python3 - "$WORKSPACE/workspace.db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ws = db.execute("SELECT value FROM meta WHERE key = 'id'").fetchone()[0]
def profile(name):
    return db.execute("SELECT p.id FROM profiles p JOIN projects j ON p.project_id = j.id "
                      "WHERE j.name = 'hello-gin' AND p.name = ?", (name,)).fetchone()[0]
def plain(prof, name, value, server=''):
    db.execute("INSERT INTO variables (profile_id, server, name, value, secret) VALUES (?, ?, ?, ?, 0)",
               (profile(prof), server, name, value))
def secret(prof, name):
    key = f"gantry:{ws}:hello-gin:{prof}:{name}"
    db.execute("INSERT INTO variables (profile_id, server, name, value, secret, keychain_key) "
               "VALUES (?, '', ?, NULL, 1, ?)", (profile(prof), name, key))
plain('base', 'LOG_LEVEL', 'info')
plain('base', 'TZ', 'Asia/Shanghai')
plain('prod', 'DATABASE_URL', 'postgres://app@db.internal:5432/shop?sslmode=require')
secret('prod', 'DB_PASSWORD')
secret('prod', 'SESSION_KEY')
plain('prod', 'PUBLIC_URL', 'https://shop.example.com')
db.execute("INSERT INTO servers (name, address, port, user, auth) VALUES ('web1', '10.0.0.21', 22, 'deploy', 'agent')")
db.execute("INSERT INTO servers (name, address, port, user, auth, key_file, host_key, host_key_sha256, os, arch) "
           "VALUES ('web2', '10.0.0.22', 2222, 'ops', 'key', '/home/me/.ssh/id_ed25519', "
           "'[10.0.0.22]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK0', "
           "'SHA256:2wq1bB8xYd7Yk1J0pTq3R0fGm8Zq9yq3cN1o2vXo4aE', 'linux', 'arm64')")
# Six hours of stored health samples for the service the Health page is fed on web3, every 5 minutes.
import math, random, time
random.seed(7)
now_ms = int(time.time() * 1000)
for i in range(72):
    at = now_ms - (72 - i) * 300_000
    db.execute("INSERT INTO health_samples (server, unit, at_ms, state, cpu_percent, memory_bytes, restarts, "
               "latency_ms) VALUES ('web3', 'gantry-hello-gin.service', ?, 'active', ?, ?, 0, ?)",
               (at, round(2 + 1.5 * math.sin(i / 6) + random.random(), 2),
                (38 + i // 8 + random.randint(0, 3)) * 1024 * 1024, 9 + int(6 * random.random()) + (14 if i % 23 == 5 else 0)))
db.execute("UPDATE profiles SET settings = ? WHERE id = ?",
           (json.dumps({"memory_max": "512M", "keep_releases": 3}), profile('prod')))
db.commit()
PY
}

# Journal lines of two servers for the Logs page (it has nothing to stream from here): "server<TAB>json".
seed_logs() {
    python3 - "$TMP/journal.tsv" <<'PY'
import json, sys, time
now = int(time.time() * 1_000_000)
rows = [
    ("web1", 6, "[GIN] 200 | 1.2ms | GET /api/products"), ("web2", 6, "[GIN] 200 | 0.9ms | GET /healthz"),
    ("web1", 4, "level=WARN msg=\"slow query\" table=orders duration=1.8s"),
    ("web2", 3, "level=ERROR msg=\"payment provider timeout\" order=10423 attempt=3"),
    ("web1", 6, "[GIN] 201 | 12ms | POST /api/orders"),
    ("web2", 4, "level=WARN msg=\"retrying\" upstream=payments backoff=2s"),
    ("web1", 3, "panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 42 [running]:"),
    ("web1", 5, "Started gantry-hello-gin.service - hello-gin."),
    ("web2", 4, "level=WARN msg=\"cache miss rate high\" rate=0.41"),
    ("web2", 3, "level=ERROR msg=\"database connection refused\" host=db.internal:5432"),
]
with open(sys.argv[1], "w") as out:
    for i in range(120):
        server, prio, msg = rows[i % len(rows)]
        entry = {"__CURSOR": f"s=1;i={i}", "__REALTIME_TIMESTAMP": str(now - (120 - i) * 7_300_000),
                 "MESSAGE": msg, "PRIORITY": str(prio), "_PID": "4242", "SYSLOG_IDENTIFIER": "hello-gin",
                 "_SYSTEMD_UNIT": "gantry-hello-gin.service"}
        out.write(server + "\t" + json.dumps(entry) + "\n")
PY
}

# Twenty minutes of refreshes of hello-gin on web3 for the Health page, every 10 s:
# "server<TAB>app<TAB>time<TAB>latency<TAB>CPU<TAB>memory".
seed_health() {
    python3 - "$TMP/health.tsv" <<'PY'
import datetime, math, random, sys
random.seed(3)
now = datetime.datetime.now(datetime.timezone.utc)
with open(sys.argv[1], "w") as out:
    for i in range(120):
        at = (now - datetime.timedelta(seconds=(120 - i) * 10)).strftime("%Y-%m-%dT%H:%M:%SZ")
        latency = 8 + int(5 * random.random()) + (25 if i in (40, 41, 87) else 0)
        cpu = round(1.5 + 2.5 * max(0, math.sin(i / 9)) + random.random(), 2)
        memory = (46 + i // 30) * 1024 * 1024 + random.randint(0, 512 * 1024)
        out.write(f"web3\thello-gin\t{at}\t{latency}\t{cpu}\t{memory}\n")
PY
}

keys() { xdotool windowfocus --sync "$WID" key --delay 80 "$@"; sleep 1; }
# Keys for the window that has the focus (a dialog: the main window is blocked while it is open).
dialog_keys() { xdotool key --delay 80 "$@"; sleep 1; }
shot() { import -window "$WID" "$OUT/$1-$LANG_NAME.png"; }
# Dialogs are windows of their own: take the whole screen.
shot_screen() { import -window root "$OUT/$1-$LANG_NAME.png"; }

# The service's Details: latency with the mouse over the chart (the readout), then memory.
details_shots() {
    local dialog
    dialog=$(timeout 20 xdotool search --sync --onlyvisible --name web3 | head -1) # "hello-gin on web3"
    [ -n "$dialog" ] || { echo "the Details dialog did not open ($LANG_NAME)" >&2; exit 1; }
    eval "$(xdotool getwindowgeometry --shell "$dialog")"
    xdotool mousemove --window "$dialog" $((WIDTH * 7 / 10)) $((HEIGHT / 2)); sleep 1
    shot_screen service-detail
    xdotool mousemove --window "$dialog" 5 5
    dialog_keys alt+m; shot_screen service-detail-memory
    dialog_keys Escape
}

shoot() {
    LANG_NAME=$1
    export DISPLAY=:${GANTRY_SHOTS_DISPLAY:-97}
    Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 &
    local xvfb=$!
    XVFB=$xvfb
    sleep 1
    GANTRY_SCREENSHOT_HEALTH=$TMP/health.tsv GANTRY_SCREENSHOT_LOGS=$TMP/journal.tsv XDG_CONFIG_HOME=$TMP/config-$LANG_NAME "$GANTRY" --lang "$LANG_NAME" --workspace "$WORKSPACE" "$PROJECT" \
        >/dev/null 2>&1 &
    local app=$!
    APP=$app
    WID=$(timeout 60 xdotool search --sync --onlyvisible --class gantry | head -1)
    [ -n "$WID" ] || { echo "the app showed no window within 60 s ($LANG_NAME)" >&2; kill "$xvfb"; exit 1; }
    sleep 4 # Go is probed and the project scanned
    keys ctrl+1; shot projects
    keys ctrl+3 alt+p End; shot profiles
    keys alt+d; shot profiles-deploy
    keys alt+h alt+p Up alt+o # compare test with web1, which cannot be reached from here
    sleep 13
    shot profiles-compare
    keys ctrl+4; shot servers
    keys alt+a; shot_screen server-add
    dialog_keys Escape
    keys ctrl+5; shot deploy
    keys ctrl+6
    sleep 8 # the monitor tries web1 and web2, which cannot be reached from here
    shot health
    keys alt+d; details_shots
    keys ctrl+7; shot logs
    keys ctrl+8; shot settings
    keys ctrl+9; shot about
    keys ctrl+2; shot build
    keys alt+b
    for _ in $(seq 1 120); do sleep 1; ls "$PROJECT"/dist/*/manifest.json >/dev/null 2>&1 && break; done
    sleep 1
    shot build-done
    # Review a deploy to web2 (arm64): a build for linux/arm64, the plan, and the unit file.
    keys ctrl+5 alt+i t alt+e Down space alt+r # profile test: prod needs secrets from a keychain
    for _ in $(seq 1 180); do sleep 1; ls "$PROJECT"/dist/*/*linux_arm64.tar.gz >/dev/null 2>&1 && break; done
    sleep 15 # the env file of web2 cannot be read: it is not reachable from here
    shot deploy-plan
    keys alt+u; shot_screen unit-file
    dialog_keys Escape
    keys alt+t Down # the build just made, deployed as it is
    sleep 3
    shot deploy-output
    kill $app; wait $app 2>/dev/null || true
    kill $xvfb; wait $xvfb 2>/dev/null || true
    rm -rf "$PROJECT"/dist
}

seed
seed_logs
seed_health
shoot en
shoot zh_CN
ls -1 "$OUT"
