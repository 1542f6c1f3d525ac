#!/usr/bin/env bash
# Installs the Debian 12 packages Gantry needs to build, run and test.
# Idempotent: only missing packages are installed; a second run does nothing.
set -euo pipefail

PACKAGES=(
    # build tools
    cmake ninja-build ccache pkg-config g++ git file zip unzip tar xz-utils clang-format
    # libraries (core, widgets, app)
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-networkauth-dev libqt6sql6-sqlite
    qtkeychain-qt6-dev libssh-dev libssl-dev libarchive-dev libspdlog-dev libfmt-dev
    libgl-dev libegl-dev libxkbcommon-dev libvulkan-dev libqt6opengl6-dev
    # icons: SVG sources rendered to PNG and gantry.ico at build time (cmake/GantryIcons.cmake)
    librsvg2-bin imagemagick
    # the Go toolchain and Gin's sources (offline builds of the example)
    golang-go golang-github-gin-gonic-gin-dev golang-github-mattn-go-sqlite3-dev
    # test tooling
    python3 util-linux coreutils procps bc
    # GUI tests and screenshots
    xvfb xauth fonts-noto-cjk x11-apps xdotool
    # a real secret service for the keychain tests
    gnome-keyring dbus libsecret-tools
    # real systemd servers for deploy tests (booted containers; see tests/hosts/testhost.sh)
    systemd-container openssh-server openssh-client sudo iproute2 curl nginx
    # hosts without systemd: supervisord as PID 1 (testhost.sh up NAME INDEX --manager supervisor)
    supervisor
    # Windows programs under Wine (64-bit only; scripts/wineprefix.sh, scripts/wingo.sh)
    wine wine64
    # the Linux package (cmake/Packaging.cmake) and its test in a clean root (tests/package/test_deb.sh)
    dpkg-dev librsvg2-bin debootstrap desktop-file-utils appstream
    # Windows installers, their signatures and their tests under Wine (cmake/WindowsPackaging.cmake)
    nsis wixl msitools osslsigncode binutils-mingw-w64-x86-64
    # the Windows cross build (scripts/winsdk.sh)
    g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix mingw-w64-tools
)

missing=()
for p in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#PACKAGES[@]} packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=900 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}"

# supervisor is for the test hosts without systemd (supervisord is their PID 1); the systemd test
# hosts boot from this machine's root, so the unit apt just enabled here is disabled again.
for p in "${missing[@]}"; do
    if [ "$p" = supervisor ]; then $SUDO systemctl disable --quiet supervisor.service >/dev/null 2>&1 || true; fi
done
