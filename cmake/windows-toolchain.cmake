# Cross-compiles Gantry for x86_64 Windows with mingw-w64 (the -posix compilers) against the
# Windows SDK that scripts/winsdk.sh makes ready in the cache folder (Qt 6.4.2 qtbase, OpenSSL,
# libssh, libarchive, spdlog and fmt, all built from Debian's own source packages).
#
# GANTRY_WINSDK (environment) names the SDK prefix; without it, scripts/winsdk.sh is run to find or
# make it. CMake reads a toolchain file again for every try_compile: the environment keeps the answer.
if(NOT DEFINED ENV{GANTRY_WINSDK} OR "$ENV{GANTRY_WINSDK}" STREQUAL "")
    get_filename_component(_gantry_root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
    execute_process(COMMAND bash "${_gantry_root}/scripts/winsdk.sh"
        OUTPUT_VARIABLE _gantry_winsdk OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE _gantry_winsdk_result)
    if(NOT _gantry_winsdk_result EQUAL 0 OR NOT EXISTS "${_gantry_winsdk}")
        message(FATAL_ERROR "The Windows SDK is not ready: scripts/winsdk.sh failed. Run it to see why.")
    endif()
    set(ENV{GANTRY_WINSDK} "${_gantry_winsdk}")
endif()
set(GANTRY_WINSDK "$ENV{GANTRY_WINSDK}" CACHE PATH "The Windows SDK prefix (scripts/winsdk.sh)")

# Qt's own toolchain file chain-loads the SDK's mingw-w64 toolchain and points Qt's host tools
# (moc, rcc, uic, lrelease) at Debian's Qt 6.4.2.
include("${GANTRY_WINSDK}/lib/cmake/Qt6/qt.toolchain.cmake")

# ctest runs the Windows test programs under Wine.
set(CMAKE_CROSSCOMPILING_EMULATOR bash "${CMAKE_CURRENT_LIST_DIR}/../tests/windows/wine-run.sh")
