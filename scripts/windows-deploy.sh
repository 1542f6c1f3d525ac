#!/usr/bin/env bash
# Gathers a runnable Windows Gantry into one folder: the exes, every DLL they import (followed
# through the import tables, transitively, in the Windows SDK's bin and the mingw-w64 runtime), the
# Qt plugins Gantry loads. This folder is what both installers ship, file for file.
#
#   windows-deploy.sh BUILD_DIR OUT_DIR
#
# BUILD_DIR is a Windows build (preset `windows`): gantryctl.exe is required, gantry.exe is taken
# when it is there (the GUI may be switched off). Each is looked for in its target's folder (cli/,
# app/) and in BUILD_DIR itself, where qt_standard_project_setup() puts executables on Windows. OUT_DIR is emptied first; it must be empty,
# missing, or an earlier deploy folder (one with gantryctl.exe in it).
#
# It fails when an exe or DLL imports a DLL that is neither deployed nor in the list of Windows'
# own DLLs below: so the installed Gantry misses nothing, and a new dependency is a decision.
#
# Environment: GANTRY_WINSDK (the SDK prefix; default: what scripts/winsdk.sh prints),
# OBJDUMP and STRIP (default: the x86_64-w64-mingw32- tools).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

log() { echo "windows-deploy: $*" >&2; }
die() { log "$*"; exit 1; }

[ $# -eq 2 ] || die "usage: windows-deploy.sh BUILD_DIR OUT_DIR"
build=$(cd "$1" && pwd) || die "no build folder $1"
out=$2
sdk=${GANTRY_WINSDK:-$(bash "$ROOT/scripts/winsdk.sh")}
OBJDUMP=${OBJDUMP:-x86_64-w64-mingw32-objdump}
STRIP=${STRIP:-x86_64-w64-mingw32-strip}

# The SDK's bin first: it carries the runtime the SDK was built with.
search=("$sdk/bin" /usr/lib/gcc/x86_64-w64-mingw32/12-posix /usr/x86_64-w64-mingw32/lib)

# Windows' own DLLs that Gantry, Qt and the libraries import (x86_64-w64-mingw32-objdump -p): they
# come with every Windows 10/11 and are never shipped. msvcrt.dll is the CRT mingw-w64 links to.
SYSTEM_DLLS=(
    advapi32 authz bcrypt comdlg32 crypt32 d3d11 d3d9 dnsapi dwmapi dxgi gdi32 imm32 iphlpapi
    kernel32 mpr msvcrt netapi32 ole32 oleaut32 secur32 shcore shell32 shlwapi user32 userenv
    uxtheme version winhttp winmm ws2_32 wtsapi32
    api-ms-win-core-synch-l1-2-0 api-ms-win-core-winrt-l1-1-0 api-ms-win-core-winrt-string-l1-1-0
)

# The Qt plugins Gantry loads. gantryctl needs SQLite and TLS; the GUI adds the platform and the
# native style. No imageformats: the icons are PNG (built into QtGui) and the .ico is only the
# exe's resource, which Windows reads, not Qt. No iconengines (no Qt Svg), no networkinformation
# (nothing uses QNetworkInformation). qcertonlybackend lets QSslCertificate parse certificates
# even when Schannel is not chosen.
#
# No qt.conf: Qt finds plugins in <exe folder>/<type>/ by itself (the application folder is always on
# QCoreApplication::libraryPaths()), and without qt.conf its own PluginsPath is <exe folder>/plugins
# (seen under Wine: QLibraryInfo::path(PluginsPath) = the deploy folder + /plugins), so Qt never
# looks outside Gantry's folder.
CORE_PLUGINS=(sqldrivers/qsqlite tls/qschannelbackend tls/qcertonlybackend)
GUI_PLUGINS=(platforms/qwindows styles/qwindowsvistastyle)

declare -A system deployed
for d in "${SYSTEM_DLLS[@]}"; do system[$d]=1; done

prepare_out() {
    if [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
        [ -f "$out/gantryctl.exe" ] || die "$out is not empty and not a deploy folder: refusing to empty it"
        rm -rf "${out:?}"
    fi
    mkdir -p "$out"
    out=$(cd "$out" && pwd)
}

find_dll() {
    local d hit
    for d in "${search[@]}"; do
        hit=$(find "$d" -maxdepth 1 -iname "$1" -print -quit 2>/dev/null)
        [ -z "$hit" ] || { echo "$hit"; return; }
    done
}

# Copies what $1 imports, then what those import.
follow_imports() {
    local queue=("$@") f dll key src missing=()
    while [ ${#queue[@]} -gt 0 ]; do
        f=${queue[0]}
        queue=("${queue[@]:1}")
        for dll in $("$OBJDUMP" -p "$f" | sed -n 's/^\s*DLL Name: //p' | tr -d '\r'); do
            key=${dll,,}
            key=${key%.dll}
            [ -n "${system[$key]:-}" ] || [ -n "${deployed[$key]:-}" ] && continue
            src=$(find_dll "$dll")
            if [ -z "$src" ]; then
                missing+=("$dll (imported by $(basename "$f"))")
                continue
            fi
            deployed[$key]=1
            cp "$src" "$out/"
            queue+=("$out/$(basename "$src")")
        done
    done
    [ ${#missing[@]} -eq 0 ] || die "not found and not a Windows DLL: ${missing[*]}"
}

copy_plugins() {
    local p
    for p in "$@"; do
        [ -f "$sdk/plugins/$p.dll" ] || die "the SDK has no Qt plugin $p.dll"
        mkdir -p "$out/$(dirname "$p")"
        cp "$sdk/plugins/$p.dll" "$out/$p.dll"
        echo "$out/$p.dll"
    done
}

# The .qm files are resources of gantry.exe (qt_add_translations RESOURCE_PREFIX /i18n); rcc
# stores resource names in UTF-16 big-endian.
report_translations() {
    [ -f "$out/gantry.exe" ] || return 0
    local qms
    qms=$(strings -e b "$out/gantry.exe" | grep -E '^gantry_[A-Za-z_]+\.qm$' | sort -u | tr '\n' ' ' || true)
    [ -n "$qms" ] || die "gantry.exe holds no embedded translations (expected :/i18n/gantry_*.qm)"
    log "translations embedded in gantry.exe: $qms(no .qm files shipped)"
}

# built_exe NAME SUBDIR: the built exe's path, or nothing.
built_exe() {
    local f
    for f in "$build/$2/$1" "$build/$1"; do
        [ -f "$f" ] && { echo "$f"; return 0; }
    done
    return 0
}

main() {
    local ctl gui
    ctl=$(built_exe gantryctl.exe cli)
    gui=$(built_exe gantry.exe app)
    [ -n "$ctl" ] || die "no gantryctl.exe in $build or $build/cli: build the preset 'windows' first"
    prepare_out
    local exes=("$ctl") plugins=("${CORE_PLUGINS[@]}") staged=() f
    if [ -n "$gui" ]; then
        exes+=("$gui")
        plugins+=("${GUI_PLUGINS[@]}")
    else
        log "no gantry.exe (GUI off): deploying gantryctl.exe only"
    fi
    for f in "${exes[@]}"; do
        "$STRIP" --strip-all -o "$out/$(basename "$f")" "$f"
        staged+=("$out/$(basename "$f")")
    done
    mapfile -t -O ${#staged[@]} staged < <(copy_plugins "${plugins[@]}")
    follow_imports "${staged[@]}"
    report_translations
    (cd "$out" && find . -type f | sed 's|^\./||' | sort)
    log "$(find "$out" -type f | wc -l) files, $(du -sb "$out" | cut -f1) bytes ($(du -sh "$out" | cut -f1)) in $out"
}

main
