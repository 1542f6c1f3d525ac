#!/usr/bin/env bash
# test_deb.sh - the Linux package on a CLEAN Debian 12 system.
#
# Proves that gantry_<version>_amd64.deb installs with `apt-get install ./gantry_*.deb` on a
# minimal Debian 12 root (debootstrap --variant=minbase: none of this machine's libraries, unlike
# the test hosts, which are overlays of this machine's root), with every dependency resolved
# against and fetched from the Debian mirror; that `gantry --self-test` (offscreen platform) and
# `gantryctl --version` then run; that the desktop entry passes desktop-file-validate and the
# metainfo `appstreamcli validate`; and that `apt-get remove --purge gantry` leaves none of the
# files `dpkg -L gantry` listed. Each phase prints the seconds it took.
#
#   test_deb.sh up                  unpack a fresh root (making the cached minbase tarball first
#                                   when it is missing)
#   test_deb.sh check DEB|BUILD_DIR run the checks in that root; a BUILD_DIR (one with
#                                   CPackConfig.cmake) gets its .deb from `cpack -G DEB` first
#   test_deb.sh down                remove the root (idempotent; the ctest fixture's cleanup)
#   test_deb.sh DEB|BUILD_DIR       all three in a temporary folder, removed again on any exit
#                                   (unless GANTRY_DEB_KEEP=1)
#
# Cache, outside the clone, shared by all clones: ${GANTRY_CACHE:-/var/cache/gantry}/
#   debroot-bookworm-minbase.tar   the debootstrapped root (rebuilt when missing)
#   debroot-apt-archives/          .debs apt downloaded before; apt still resolves against the
#                                  mirror's current index and checks every file's hash
# Root: ${GANTRY_DEB_DIR:-/tmp/gantry-deb}/root. The mirror is the one this machine's apt uses
# (/etc/apt/sources.list.d/debian.sources, copied into the root).
# Exit: 0 all checks passed, 1 a check or a phase failed, 2 usage.

# shellcheck disable=SC2016,SC2015  # single-quoted scripts run inside the root; pass never fails
set -Eeuo pipefail

PROG=${0##*/}
CACHE=${GANTRY_CACHE:-/var/cache/gantry}
TARBALL=$CACHE/debroot-bookworm-minbase.tar
APT_ARCHIVES=$CACHE/debroot-apt-archives
SOURCES=/etc/apt/sources.list.d/debian.sources
APP_ID=io.github.gantry_app.Gantry

die() { echo "$PROG: $*" >&2; exit 1; }
log() { echo "$PROG: $*" >&2; }
usage() { sed -n 's/^#   test_deb.sh /  test_deb.sh /p' "$0" >&2; exit 2; }

[[ $EUID -eq 0 ]] || die "must run as root (debootstrap, systemd-nspawn)"

set_dir() {
    DIR=$1
    ROOT=$DIR/root
    MACHINE=gantry-deb-$(basename "$DIR" | tr -c 'a-zA-Z0-9\n' -)
}
set_dir "${GANTRY_DEB_DIR:-/tmp/gantry-deb}"

# ---------------------------------------------------------------------------- phases and checks

PHASE='' PHASE_T0='' FAILS=0
phase() {                       # phase NAME: ends the running phase (printing its time), starts NAME
    local now=$EPOCHREALTIME
    [[ -n $PHASE ]] && log "phase $PHASE: $(awk -v a="$PHASE_T0" -v b="$now" 'BEGIN { printf "%.1f", b - a }') s"
    PHASE=${1:-} PHASE_T0=$now
}

pass() { echo "PASS $1"; }
fail() { echo "FAIL $1${2:+: $2}"; FAILS=$((FAILS + 1)); }

# ---------------------------------------------------------------------------- the cached root

mirror_uri() {                  # the first URI of the stanza that serves the bookworm suite
    awk -v RS= '/(^|\n)Suites:([^\n]* )?bookworm( |\n|$)/ {
        if (match($0, /(^|\n)URIs: *[^ \n]+/)) {
            s = substr($0, RSTART, RLENGTH); sub(/^\n?URIs: */, "", s); print s; exit
        }
    }' "$SOURCES"
}

make_tarball() (                # a subshell: its EXIT trap removes the half-made files
    [[ -s $TARBALL ]] && exit 0
    command -v debootstrap >/dev/null || die "debootstrap is missing (apt-get install debootstrap)"
    local uri tmp
    uri=$(mirror_uri)
    [[ -n $uri ]] || die "no bookworm URI in $SOURCES"
    tmp=$(mktemp -d "$CACHE/.debroot.XXXXXX")
    # shellcheck disable=SC2064
    trap "rm -rf --one-file-system '$tmp'" EXIT
    log "making the clean root (debootstrap --variant=minbase bookworm); cached in $TARBALL"
    if ! debootstrap --variant=minbase bookworm "$tmp/root" "$uri" >"$tmp/debootstrap.log" 2>&1; then
        tail -n 30 "$tmp/debootstrap.log" >&2
        tail -n 30 "$tmp/root/debootstrap/debootstrap.log" >&2 2>/dev/null || true
        die "debootstrap failed"
    fi
    rm -rf "$tmp/root/var/cache/apt/archives/"*.deb "$tmp/root/var/lib/apt/lists/"*
    tar --numeric-owner -C "$tmp/root" -cf "$tmp/root.tar" .
    mv "$tmp/root.tar" "$TARBALL"           # atomic: a half-made tarball is never taken
)

do_up() {
    mkdir -p "$CACHE" "$APT_ARCHIVES"
    phase "cache"
    (
        flock -w 600 9 || die "timeout waiting for $TARBALL.lock"
        make_tarball
    ) 9>"$TARBALL.lock"
    phase "unpack"
    do_down
    mkdir -p "$ROOT"
    tar --numeric-owner -C "$ROOT" -xpf "$TARBALL"
    # The mirror this machine's apt uses (debootstrap's sources.list named the main suite only).
    rm -f "$ROOT/etc/apt/sources.list"
    cp "$SOURCES" "$ROOT/etc/apt/sources.list.d/debian.sources"
    printf 'Acquire::Languages "none";\n' >"$ROOT/etc/apt/apt.conf.d/99gantry-test"
    # no fsync per file: this root lives for one run (what debootstrap and container images do)
    echo force-unsafe-io >"$ROOT/etc/dpkg/dpkg.cfg.d/99gantry-test"
    tr -d '-' </proc/sys/kernel/random/uuid >"$ROOT/etc/machine-id"
    phase
}

# nspawn's own state on this machine: /run is on disk here, so nspawn cannot remove it itself
# (see tests/hosts/testhost.sh). Only names derived from this root are touched.
nspawn_leftovers() {
    rm -rf --one-file-system "/run/systemd/nspawn/propagate/$MACHINE"
    [[ -d $ROOT ]] && rm -f "/run/systemd/nspawn/locks/inode-$(stat -c '%d:%i' "$ROOT")"
    return 0
}

# in_root CMD...: run CMD (argv) as root in the clean root, with this machine's network (for the
# mirror), the .deb folder read-only at /mnt/deb and the shared download cache.
in_root() {
    local rc=0
    systemd-nspawn -q -D "$ROOT" --register=no --keep-unit --machine="$MACHINE" \
        --bind-ro="$DEB_DIR:/mnt/deb" --bind="$APT_ARCHIVES:/var/cache/apt/archives" \
        --setenv=DEBIAN_FRONTEND=noninteractive --setenv=LANG=C.UTF-8 --setenv=HOME=/root \
        --console=pipe -- "$@" 2>"$DIR/nspawn.err" || rc=$?
    # nspawn's complaint about /run being on disk (nspawn_leftovers does that clean-up) is noise
    grep -v '^Attempted to remove disk file system under' "$DIR/nspawn.err" >&2 || true
    nspawn_leftovers
    return $rc
}

do_down() {
    nspawn_leftovers
    [[ -d $DIR ]] || return 0
    if findmnt -rn -o TARGET | grep -qF "$ROOT/"; then
        die "$ROOT still has mounts; not removing it"
    fi
    rm -rf --one-file-system "$DIR"
}

# ---------------------------------------------------------------------------- the checks

find_deb() {                    # find_deb DEB|BUILD_DIR: sets DEB (absolute path of the .deb)
    local arg=$1 out
    if [[ -f $arg && $arg == *.deb ]]; then
        DEB=$(realpath "$arg")
    elif [[ -f $arg/CPackConfig.cmake ]]; then
        phase "cpack"
        out=$DIR/cpack
        mkdir -p "$out"
        cpack -G DEB --config "$arg/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 ||
            { tail -n 30 "$out/cpack.log" >&2; die "cpack failed"; }
        DEB=$(ls "$out"/gantry_*_amd64.deb)
    else
        die "$arg: neither a .deb nor a build folder with CPackConfig.cmake"
    fi
    [[ $(basename "$DEB") =~ ^gantry_[0-9][0-9.]*_amd64\.deb$ ]] || die "unexpected package name $DEB"
    DEB_DIR=$(dirname "$DEB")
    log "package $(basename "$DEB"): $(stat -c %s "$DEB") bytes"
    local depends p
    depends=$(dpkg-deb -f "$DEB" Depends)
    log "Depends: $depends"
    # dpkg-shlibdeps saw what the binaries link; the Qt plugins are named by hand
    for p in libqt6core6 libqt6widgets6 libqt6sql6 libssh-4 libarchive13 libqt6keychain1 \
        libspdlog1.10-fmt9 libqt6sql6-sqlite; do
        [[ ", $depends," == *", $p "* || ", $depends," == *", $p,"* ]] && pass "Depends names $p" ||
            fail "Depends lacks $p"
    done
}

check_install() {
    phase "apt-get install"
    local out=$DIR/install.log
    if in_root bash -c 'apt-get update -q && apt-get install -y -q --no-install-recommends "/mnt/deb/$1"' \
        _ "$(basename "$DEB")" >"$out" 2>&1; then
        pass "apt-get install ./$(basename "$DEB") resolves and installs its dependencies"
    else
        tail -n 30 "$out"
        fail "apt-get install" "see above"
        return 1
    fi
    log "$(grep -cE '^(Get|Setting up) ' "$out" || true) lines of downloads and setups; $(grep -E '^[0-9]+ upgraded' "$out")"
}

check_run() {
    phase "run"
    local out missing
    missing=$(in_root bash -c 'ldd /usr/bin/gantry /usr/bin/gantryctl | grep "not found"' || true)
    [[ -z $missing ]] && pass "every linked library is there" || fail "libraries missing" "$missing"

    if out=$(in_root env QT_QPA_PLATFORM=offscreen gantry --self-test 2>&1) &&
        grep -q 'self-test passed' <<<"$out"; then
        pass "gantry --self-test"
    else
        fail "gantry --self-test" "$(tail -n 20 <<<"$out")"
    fi
    local version
    version=$(dpkg-deb -f "$DEB" Version)
    # stdout only: the exact line a script would read
    if out=$(in_root gantryctl --version 2>"$DIR/gantryctl.err") && [[ $out == "gantryctl $version" ]]; then
        pass "gantryctl --version prints '$out'"
    else
        fail "gantryctl --version" "got '$out' ($(cat "$DIR/gantryctl.err")), want 'gantryctl $version'"
    fi
}

# The validators run on this machine against the installed files: installing them into the
# root would make it less clean for the removal check.
check_metadata() {
    phase "validate"
    local desktop=$ROOT/usr/share/applications/$APP_ID.desktop
    local metainfo=$ROOT/usr/share/metainfo/$APP_ID.metainfo.xml
    local out f
    if out=$(desktop-file-validate "$desktop" 2>&1) && [[ -z $out ]]; then
        pass "desktop-file-validate $APP_ID.desktop"
    else
        fail "desktop-file-validate" "$out"
    fi
    if out=$(appstreamcli validate --no-net "$metainfo" 2>&1); then
        pass "appstreamcli validate --no-net $APP_ID.metainfo.xml"
    else
        fail "appstreamcli validate" "$out"
    fi
    for f in usr/share/icons/hicolor/scalable/apps/$APP_ID.svg usr/share/gantry/testhost.sh; do
        [[ -s $ROOT/$f ]] && pass "/$f installed" || fail "/$f missing"
    done
}

check_purge() {
    phase "purge"
    local list=$DIR/dpkg-L.txt left
    in_root dpkg -L gantry >"$list" || { fail "dpkg -L gantry"; return 1; }
    in_root apt-get remove --purge -y -q gantry >"$DIR/purge.log" 2>&1 ||
        { tail -n 20 "$DIR/purge.log"; fail "apt-get remove --purge gantry"; return 1; }
    # A file must be gone; a folder may stay only while another package still owns it.
    left=$(in_root bash -c 'while IFS= read -r p; do
            [[ -z $p || $p == /. ]] && continue
            if [[ -L $p || (-e $p && ! -d $p) ]]; then echo "$p"
            elif [[ -d $p ]] && ! dpkg-query -S "$p" >/dev/null 2>&1; then echo "$p/"; fi
        done' <"$list") || { fail "checking the file system after the purge"; return 1; }
    if [[ -z $left ]]; then
        pass "apt-get remove --purge gantry leaves none of its $(wc -l <"$list") paths behind"
    else
        fail "left behind after purge" "$(tr '\n' ' ' <<<"$left")"
    fi
}

do_check() {
    [[ -d $ROOT/etc ]] || die "no root at $ROOT (run: $0 up)"
    find_deb "$1"
    if check_install; then
        check_run
        check_metadata
        check_purge
    fi
    phase
    if (( FAILS )); then
        log "$FAILS check(s) FAILED (logs in $DIR until teardown; GANTRY_DEB_KEEP=1 keeps a standalone run's)"
        return 1
    fi
    log "all checks passed"
}

# ---------------------------------------------------------------------------- main

(( $# )) || usage
case $1 in
    up)    (( $# == 1 )) || usage; do_up ;;
    down)  (( $# == 1 )) || usage; do_down ;;
    check) (( $# == 2 )) || usage; do_check "$2" ;;
    -h|--help|help) usage ;;
    *)
        (( $# == 1 )) || usage
        T0=$EPOCHREALTIME
        set_dir "$(mktemp -d /tmp/gantry-deb.XXXXXX)"
        trap 'rc=$?; if [[ ${GANTRY_DEB_KEEP:-0} == 1 ]]; then log "kept $DIR (GANTRY_DEB_KEEP=1)"; else do_down || true; fi; log "total: $(awk -v a="$T0" -v b="$EPOCHREALTIME" "BEGIN { printf \"%.1f\", b - a }") s"; exit $rc' EXIT
        trap 'log interrupted; exit 1' INT TERM HUP
        do_up
        do_check "$1"
        ;;
esac
