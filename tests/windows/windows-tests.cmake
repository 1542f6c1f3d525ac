# The Windows build's tests beyond the core tests (which ctest runs under Wine through
# CMAKE_CROSSCOMPILING_EMULATOR). Included from tests/CMakeLists.txt when WIN32.

# The installers (targets windows-deploy, installer-nsis, installer-msi; scripts/test.sh builds
# them first): silent installs, upgrades that keep the workspace, uninstalls, signatures, under Wine.
add_test(NAME windows/installers
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_installers.sh ${PROJECT_BINARY_DIR})
set_tests_properties(windows/installers PROPERTIES TIMEOUT 900 RUN_SERIAL TRUE)

# The Windows Go toolchain (scripts/wingo.sh) builds and serves the example under Wine.
add_test(NAME windows/wingo COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_wingo.sh)
set_tests_properties(windows/wingo PROPERTIES TIMEOUT 1800 RUN_SERIAL TRUE)

# gantry.exe --self-test: the main window with every page, under Wine with Xvfb.
add_test(NAME windows/selftest COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/windows/test_selftest.sh ${PROJECT_BINARY_DIR})
set_tests_properties(windows/selftest PROPERTIES TIMEOUT 300)
