# The Windows build's tests beyond the core tests (which ctest runs under Wine through
# CMAKE_CROSSCOMPILING_EMULATOR). Included from tests/CMakeLists.txt when WIN32.
