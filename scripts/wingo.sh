#!/usr/bin/env bash
# Makes a Windows (windows/amd64) Go toolchain ready in a cache folder outside the clone, for running
# Gantry's build engine (gantryctl.exe) under Wine, and prints the toolchain's GOROOT on stdout.
# Messages go to stderr.
#
# Debian's Go (golang-go, 1.19) cross-builds itself: its sources are copied (Debian's GOROOT
# /usr/lib/go-1.19 links src into /usr/share/go-1.19, so the copy dereferences symlinks) and
#   GOROOT_BOOTSTRAP=<Debian's GOROOT> GOOS=windows GOARCH=amd64 CGO_ENABLED=0 ./make.bash
# runs in its src (6 minutes on 2 idle cores, 16 with other builds running). The tree is then
# slimmed to what `go build`, `go vet`, `go test` and `go tool dist` need at run time for
# windows/amd64 and linux/amd64 (or any other) targets:
#   bin/go.exe, bin/gofmt.exe       moved up from bin/windows_amd64, so that <tree>\bin\go.exe is
#                                   on PATH and go.exe finds its GOROOT as the parent of bin
#   pkg/tool/windows_amd64/         compile, link, asm, cgo, pack, buildid, vet, cover, test2json, dist
#   pkg/include/, src/ (the standard library without tests and testdata), VERSION
# Removed: pkg/obj, bin/go and the other Linux host tools and packages, src/cmd (the tools' own
# sources), the profiling and inspection tools (pprof, trace, objdump, nm, addr2line, doc, fix, api),
# and pkg/windows_amd64: Gantry builds with -trimpath, for which the installed .a files are stale
# anyway (std is compiled into GOCACHE once per target, as with Go 1.20 and later, which ship none).
#
# The tree is kept in ${GANTRY_CACHE:-/var/cache/gantry}/wingo-<go version>-<recipe id>/ and
# reused when complete: the .complete marker is there and `wine bin/go.exe version` prints the
# expected go version. Otherwise it is rebuilt. Wine runs in the prefix from scripts/wineprefix.sh
# (WINEPREFIX, when set, names the prefix).
#
# Using the toolchain under Wine (see tests/windows/test_wingo.sh):
#   GOROOT=Z:\...\wingo-go1.19.8-XXXX  WINEPATH=Z:\...\wingo-go1.19.8-XXXX\bin
#   GOCACHE, GOPATH: Windows paths of writable folders; GOPROXY=off GOTOOLCHAIN=local GOWORK=off
#
#   GANTRY_CACHE      the cache folder (default /var/cache/gantry)
#   GANTRY_SYSTEM_GO  the Linux go used as bootstrap and source (default: go on PATH)
#   WINGO_NO_CHECK=1  do not run go.exe under Wine (neither for reuse nor after the build)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${GANTRY_CACHE:-/var/cache/gantry}
SYSGO=${GANTRY_SYSTEM_GO:-go}

log() { echo "wingo: $*" >&2; }
die() { log "$*"; exit 1; }

command -v "$SYSGO" >/dev/null 2>&1 || die "$SYSGO not found (install golang-go: scripts/install-deps.sh)"
# The bootstrap must not see the caller's Go settings (a -modfile in GOFLAGS, a GOOS...).
sysgo() { env -u GOFLAGS -u GOOS -u GOARCH -u GOROOT -u GOPATH -u GOBIN -u GOEXPERIMENT "$SYSGO" "$@"; }
GOVERSION=$(sysgo env GOVERSION)
BOOT=$(sysgo env GOROOT)
[ -d "$BOOT/src/cmd/dist" ] || die "$BOOT has no src/cmd/dist: not a complete GOROOT"
# The recipe's id names the tree: change it whenever the build or the slimming below changes, so a
# tree made the old way is not reused (it was the script's checksum, which also changed on comments).
RECIPE_ID=231fa4fd03c5
dir=$CACHE/wingo-$GOVERSION-$RECIPE_ID

have_wine() { [ -z "${WINGO_NO_CHECK:-}" ] && command -v wine >/dev/null 2>&1; }

# check: the tree answers `go version` with the expected version under Wine.
check() {
    [ -f "$dir/.complete" ] && [ -f "$dir/bin/go.exe" ] && [ -d "$dir/pkg/tool/windows_amd64" ] || return 1
    have_wine || return 0
    local prefix out wdir
    prefix=$(bash "$ROOT/scripts/wineprefix.sh") || return 1
    wdir=$(winpath "$dir")
    out=$(env WINEPREFIX="$prefix" WINEARCH=win64 WINEDEBUG=-all \
        WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree=;mshtml=" GOROOT="$wdir" \
        wine "$dir/bin/go.exe" version 2>/dev/null 9>&- | tr -d '\r') || return 1
    case "$out" in
        "go version $GOVERSION windows/amd64") return 0 ;;
        *) log "wine go.exe version printed '$out', wanted 'go version $GOVERSION windows/amd64'"; return 1 ;;
    esac
}

# winpath DIR: Wine's Z: drive maps /, so Z: plus the path with backslashes.
winpath() { printf 'Z:%s' "${1//\//\\}"; }

mkdir -p "$CACHE"
# One build at a time per tree; a second caller waits and then reuses it.
exec 9>"$dir.lock"
if ! flock -n 9; then
    log "another wingo.sh is building $dir; waiting"
    flock 9
fi

if check; then
    log "reusing $dir ($GOVERSION windows/amd64, $(du -sh "$dir" | cut -f1))"
    echo "$dir"
    exit 0
fi

log "building $GOVERSION for windows/amd64 from $BOOT into $dir (6 to 16 minutes on 2 cores)"
rm -rf "$dir"
mkdir -p "$dir"
# Only what make.bash needs; everything else is removed later anyway.
cp "$BOOT/VERSION" "$dir/"
cp -rL "$BOOT/src" "$dir/src"
chmod -R u+w "$dir"
start=$(date +%s)
(
    cd "$dir/src"
    # A private build cache: make.bash's go_bootstrap fills it, and it is thrown away after.
    env -u GOFLAGS -u GOROOT -u GOPATH -u GOBIN -u GOEXPERIMENT -u GOARM -u GOAMD64 -u CC -u CXX \
        GOCACHE="$dir/.gocache" GOROOT_BOOTSTRAP="$BOOT" GOOS=windows GOARCH=amd64 CGO_ENABLED=0 \
        nice -n "${WINGO_NICE:-10}" ./make.bash
) >&2 || die "make.bash failed in $dir/src"
log "make.bash took $(($(date +%s) - start)) s"

[ -f "$dir/bin/windows_amd64/go.exe" ] || die "make.bash made no bin/windows_amd64/go.exe"
# bin/go.exe: on PATH as <tree>\bin, and go.exe finds GOROOT as the parent of its folder.
rm -f "$dir/bin/go" "$dir/bin/gofmt"
mv "$dir/bin/windows_amd64/"*.exe "$dir/bin/"
rmdir "$dir/bin/windows_amd64"
rm -rf "$dir/.gocache" "$dir/pkg/obj" "$dir/pkg/bootstrap" "$dir/pkg/tool/linux_amd64" \
    "$dir/pkg/linux_amd64" "$dir/pkg/windows_amd64" "$dir/src/cmd"
for t in api addr2line doc fix nm objdump pprof trace; do rm -f "$dir/pkg/tool/windows_amd64/$t.exe"; done
# Tests and their data are never part of a build of someone else's program.
find "$dir/src" -type d -name testdata -prune -exec rm -rf {} +
find "$dir/src" -type f -name '*_test.go' -delete
for t in compile link asm cgo pack buildid vet cover test2json dist; do
    [ -f "$dir/pkg/tool/windows_amd64/$t.exe" ] || die "pkg/tool/windows_amd64/$t.exe missing"
done
[ -f "$dir/src/runtime/runtime.go" ] && [ -f "$dir/pkg/include/textflag.h" ] || die "src/runtime or pkg/include missing"
touch "$dir/.complete"
if ! check; then
    rm -f "$dir/.complete"
    die "the tree in $dir does not run under Wine; remove it and run again"
fi
log "ready: $dir ($(du -sh "$dir" | cut -f1))"
echo "$dir"
