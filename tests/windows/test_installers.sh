#!/usr/bin/env bash
# Proves that Gantry's Windows installers install, upgrade and uninstall as a Windows user expects,
# under Wine, in a fresh throw-away prefix (a copy of scripts/wineprefix.sh's, removed at exit):
#   NSIS  silent per-machine install into C:\Program Files\Gantry; gantryctl --version from there
#         (and gantry.exe --self-test once the GUI is built); the HKLM uninstall entry; an upgrade
#         to a higher version keeps the workspace made before, byte for byte, and gantryctl reads it;
#         a silent uninstall leaves no file of Gantry's and no entry, but the workspace and the
#         saved passwords (Credential Manager "Gantry/..."); /D= picks another folder; a per-user
#         install (/CurrentUser) lands in %LOCALAPPDATA%\Programs\Gantry with an HKCU entry, and
#         its uninstall with /REMOVEDATA removes the user's data and Gantry's passwords, only those.
#   MSI   silent install, gantryctl --version, an upgrade with a higher version leaves one entry
#         (MajorUpgrade), msiexec /x removes the files; INSTALLDIR= is kept by an upgrade.
#   Signing  both installers signed with a throw-away certificate verify; a tampered copy does not.
#
#   test_installers.sh BUILD_DIR
#
# BUILD_DIR holds deploy/ and the installers (targets windows-deploy, installer-nsis, installer-msi).
# The higher versions for the upgrades are built here from the same deploy folder.
# Ends with "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "${1:?usage: test_installers.sh BUILD_DIR}" && pwd)
WINESERVER=/usr/lib/wine/wineserver

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
# expect NAME COMMAND...: passes when COMMAND exits 0.
expect() {
    local name=$1 out
    shift
    if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(echo "$out" | tail -n 3 | tr '\n' ' ')"; fi
}
phase_start=0
phase() {
    [ "$phase_start" = 0 ] || echo "---- $(($(date +%s%N) / 1000000 - phase_start)) ms"
    phase_start=$(($(date +%s%N) / 1000000))
    [ -z "${1:-}" ] || echo "==== $1"
}
finished=0
finish() {
    finished=1
    phase
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt" 2>/dev/null)
[ -n "$version" ] || version=$(basename "$(ls "$BUILD"/gantry-*-setup.exe 2>/dev/null | head -n1)" | sed 's/^gantry-//; s/-setup.exe$//')
setup=$BUILD/gantry-$version-setup.exe
msi=$BUILD/gantry-$version.msi
for f in "$setup" "$msi" "$BUILD/deploy/gantryctl.exe"; do
    [ -f "$f" ] || { fail "inputs" "no $f (build windows-deploy, installer-nsis and installer-msi)"; finish; }
done
IFS=. read -r major minor patch <<<"$version"
next=$major.$minor.$((patch + 1))
have_gui=0
[ -f "$BUILD/deploy/gantry.exe" ] && have_gui=1

work=$(mktemp -d /tmp/gantry-installers.XXXXXX)
cached=$(bash "$ROOT/scripts/wineprefix.sh") || { fail "wine prefix" "scripts/wineprefix.sh failed"; finish; }
export WINEPREFIX=$work/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml="
# Plugins and DLLs must come from the install folder alone, as on a clean Windows.
unset QT_PLUGIN_PATH WINEPATH
cleanup() {
    local code=$?
    "$WINESERVER" -k 2>/dev/null
    rm -rf "$work"
    if [ "$finished" = 0 ]; then # the script itself broke
        echo "FAIL the test script stopped early (exit $code)"
        echo "$passed passed, $((failed + 1)) failed"
        exit 1
    fi
}
trap cleanup EXIT

# Wine runs a process and returns when it exits; an uninstaller relaunches itself from %TEMP%, so
# after one, wait until the prefix has no process left (wineserver -w) instead of using `_?=`.
settle() { "$WINESERVER" -w; }
win() { wine "$@" 2>&1 | tr -d '\r'; return "${PIPESTATUS[0]}"; }
unix_path() { winepath -u "$1" 2>/dev/null | tr -d '\r'; }
reg_has() { wine reg query "$1" >/dev/null 2>&1; }
reg_value() { wine reg query "$1" /v "$2" 2>/dev/null | tr -d '\r' | sed -n "s/^ *$2 *REG_[A-Z_]* *//p"; }
no_gantry_files() { [ ! -e "$1" ] || [ -z "$(ls -A "$1")" ]; }
ARP='Software\Microsoft\Windows\CurrentVersion\Uninstall'

phase "prefix"
cp -a "$cached" "$WINEPREFIX"
rm -f "$WINEPREFIX/.gantry-complete"
progfiles=$(unix_path 'C:\Program Files')/Gantry
appdata=$(unix_path "$(wine cmd /c echo %APPDATA% 2>/dev/null | tr -d '\r')")
localapp=$(unix_path "$(wine cmd /c echo %LOCALAPPDATA% 2>/dev/null | tr -d '\r')")
workspace=$appdata/Gantry/gantry
expect "a private prefix with the user's folders" test -d "$appdata" -a -d "$localapp"

probe=$work/credprobe.exe
expect "credprobe.exe builds (Credential Manager probe)" x86_64-w64-mingw32-gcc -municode -O2 -s \
    -o "$probe" "$ROOT/tests/windows/credprobe.c" -ladvapi32

phase "higher versions for the upgrades ($next)"
cmake -DDEPLOY_DIR="$BUILD/deploy" -DOUTPUT="$work/files.nsh" -P "$ROOT/cmake/NsisFileList.cmake"
t=$(date +%s%N)
expect "makensis builds $next (zlib)" makensis -V2 -DCOMPRESSOR=zlib -DVERSION="$next" -DSOURCE_DIR="$BUILD/deploy" \
    -DFILES_NSH="$work/files.nsh" -DOUTFILE="$work/gantry-$next-setup.exe" "$ROOT/installer/gantry.nsi"
echo "     makensis: $((($(date +%s%N) - t) / 1000000)) ms"
gui_define=()
[ "$have_gui" = 1 ] && gui_define=(-D Gui=1)
t=$(date +%s%N)
(cd "$BUILD" && find deploy -type f | LC_ALL=C sort | wixl-heat -p deploy/ --directory-ref INSTALLDIR \
    --component-group CG.Files --var var.SourceDir --win64 >"$work/files.wxs")
expect "wixl builds $next" bash -c 'cd "$1" && wixl -a x64 -D Version="$2" -D SourceDir=deploy -D Win64=yes "${@:5}" \
    -o "$3" "$4/installer/gantry.wxs" "$0"' "$work/files.wxs" "$BUILD" "$next" "$work/gantry-$next.msi" "$ROOT" "${gui_define[@]}"
echo "     wixl: $((($(date +%s%N) - t) / 1000000)) ms"

phase "NSIS: silent per-machine install"
expect "setup.exe /S exits 0" win "$setup" /S
expect "gantryctl.exe is in C:\\Program Files\\Gantry" test -f "$progfiles/gantryctl.exe"
expect "the plugins are there" test -f "$progfiles/sqldrivers/qsqlite.dll" -a -f "$progfiles/tls/qschannelbackend.dll"
expect "every deployed file is installed" diff <(cd "$BUILD/deploy" && find . -type f | sort) \
    <(cd "$progfiles" && find . -type f ! -name uninstall.exe | sort)
out=$(cd "$progfiles" && win ./gantryctl.exe --version)
if grep -q "$version" <<<"$out"; then pass "gantryctl --version prints $version"; else fail "gantryctl --version" "$out"; fi
if [ "$have_gui" = 1 ]; then
    expect "gantry.exe --self-test exits 0" bash -c 'cd "$0" && xvfb-run -a wine ./gantry.exe --self-test' "$progfiles"
    expect "the Start menu shortcut" test -f "$(unix_path 'C:\ProgramData')/Microsoft/Windows/Start Menu/Programs/Gantry.lnk"
else
    echo "SKIP gantry.exe: not built"
fi
expect "the HKLM uninstall entry" reg_has "HKLM\\$ARP\\Gantry"
expect "its DisplayVersion is $version" test "$(reg_value "HKLM\\$ARP\\Gantry" DisplayVersion)" = "$version"
for v in DisplayName Publisher EstimatedSize UninstallString QuietUninstallString DisplayIcon InstallLocation; do
    expect "the entry has $v" test -n "$(reg_value "HKLM\\$ARP\\Gantry" $v)"
done

phase "NSIS: upgrade keeps the workspace"
expect "gantryctl workspace info makes the workspace" bash -c 'cd "$0" && wine ./gantryctl.exe workspace info' "$progfiles"
db=$workspace/workspace.db
expect "a saved password (Credential Manager Gantry/kept)" wine "$probe" write 'Gantry/kept'
expect "the workspace is in %APPDATA%\\Gantry\\gantry" test -f "$db"
before=$(sha256sum "$db" 2>/dev/null | cut -d' ' -f1)
expect "setup $next /S over $version exits 0" win "$work/gantry-$next-setup.exe" /S
expect "the entry says $next" test "$(reg_value "HKLM\\$ARP\\Gantry" DisplayVersion)" = "$next"
expect "one uninstaller, in place" test -f "$progfiles/uninstall.exe"
expect "the workspace file is unchanged" test "$(sha256sum "$db" 2>/dev/null | cut -d' ' -f1)" = "$before"
expect "gantryctl of $next reads it" bash -c 'cd "$0" && wine ./gantryctl.exe workspace info' "$progfiles"

phase "NSIS: silent uninstall keeps the user's data"
expect "uninstall.exe /S exits 0" win "$progfiles/uninstall.exe" /S
settle
expect "no file of Gantry's left in Program Files" no_gantry_files "$progfiles"
expect "no HKLM uninstall entry" bash -c '! wine reg query "HKLM\\$0\\Gantry"' "$ARP"
expect "no Start menu shortcut" test ! -e "$(unix_path 'C:\ProgramData')/Microsoft/Windows/Start Menu/Programs/Gantry.lnk"
expect "the workspace remains" test -f "$db"
expect "the saved password remains" wine "$probe" read 'Gantry/kept'

phase "NSIS: /D= another folder"
tools="$(unix_path 'C:\Tools')/My Gantry"
# NSIS wants /D= unquoted and last; Wine quotes an argument with a space, so give it in two.
expect "setup.exe /S /D=C:\Tools\My Gantry exits 0" win "$setup" /S '/D=C:\Tools\My' 'Gantry'
expect "gantryctl.exe is there" test -f "$tools/gantryctl.exe"
expect "the entry's InstallLocation" test "$(reg_value "HKLM\\$ARP\\Gantry" InstallLocation)" = 'C:\Tools\My Gantry'
expect "its uninstaller exits 0" win "$tools/uninstall.exe" /S
settle
expect "and leaves nothing" test ! -e "$tools"

phase "NSIS: per-user install, uninstall with /REMOVEDATA"
peruser=$localapp/Programs/Gantry
expect "setup.exe /S /CurrentUser exits 0" win "$setup" /S /CurrentUser
expect "gantryctl.exe is in %LOCALAPPDATA%\\Programs\\Gantry" test -f "$peruser/gantryctl.exe"
expect "no per-machine files" no_gantry_files "$progfiles"
expect "the HKCU uninstall entry" reg_has "HKCU\\$ARP\\Gantry"
expect "no HKLM entry" bash -c '! wine reg query "HKLM\\$0\\Gantry"' "$ARP"
expect "gantryctl runs from there" bash -c 'cd "$0" && wine ./gantryctl.exe workspace info' "$peruser"
wine reg add 'HKCU\Software\Gantry\gantry' /v probe /d 1 /f >/dev/null 2>&1
wine "$probe" write 'Other/not-gantry'
expect "uninstall.exe /S /REMOVEDATA exits 0" win "$peruser/uninstall.exe" /S /REMOVEDATA
settle
expect "no file left in %LOCALAPPDATA%\\Programs\\Gantry" no_gantry_files "$peruser"
expect "no HKCU uninstall entry" bash -c '! wine reg query "HKCU\\$0\\Gantry"' "$ARP"
expect "the workspace is gone" test ! -e "$workspace"
expect "the settings are gone" bash -c '! wine reg query "HKCU\\Software\\Gantry\\gantry"'
expect "Gantry's saved passwords are gone" bash -c '! wine "$0" read Gantry/kept' "$probe"
expect "another program's credential stays" wine "$probe" read 'Other/not-gantry'

phase "MSI: silent install, upgrade, uninstall"
expect "msiexec /i /qn exits 0" win msiexec /i "$msi" /qn
expect "gantryctl.exe is in C:\\Program Files\\Gantry" test -f "$progfiles/gantryctl.exe"
expect "every deployed file is installed" diff <(cd "$BUILD/deploy" && find . -type f | sort) \
    <(cd "$progfiles" && find . -type f | sort)
out=$(cd "$progfiles" && win ./gantryctl.exe --version)
if grep -q "$version" <<<"$out"; then pass "gantryctl --version prints $version"; else fail "gantryctl --version" "$out"; fi
if [ "$have_gui" = 1 ]; then
    expect "gantry.exe --self-test exits 0" bash -c 'cd "$0" && xvfb-run -a wine ./gantry.exe --self-test' "$progfiles"
else
    echo "SKIP gantry.exe: not built"
fi
entries() { wine reg query "HKLM\\$ARP" /s 2>/dev/null | tr -d '\r' | grep -c 'DisplayName *REG_SZ *Gantry$'; }
expect "one Apps & features entry" test "$(entries)" = 1
expect "msiexec /i $next /qn exits 0" win msiexec /i "$work/gantry-$next.msi" /qn
expect "still one entry (MajorUpgrade)" test "$(entries)" = 1
expect "the entry says $next" bash -c 'wine reg query "HKLM\\$0" /s | grep -q "DisplayVersion *REG_SZ *$1"' "$ARP" "$next"
expect "the files are there" test -f "$progfiles/gantryctl.exe"
expect "msiexec /x /qn exits 0" win msiexec /x "$work/gantry-$next.msi" /qn
settle
expect "no file left" no_gantry_files "$progfiles"
expect "no entry left" test "$(entries)" = 0

phase "MSI: INSTALLDIR= survives an upgrade"
apps="$(unix_path 'C:\Apps')/Gantry MSI"
expect "msiexec /i /qn INSTALLDIR=C:\Apps\Gantry MSI exits 0" win msiexec /i "$msi" /qn 'INSTALLDIR=C:\Apps\Gantry MSI'
expect "gantryctl.exe is there" test -f "$apps/gantryctl.exe"
expect "the upgrade exits 0" win msiexec /i "$work/gantry-$next.msi" /qn
expect "and stays in that folder" test -f "$apps/gantryctl.exe" -a ! -e "$progfiles"
expect "msiexec /x /qn exits 0" win msiexec /x "$work/gantry-$next.msi" /qn
settle
expect "and leaves nothing" test ! -e "$apps"

phase "signing"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Gantry test signing" \
    -addext "extendedKeyUsage=codeSigning" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
cp "$setup" "$work/signed-setup.exe"
cp "$msi" "$work/signed.msi"
expect "windows-sign.sh signs both" env GANTRY_SIGN_CERT="$work/cert.pem" GANTRY_SIGN_KEY="$work/key.pem" \
    bash "$ROOT/scripts/windows-sign.sh" "$work/signed-setup.exe" "$work/signed.msi"
for f in signed-setup.exe signed.msi; do
    expect "$f verifies" bash -c 'osslsigncode verify -CAfile "$0" -in "$1" | grep -q "Signature verification: ok"' \
        "$work/cert.pem" "$work/$f"
    python3 -c 'import sys; d = bytearray(open(sys.argv[1], "rb").read()); d[len(d) // 2] ^= 0xFF; open(sys.argv[2], "wb").write(d)' \
        "$work/$f" "$work/tampered-$f"
    expect "a tampered $f fails" bash -c '! osslsigncode verify -CAfile "$0" -in "$1" >/dev/null 2>&1' \
        "$work/cert.pem" "$work/tampered-$f"
done
openssl pkcs12 -export -in "$work/cert.pem" -inkey "$work/key.pem" -out "$work/cert.p12" -passout pass:test-only
cp "$msi" "$work/p12.msi"
expect "a PKCS#12 with a password signs too" env GANTRY_SIGN_CERT="$work/cert.p12" GANTRY_SIGN_PASSWORD=test-only \
    bash "$ROOT/scripts/windows-sign.sh" "$work/p12.msi"
expect "and verifies" bash -c 'osslsigncode verify -CAfile "$0" -in "$1" | grep -q "Signature verification: ok"' \
    "$work/cert.pem" "$work/p12.msi"

finish
