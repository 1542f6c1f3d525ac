# Compile settings shared by every Gantry target, on one INTERFACE target.
add_library(gantry_common INTERFACE)
add_library(Gantry::Common ALIAS gantry_common)

target_compile_features(gantry_common INTERFACE cxx_std_23)
target_compile_definitions(gantry_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    GANTRY_VERSION="${PROJECT_VERSION}")

if(WIN32)
    target_compile_definitions(gantry_common INTERFACE NOMINMAX UNICODE _UNICODE WIN32_LEAN_AND_MEAN)
endif()

if(MSVC)
    target_compile_options(gantry_common INTERFACE /permissive- /utf-8 /W4 /Zc:__cplusplus)
    if(GANTRY_WERROR)
        target_compile_options(gantry_common INTERFACE /WX)
    endif()
else()
    target_compile_options(gantry_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow
        -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
    if(GANTRY_WERROR)
        target_compile_options(gantry_common INTERFACE -Werror)
    endif()
endif()
