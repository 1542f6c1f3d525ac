# The Linux package: `cmake --build build/release --target package-deb` (or `cpack -G DEB` in the
# build folder after a build) writes gantry_<version>_amd64.deb. tests/package/test_deb.sh installs
# it into a clean Debian 12 root and checks it.
#
# Layout (prefix /usr): bin/gantry, bin/gantryctl, share/gantry/testhost.sh (app/CMakeLists.txt),
# the desktop entry, the AppStream metainfo and the icon under the reverse-DNS id below. The .qm
# translations are embedded in the binary (qt_add_translations in app/CMakeLists.txt), so none
# are installed.
include(GNUInstallDirs)

set(GANTRY_APP_ID "io.github.gantry_app.Gantry")
set(GANTRY_LINUX_RESOURCES "${PROJECT_SOURCE_DIR}/resources/linux")

install(FILES "${GANTRY_LINUX_RESOURCES}/${GANTRY_APP_ID}.desktop"
    DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/applications")

# SOURCE_DATE_EPOCH, when set, makes the release date (and so the package) reproducible.
string(TIMESTAMP GANTRY_RELEASE_DATE "%Y-%m-%d" UTC)
configure_file("${GANTRY_LINUX_RESOURCES}/${GANTRY_APP_ID}.metainfo.xml.in"
    "${CMAKE_CURRENT_BINARY_DIR}/${GANTRY_APP_ID}.metainfo.xml" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/${GANTRY_APP_ID}.metainfo.xml"
    DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/metainfo")

set(GANTRY_ICON_SVG "${PROJECT_SOURCE_DIR}/resources/icons/gantry.svg")
install(FILES "${GANTRY_ICON_SVG}"
    DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps"
    RENAME "${GANTRY_APP_ID}.svg")

# PNGs for menus and docks that do not draw SVG icons (rsvg-convert: Debian's librsvg2-bin).
find_program(GANTRY_RSVG_CONVERT rsvg-convert)
set(GANTRY_ICON_PNGS)
if(GANTRY_RSVG_CONVERT)
    foreach(size IN ITEMS 48 128 256)
        set(png "${CMAKE_CURRENT_BINARY_DIR}/icons/${size}/${GANTRY_APP_ID}.png")
        add_custom_command(OUTPUT "${png}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/icons/${size}"
            COMMAND "${GANTRY_RSVG_CONVERT}" -w ${size} -h ${size} -o "${png}" "${GANTRY_ICON_SVG}"
            DEPENDS "${GANTRY_ICON_SVG}"
            COMMENT "Rendering the ${size}x${size} icon")
        install(FILES "${png}" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${size}x${size}/apps")
        list(APPEND GANTRY_ICON_PNGS "${png}")
    endforeach()
else()
    message(STATUS "rsvg-convert not found (librsvg2-bin): the package gets the SVG icon only")
endif()
add_custom_target(gantry_icons_png ALL DEPENDS ${GANTRY_ICON_PNGS})

set(CPACK_PACKAGE_NAME "gantry")
set(CPACK_PACKAGE_VENDOR "Gantry contributors")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# One line each, under 80 characters: the control file keeps the line breaks.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Gantry takes a Go web service (usually Gin) from its source folder to a"
    "running, watched service on a few servers. It builds static, version-stamped"
    "binaries, packaged and checksummed, deploys them over SSH to systemd services,"
    "checks their health, rolls back and shows live logs. The desktop app is"
    "gantry, and gantryctl does the same from the command line.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_GENERATOR "DEB")
# The build folder and the clone stay out of any source package.
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")

set(GANTRY_PACKAGE_MAINTAINER "Gantry contributors <gantry-app@users.noreply.github.com>"
    CACHE STRING "The Maintainer field of the Linux package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${GANTRY_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)           # gantry_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Depends: dpkg-shlibdeps reads the libraries the binaries link (Qt, libssh, libarchive,
# QtKeychain, spdlog, OpenSSL ...). Qt loads a plugin at run time that it cannot see: the SQLite
# driver (the workspace database). The icons are PNGs inside the binary: no SVG engine is needed.
# The xcb and offscreen platform plugins are part of libqt6gui6 on Debian 12.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Builds need the Go toolchain; Qt's own strings in Chinese come from its translations.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "golang-go, qt6-translations-l10n")
# `gantry --demo` boots a local systemd container with testhost.sh.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "systemd-container, openssh-client, iproute2")

include(CPack)

# Builds what the package holds, then the package, into the build folder.
add_custom_target(package-deb
    COMMAND "${CMAKE_CPACK_COMMAND}" -G DEB --config "${PROJECT_BINARY_DIR}/CPackConfig.cmake"
    WORKING_DIRECTORY "${PROJECT_BINARY_DIR}"
    DEPENDS gantry gantryctl gantry_icons_png
    USES_TERMINAL
    COMMENT "Building gantry_${PROJECT_VERSION}_amd64.deb")
