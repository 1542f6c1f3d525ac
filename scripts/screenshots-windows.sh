#!/usr/bin/env bash
# Screenshots of every page of the Windows build (gantry.exe) under Wine and Xvfb, in English and
# Simplified Chinese, at 100 % (96 DPI) and 150 % (144 DPI), and a dark set (the system's dark mode,
# Qt's windows:darkmode=2), against a throw-away workspace with examples/hello-gin open and a few
# variables and servers (as scripts/screenshots.sh seeds them).
#
#   scripts/screenshots-windows.sh [BUILD_DIR]      (default build/windows)
#
# A fresh copy of the cached Wine prefix (scripts/wineprefix.sh) is made in a temporary folder and
# removed at exit, so its registry can be changed freely: the DPI (LogPixels), the dark mode
# (AppsUseLightTheme) and the fonts (Noto Sans CJK copied into C:\windows\Fonts and linked from the
# fonts Qt and Wine look for Chinese text in).
# Pages are reached the way a keyboard user does: Ctrl+1 ... Ctrl+9.
# Output: build/screenshots-windows/<page>-<lang>[-<variant>].png, variant 150 or dark.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build/windows}
case "$BUILD" in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
GANTRY=$BUILD/gantry.exe
[ -f "$GANTRY" ] || { echo "no $GANTRY (build the Windows tree first)" >&2; exit 1; }
OUT=$ROOT/build/screenshots-windows
PROJECT=$ROOT/examples/hello-gin
TMP=$(mktemp -d /tmp/gantry-winshots.XXXXXX)
WINESERVER=/usr/lib/wine/wineserver
APP= XVFB=
cleanup() {
    kill $APP 2>/dev/null || true
    [ -d "$TMP/prefix" ] && WINEPREFIX=$TMP/prefix "$WINESERVER" -k 2>/dev/null || true
    kill $XVFB 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$OUT"

windows_path() { printf 'Z:%s' "${1//\//\\}"; }

sdk=${GANTRY_WINSDK:-$(bash "$ROOT/scripts/winsdk.sh" 2>/dev/null)}
cp -a "$(bash "$ROOT/scripts/wineprefix.sh")" "$TMP/prefix"
export WINEPREFIX=$TMP/prefix WINEARCH=win64 WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
export WINEPATH="$(windows_path "$sdk/bin")"
export QT_PLUGIN_PATH=$(windows_path "$sdk/plugins")
# One X screen for the whole run, up before any Wine process: Wine's desktop (explorer.exe) that the
# first one starts would otherwise have no display and be 1024x768 for good.
export DISPLAY=:${GANTRY_SHOTS_DISPLAY:-96}
Xvfb "$DISPLAY" -screen 0 1920x1200x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1
# One wineserver for the whole run (each reg.exe and gantry.exe would otherwise start one).
"$WINESERVER" -p

# Fonts: Wine ships few, none with Chinese. Noto Sans CJK (Debian's fonts-noto-cjk) goes into the
# prefix, and the families Windows programs ask for Chinese text (and the dialog font) point at it.
CJK=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -f "$CJK" ] || { echo "no $CJK (apt-get install fonts-noto-cjk)" >&2; exit 1; }
cp "$CJK" "$WINEPREFIX/drive_c/windows/Fonts/"
[ -f "${CJK%Regular.ttc}Bold.ttc" ] && cp "${CJK%Regular.ttc}Bold.ttc" "$WINEPREFIX/drive_c/windows/Fonts/"

reg() { wine reg add "$@" /f >/dev/null 2>&1; }
# Wine 8 says it is Windows 7 by default: Qt then takes neither per-monitor DPI nor the dark mode
# (it asks for Windows 10 1809). Gantry's users are on Windows 10 and 11.
reg 'HKCU\Software\Wine' /v Version /t REG_SZ /d win10
FONTS='HKLM\Software\Microsoft\Windows NT\CurrentVersion\Fonts'
reg "$FONTS" /v "Noto Sans CJK SC Regular (TrueType)" /t REG_SZ /d NotoSansCJK-Regular.ttc
reg "$FONTS" /v "Noto Sans CJK SC Bold (TrueType)" /t REG_SZ /d NotoSansCJK-Bold.ttc
SUBST='HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontSubstitutes'
for family in "Microsoft YaHei" "Microsoft YaHei UI" "SimSun" "NSimSun" "SimHei" "DengXian"; do
    reg "$SUBST" /v "$family" /t REG_SZ /d "Noto Sans CJK SC"
done
# Without Wine's own fonts (Debian's fonts-wine) Tahoma, the dialog font, is missing and Wine falls
# back on a serif: the Windows UI fonts are then mapped to DejaVu Sans (wider than Segoe UI: text
# that fits here fits on Windows).
if [ ! -f /usr/share/wine/fonts/tahoma.ttf ]; then
    for family in "Tahoma" "MS Shell Dlg" "MS Shell Dlg 2" "Segoe UI" "Microsoft Sans Serif" "MS Sans Serif"; do
        reg "$SUBST" /v "$family" /t REG_SZ /d "DejaVu Sans"
    done
    # Qt's fixed font on Windows is Courier New (Consolas asked by name): a serif fallback otherwise.
    for family in "Courier New" "Consolas" "Courier" "Lucida Console"; do
        reg "$SUBST" /v "$family" /t REG_SZ /d "DejaVu Sans Mono"
    done
fi
LINK='HKLM\Software\Microsoft\Windows NT\CurrentVersion\FontLink\SystemLink'
for family in "Tahoma" "Segoe UI" "MS Shell Dlg" "MS Shell Dlg 2" "Microsoft Sans Serif" "Arial" "DejaVu Sans"; do
    reg "$LINK" /v "$family" /t REG_MULTI_SZ /d "NotoSansCJK-Regular.ttc,Noto Sans CJK SC"
done

set_dpi() {
    reg 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d "$1"
    reg 'HKLM\System\CurrentControlSet\Hardware Profiles\Current\Software\Fonts' /v LogPixels /t REG_DWORD /d "$1"
}
set_light() {
    local personalize='HKCU\Software\Microsoft\Windows\CurrentVersion\Themes\Personalize'
    reg "$personalize" /v AppsUseLightTheme /t REG_DWORD /d "$1"
    reg "$personalize" /v SystemUsesLightTheme /t REG_DWORD /d "$1"
}

WORKSPACE=$TMP/workspace
WIN_WORKSPACE=$(windows_path "$WORKSPACE")
WIN_PROJECT=$(windows_path "$PROJECT")

# The app registers the project itself (minimal platform: no window); the variables, servers and
# stored health samples are then written straight into the workspace.
seed() {
    QT_QPA_PLATFORM=minimal wine "$GANTRY" --workspace "$WIN_WORKSPACE" "$WIN_PROJECT" >/dev/null 2>&1 &
    local app=$!
    for _ in $(seq 1 120); do
        sleep 0.5
        [ -f "$WORKSPACE/workspace.db" ] || continue
        python3 - "$WORKSPACE/workspace.db" <<'PY' 2>/dev/null && break
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(0 if db.execute("SELECT count(*) FROM projects WHERE name = 'hello-gin'").fetchone()[0] else 1)
PY
    done
    kill $app 2>/dev/null; wait $app 2>/dev/null || true
    # kill only ends the wine launcher: end the Windows process too (the workspace must be free).
    wine taskkill /f /im gantry.exe >/dev/null 2>&1 || true
    sleep 2
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
           "VALUES ('web2', '10.0.0.22', 2222, 'ops', 'key', 'C:\\Users\\me\\.ssh\\id_ed25519', "
           "'[10.0.0.22]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK0', "
           "'SHA256:2wq1bB8xYd7Yk1J0pTq3R0fGm8Zq9yq3cN1o2vXo4aE', 'linux', 'arm64')")
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

# Journal lines of two servers for the Logs page: "server<TAB>json".
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

# Twenty minutes of refreshes of hello-gin on web3 for the Health page, every 10 s.
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

keys() { xdotool windowfocus --sync "$WID" key --delay 80 "$@"; sleep 1.5; }
# No window manager: the screen is the window's frame. The main window is captured by its X window.
# Wine draws the tray's balloons (Gantry's alerts: web1 and web2 cannot be reached) as black boxes
# over the window under Xvfb: every other window is hidden before a shot.
shot() {
    for w in $(xdotool search --onlyvisible --name '' 2>/dev/null); do
        [ "$w" = "$WID" ] || xdotool windowunmap "$w" 2>/dev/null || true
    done
    import -window "$WID" "$OUT/$1-$SET.png"
}

# shoot LANG DPI LIGHT VARIANT: one set of pages.
shoot() {
    local lang=$1 dpi=$2 light=$3 variant=$4 platform=windows
    SET=$lang${variant:+-$variant}
    set_dpi "$dpi"
    set_light "$light"
    [ "$light" = 0 ] && platform=windows:darkmode=2
    # A fresh window geometry for each set (the window size is remembered in the registry).
    wine reg delete 'HKCU\Software\Gantry' /f >/dev/null 2>&1 || true
    # The dark set: the system's dark mode (Qt 6.4 follows it only with darkmode=2) and Gantry's own
    # Dark theme in Settings.
    [ "$light" = 0 ] && reg 'HKCU\Software\Gantry\gantry\ui' /v theme /t REG_SZ /d dark
    GANTRY_SCREENSHOT_HEALTH=$(windows_path "$TMP/health.tsv") GANTRY_SCREENSHOT_LOGS=$(windows_path "$TMP/journal.tsv") \
        QT_QPA_PLATFORM=$platform wine "$GANTRY" --lang "$lang" --workspace "$WIN_WORKSPACE" "$WIN_PROJECT" \
        >"$TMP/app-$SET.log" 2>&1 &
    APP=$!
    WID=$(timeout 90 xdotool search --sync --onlyvisible --name 'Gantry' | head -1)
    [ -n "$WID" ] || { echo "the app showed no window within 90 s ($SET)" >&2; cat "$TMP/app-$SET.log" >&2; exit 1; }
    sleep 6 # Go is probed and the project scanned
    # No window manager: Wine puts the window where it likes (partly off the screen at 150 %) and
    # shows its own system tray (Gantry has a tray icon) as a window over it.
    xdotool windowmove "$WID" 0 0
    for tray in $(xdotool search --name 'Wine System Tray' 2>/dev/null); do xdotool windowunmap "$tray"; done
    sleep 1
    eval "$(xdotool getwindowgeometry --shell "$WID")"
    xdotool mousemove 1918 1198 # no tooltips: the pointer off the window
    echo "$SET: window ${WIDTH}x${HEIGHT}" >&2
    keys ctrl+1; shot projects
    keys ctrl+2; shot build
    keys ctrl+3; shot profiles
    keys ctrl+4; shot servers
    keys ctrl+5; shot deploy
    keys ctrl+6
    sleep 8 # the monitor tries web1 and web2, which cannot be reached from here
    shot health
    keys ctrl+7; shot logs
    keys ctrl+8; shot settings
    keys ctrl+9; shot about
    wine taskkill /im gantry.exe >/dev/null 2>&1 || true
    sleep 2
    wine taskkill /f /im gantry.exe >/dev/null 2>&1 || true
    wait $APP 2>/dev/null || true
    APP=
}

seed
seed_logs
seed_health
# LANG:DPI:LIGHT:VARIANT, all by default; GANTRY_SHOTS_SETS picks some (e.g. "en:144:1:150").
for set in ${GANTRY_SHOTS_SETS:-en:96:1: en:144:1:150 zh_CN:144:1:150 zh_CN:96:1: en:96:0:dark}; do
    IFS=: read -r lang dpi light variant <<<"$set"
    shoot "$lang" "$dpi" "$light" "$variant"
done
ls -1 "$OUT"/*.png
