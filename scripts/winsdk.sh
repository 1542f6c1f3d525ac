#!/usr/bin/env bash
# Makes the Windows SDK (Qt 6.4.2 qtbase, OpenSSL, libssh, libarchive, spdlog and fmt, cross-built
# with mingw-w64 from Debian 12's own source packages) ready in a cache folder outside the clone,
# and prints its prefix on stdout.
#
# The recipe is scripts/winsdk-recipe.sh. The SDK is kept per recipe (the folder name carries the
# recipe's checksum), so a changed recipe builds a new one and an unchanged one is reused. When the
# prebuilt copy in ../shared/winsdk is there, its checksum matches, and it was made by this very
# recipe, it is unpacked instead of building (about 30 minutes from sources on 2 cores).
#
#   GANTRY_CACHE   the cache folder (default /var/cache/gantry)
#   WINSDK_FROM_SOURCE=1   ignore the prebuilt copy and build from Debian's sources
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${GANTRY_CACHE:-/var/cache/gantry}
RECIPE=$ROOT/scripts/winsdk-recipe.sh
PREBUILT=${WINSDK_PREBUILT:-$ROOT/../shared/winsdk/gantry-winsdk-qt6.4.2-mingw-w64.tar.xz}
# The prebuilt archive and the recipe that made it (../shared/reference/windows-sdk.md).
PREBUILT_SHA256=be5cea0980f78d5d645e611a3a26b62e33ba6b221934ba605c7702bea9ef41a0
PREBUILT_RECIPE_SHA256=329095c067cb1f48699c519f9c2e6b17ddf94be2c47630671f50718e8826059c
QT_VERSION=6.4.2

log() { echo "winsdk: $*" >&2; }

recipe_sha=$(sha256sum "$RECIPE" | cut -d' ' -f1)
dir=$CACHE/winsdk-${recipe_sha:0:16}
prefix=$dir/prefix

version_ok() {
    grep -qF "set(PACKAGE_VERSION \"$QT_VERSION\")" "$prefix/lib/cmake/Qt6/Qt6ConfigVersionImpl.cmake" 2>/dev/null \
        && [ -f "$prefix/lib/cmake/Qt6/qt.toolchain.cmake" ] \
        && [ -f "$prefix/lib/cmake/libssh/libssh-config.cmake" ] \
        && [ -f "$prefix/lib/pkgconfig/libarchive.pc" ] \
        && [ -f "$prefix/bin/libarchive.dll" ] \
        && [ -f "$dir/.complete" ]
}

if version_ok; then
    log "reusing $prefix (Qt $QT_VERSION, recipe ${recipe_sha:0:16})"
    echo "$prefix"
    exit 0
fi

rm -rf "$dir"
mkdir -p "$dir"
if [ -z "${WINSDK_FROM_SOURCE:-}" ] && [ -f "$PREBUILT" ] && [ "$recipe_sha" = "$PREBUILT_RECIPE_SHA256" ]; then
    actual=$(sha256sum "$PREBUILT" | cut -d' ' -f1)
    if [ "$actual" = "$PREBUILT_SHA256" ]; then
        log "unpacking the prebuilt SDK (checksum matches) into $dir"
        tar -C "$dir" -xJf "$PREBUILT"
    else
        log "the prebuilt SDK's checksum is $actual, not $PREBUILT_SHA256: building from sources"
    fi
fi
if [ ! -d "$prefix" ]; then
    log "building the SDK from Debian's source packages into $dir (about 30 minutes on 2 cores)"
    # Source look-ups need a deb-src entry for the bookworm suite, from the machine's own mirror.
    src_list=/etc/apt/sources.list.d/gantry-bookworm-src.sources
    if [ ! -f "$src_list" ]; then
        uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
        [ -n "$uri" ] || uri=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list)
        printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
            "$uri" > "$src_list"
        apt-get -o DPkg::Lock::Timeout=900 update -qq
    fi
    bash "$RECIPE" "$dir" >&2
    rm -rf "$dir/src" "$dir/build"
fi
touch "$dir/.complete"
if ! version_ok; then
    log "the SDK in $prefix is not Qt $QT_VERSION with libssh and libarchive; remove $dir and run again"
    exit 1
fi
echo "$prefix"
