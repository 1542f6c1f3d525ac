# gantry_windows_resources(TARGET NAME DESCRIPTION): the icon and version resource of a Windows
# executable (resources/gantry.rc.in), compiled by the mingw-w64 resource compiler. The icon is the
# gantry.ico that cmake/GantryIcons.cmake renders from the SVG; without the GUI there is none, and
# the executable carries the version alone.
function(gantry_windows_resources target name description)
    if(NOT WIN32)
        return()
    endif()
    set(GANTRY_RC_NAME "${name}")
    set(GANTRY_RC_DESCRIPTION "${description}")
    set(rc_in "${PROJECT_SOURCE_DIR}/resources/gantry.rc.in")
    set(rc "${CMAKE_CURRENT_BINARY_DIR}/${name}.rc")
    if(GANTRY_GUI) # widgets/ defines gantry_ico (cmake/GantryIcons.cmake), also for gantryctl
        set(GANTRY_ICO "${CMAKE_BINARY_DIR}/resources/gantry.ico")
        configure_file("${rc_in}" "${rc}" @ONLY)
        add_dependencies(${target} gantry_ico)
        set_source_files_properties("${rc}" PROPERTIES OBJECT_DEPENDS "${GANTRY_ICO}")
    else()
        file(READ "${rc_in}" text)
        string(REGEX REPLACE "IDI_ICON1 ICON [^\n]*\n" "" text "${text}")
        file(WRITE "${rc}.in" "${text}")
        configure_file("${rc}.in" "${rc}" @ONLY)
    endif()
    target_sources(${target} PRIVATE "${rc}")
endfunction()
