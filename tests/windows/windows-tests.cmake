# The Windows build's tests beyond the core tests (which ctest runs under Wine through
# CMAKE_CROSSCOMPILING_EMULATOR). Included from tests/CMakeLists.txt when WIN32.

# The core tests that run Go get the Windows Go toolchain (scripts/wingo.sh, found by
# tests/windows/wine-run.sh at run time: WINEPATH and GOROOT) and, for an offline build against
# Debian's Go sources, staging go.mod files that wine-run.sh writes before Wine starts.
set(GANTRY_WINE_GO_ENV ${GANTRY_TEST_ENV}
    "GANTRY_WINE_GO=1"
    "QTEST_FUNCTION_TIMEOUT=1200000" # a cold GOCACHE: the standard library for four targets under Wine
    "GOPATH=Z:${PROJECT_BINARY_DIR}/test-gopath"
    "GOSUMDB=off"
    "LC_ALL=C.UTF-8"
    "GANTRY_OFFLINE_STAGES=${PROJECT_BINARY_DIR}/test-offline"
    "GANTRY_OFFLINE_PROJECTS=${PROJECT_SOURCE_DIR}/examples/hello-gin:${PROJECT_SOURCE_DIR}/tests/fixtures/cgo-sqlite")
foreach(name tst_binaryverifier tst_gotoolchain tst_buildsession)
    set_tests_properties(core/${name} PROPERTIES ENVIRONMENT "${GANTRY_WINE_GO_ENV}" RUN_SERIAL TRUE)
endforeach()

# Console Ctrl+C under Wine: a test of another console program running beside it in the same Wine
# session made the interrupt miss now and then (seen under load, never alone).
set_tests_properties(core/tst_processrunner PROPERTIES RUN_SERIAL TRUE)

# A Windows user's day with gantryctl.exe under Wine: odd profile and project paths, a build with
# the Windows Go, a real Linux test host (win-d1, index 64, booted and torn down by the script
# itself), deploy, rollback, a secret in the Credential Manager. bash runs it: not under the emulator.
add_test(NAME windows/gantryctl_day
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_gantryctl_wine.sh ${PROJECT_BINARY_DIR})
set_tests_properties(windows/gantryctl_day PROPERTIES RUN_SERIAL TRUE TIMEOUT 1500
    ENVIRONMENT "GANTRY_HOSTS_DIR=/tmp/gantry-hosts-windows")

# Worker threads that end before the process does must not keep it from exiting: the exit hang that
# kept gantryctl.exe (and sometimes a test) alive after its work (core/common/regexjit_mingw.cpp).
qt_add_executable(threadexitprobe ${CMAKE_CURRENT_SOURCE_DIR}/windows/threadexitprobe.cpp)
target_link_libraries(threadexitprobe PRIVATE Gantry::Core)
add_test(NAME windows/thread_exit
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_threadexit.sh ${PROJECT_BINARY_DIR})
set_tests_properties(windows/thread_exit PROPERTIES TIMEOUT 400)

# The installers (targets windows-deploy, installer-nsis, installer-msi; scripts/test.sh builds
# them first): silent installs, upgrades that keep the workspace, uninstalls, signatures, under Wine.
add_test(NAME windows/installers
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_installers.sh ${PROJECT_BINARY_DIR})
set_tests_properties(windows/installers PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)

# The Windows Go toolchain builds under Wine in core/tst_buildsession, tst_binaryverifier and
# tst_gotoolchain above; tests/windows/test_wingo.sh checks the toolchain alone, by hand.

# gantry.exe --self-test: the main window with every page, under Wine with Xvfb.
add_test(NAME windows/selftest COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_selftest.sh ${PROJECT_BINARY_DIR})
set_tests_properties(windows/selftest PROPERTIES TIMEOUT 300)
