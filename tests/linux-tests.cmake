# The tests that drive Linux programs (gantryctl from bash, real systemd hosts, the GUI).
# Included from tests/CMakeLists.txt on Linux; the Windows build registers tests/windows/windows-tests.cmake.

# Real systemd hosts (tests/hosts/testhost.sh): the harness itself, then env files on a real host.
add_test(NAME hosts/testhost COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/test_testhost.sh)
set_tests_properties(hosts/testhost PROPERTIES ENVIRONMENT "${GANTRY_TEST_ENV}" TIMEOUT 600 RUN_SERIAL TRUE)

qt_add_executable(envfile_tool hosts/envfile_tool.cpp)
target_link_libraries(envfile_tool PRIVATE Gantry::Core)
add_test(NAME hosts/envfile_e2e
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/envfile_e2e.sh $<TARGET_FILE:envfile_tool>)
set_tests_properties(hosts/envfile_e2e PROPERTIES ENVIRONMENT "${GANTRY_TEST_ENV}" TIMEOUT 600 RUN_SERIAL TRUE)

# gantryctl, driven as a user would from a shell.
add_test(NAME cli/gantryctl_build
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_gantryctl_build.sh $<TARGET_FILE:gantryctl>)
set_tests_properties(cli/gantryctl_build PROPERTIES ENVIRONMENT "${GANTRY_TEST_ENV}" TIMEOUT 900 RUN_SERIAL TRUE)

# Profiles, secrets and the workspace from the shell, with a real keychain (a private gnome-keyring).
add_test(NAME cli/gantryctl_profile
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/with-keyring.sh
        bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/test_gantryctl_profile.sh $<TARGET_FILE:gantryctl>)
set_tests_properties(cli/gantryctl_profile PROPERTIES
    ENVIRONMENT "${GANTRY_TEST_ENV};GANTRY_TEST_KEYRING=1" TIMEOUT 600)

if(GANTRY_GUI)
    add_subdirectory(widgets)
endif()

# Deploys on two real systemd hosts (d1, d2), booted once by a fixture that always tears down.
add_test(NAME hosts/deploy-up COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/deployhosts.sh up)
add_test(NAME hosts/deploy-down COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/deployhosts.sh down)
set_tests_properties(hosts/deploy-up PROPERTIES FIXTURES_SETUP deployhosts TIMEOUT 300 RUN_SERIAL TRUE)
set_tests_properties(hosts/deploy-down PROPERTIES FIXTURES_CLEANUP deployhosts TIMEOUT 120 RUN_SERIAL TRUE)
add_test(NAME hosts/deploy
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/with-keyring.sh
        bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/test_deploy.sh $<TARGET_FILE:gantryctl>)
set_tests_properties(hosts/deploy PROPERTIES FIXTURES_REQUIRED deployhosts
    ENVIRONMENT "${GANTRY_TEST_ENV}" TIMEOUT 1200 RUN_SERIAL TRUE)

# Deploys on a real host without systemd: supervisord is its PID 1 (testhost.sh --manager supervisor).
add_test(NAME hosts/supervisor
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/with-keyring.sh
        bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/test_supervisor.sh $<TARGET_FILE:gantryctl>)
set_tests_properties(hosts/supervisor PROPERTIES ENVIRONMENT "${GANTRY_TEST_ENV}" TIMEOUT 900 RUN_SERIAL TRUE)

# The monitor on two real systemd hosts (m1, m2) of its own fixture and harness folder.
set(GANTRY_MONITOR_HOSTS "GANTRY_HOSTS_DIR=/tmp/gantry-hosts-monitor")
add_test(NAME hosts/monitor-up COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/monitorhosts.sh up)
add_test(NAME hosts/monitor-down COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/monitorhosts.sh down)
set_tests_properties(hosts/monitor-up PROPERTIES FIXTURES_SETUP monitorhosts TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "${GANTRY_MONITOR_HOSTS}")
set_tests_properties(hosts/monitor-down PROPERTIES FIXTURES_CLEANUP monitorhosts TIMEOUT 120 RUN_SERIAL TRUE
    ENVIRONMENT "${GANTRY_MONITOR_HOSTS}")
add_test(NAME hosts/monitor
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/with-keyring.sh
        bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/test_monitor.sh $<TARGET_FILE:gantryctl>)
set_tests_properties(hosts/monitor PROPERTIES FIXTURES_REQUIRED monitorhosts
    ENVIRONMENT "${GANTRY_TEST_ENV};${GANTRY_MONITOR_HOSTS}" TIMEOUT 900 RUN_SERIAL TRUE)

# ProxyJump on two real systemd hosts (jump-j, jump-t) of their own fixture and harness folder; jump-t
# is reachable only through jump-j.
set(GANTRY_JUMP_HOSTS "GANTRY_HOSTS_DIR=/tmp/gantry-hosts-jump")
add_test(NAME hosts/jump-up COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/jumphosts.sh up)
add_test(NAME hosts/jump-down COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/jumphosts.sh down)
set_tests_properties(hosts/jump-up PROPERTIES FIXTURES_SETUP jumphosts TIMEOUT 300 RUN_SERIAL TRUE
    ENVIRONMENT "${GANTRY_JUMP_HOSTS}")
set_tests_properties(hosts/jump-down PROPERTIES FIXTURES_CLEANUP jumphosts TIMEOUT 120 RUN_SERIAL TRUE
    ENVIRONMENT "${GANTRY_JUMP_HOSTS}")
add_test(NAME hosts/jump
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/support/with-keyring.sh
        bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/test_jump.sh $<TARGET_FILE:gantryctl>)
set_tests_properties(hosts/jump PROPERTIES FIXTURES_REQUIRED jumphosts
    ENVIRONMENT "${GANTRY_TEST_ENV};${GANTRY_JUMP_HOSTS}" TIMEOUT 300 RUN_SERIAL TRUE)

# gantry --demo boots a local server and stops it when the app quits.
if(GANTRY_GUI)
    add_test(NAME hosts/demo COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/hosts/test_demo.sh
        $<TARGET_FILE:gantry> $<TARGET_FILE:gantryctl>)
    set_tests_properties(hosts/demo PROPERTIES ENVIRONMENT "${GANTRY_TEST_ENV}" TIMEOUT 300 RUN_SERIAL TRUE)
endif()
