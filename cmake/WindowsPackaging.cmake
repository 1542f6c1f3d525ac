# Windows packages of a Windows build (preset `windows`), made on Linux:
#   windows-deploy   scripts/windows-deploy.sh into ${CMAKE_BINARY_DIR}/deploy
#   installer-nsis   gantry-<version>-setup.exe (makensis, installer/gantry.nsi)
#   installer-msi    gantry-<version>.msi (wixl, installer/gantry.wxs)
# Both installers are signed (scripts/windows-sign.sh, osslsigncode) when GANTRY_SIGN_CERT is set,
# as a CMake variable or in the environment at build time; see that script for the key and password.
# The tools are looked up here and checked when a target runs, so configuring never needs them.
find_program(GANTRY_MAKENSIS makensis)
find_program(GANTRY_WIXL wixl)
find_program(GANTRY_WIXL_HEAT wixl-heat)
find_program(GANTRY_RSVG_CONVERT_ICO rsvg-convert)
find_program(GANTRY_IMAGEMAGICK_ICO NAMES magick convert-im6.q16 convert)
set(GANTRY_SIGN_CERT "" CACHE STRING "Signing certificate (PEM or PKCS#12) for the installers; empty: the environment's GANTRY_SIGN_CERT, if any")
set(GANTRY_SIGN_KEY "" CACHE STRING "PEM private key for GANTRY_SIGN_CERT (the password comes from the environment's GANTRY_SIGN_PASSWORD)")

set(GANTRY_DEPLOY_DIR "${CMAKE_BINARY_DIR}/deploy")
set(_gantry_pkg_dir "${CMAKE_BINARY_DIR}/installer")
set(_gantry_setup "${CMAKE_BINARY_DIR}/gantry-${PROJECT_VERSION}-setup.exe")
set(_gantry_msi "${CMAKE_BINARY_DIR}/gantry-${PROJECT_VERSION}.msi")

# A missing tool fails the target that needs it (first command), with the fix.
function(gantry_tool_check var program package)
    if(NOT GANTRY_${var})
        set(GANTRY_${var} "${program}" PARENT_SCOPE)
    endif()
    set(GANTRY_${var}_CHECK bash -c
        "command -v ${program} >/dev/null || (echo '${program} not found: install ${package} (scripts/install-deps.sh)' >&2 && exit 1)"
        PARENT_SCOPE)
endfunction()
gantry_tool_check(MAKENSIS makensis nsis)
gantry_tool_check(WIXL wixl wixl)
gantry_tool_check(WIXL_HEAT wixl-heat wixl)

# The icon: the app's own gantry.ico (target gantry_ico) when the build makes one, else rendered
# here from resources/icons/gantry.svg, else none (both installers then use their stock icon).
set(_gantry_ico "")
set(_gantry_ico_target "")
if(TARGET gantry_ico)
    set(_gantry_ico "${CMAKE_BINARY_DIR}/resources/gantry.ico")
    set(_gantry_ico_target gantry_ico)
elseif(GANTRY_RSVG_CONVERT_ICO AND GANTRY_IMAGEMAGICK_ICO)
    set(_gantry_ico "${_gantry_pkg_dir}/gantry.ico")
    set(_gantry_ico_pngs)
    foreach(size 16 24 32 48 64 128 256)
        set(png "${_gantry_pkg_dir}/icon/${size}.png")
        add_custom_command(OUTPUT "${png}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gantry_pkg_dir}/icon"
            COMMAND "${GANTRY_RSVG_CONVERT_ICO}" --width ${size} --height ${size} --output "${png}"
                "${PROJECT_SOURCE_DIR}/resources/icons/gantry.svg"
            DEPENDS "${PROJECT_SOURCE_DIR}/resources/icons/gantry.svg"
            VERBATIM)
        list(APPEND _gantry_ico_pngs "${png}")
    endforeach()
    add_custom_command(OUTPUT "${_gantry_ico}"
        COMMAND "${GANTRY_IMAGEMAGICK_ICO}" ${_gantry_ico_pngs} "${_gantry_ico}"
        DEPENDS ${_gantry_ico_pngs}
        COMMENT "Writing the installers' gantry.ico"
        VERBATIM)
    add_custom_target(gantry_installer_ico DEPENDS "${_gantry_ico}")
    set(_gantry_ico_target gantry_installer_ico)
else()
    message(STATUS "No rsvg-convert + ImageMagick: the installers get no Gantry icon")
endif()

# Signs the file given after it when a certificate is configured (CMake variable or environment).
set(_gantry_sign "${CMAKE_COMMAND}" -E env)
if(GANTRY_SIGN_CERT)
    list(APPEND _gantry_sign "GANTRY_SIGN_CERT=${GANTRY_SIGN_CERT}")
endif()
if(GANTRY_SIGN_KEY)
    list(APPEND _gantry_sign "GANTRY_SIGN_KEY=${GANTRY_SIGN_KEY}")
endif()
list(APPEND _gantry_sign bash "${PROJECT_SOURCE_DIR}/scripts/windows-sign.sh" --if-configured)

set(_gantry_deployed gantryctl)
if(TARGET gantry)
    list(APPEND _gantry_deployed gantry)
endif()
add_custom_target(windows-deploy
    COMMAND "${CMAKE_COMMAND}" -E env "GANTRY_WINSDK=${GANTRY_WINSDK}"
        bash "${PROJECT_SOURCE_DIR}/scripts/windows-deploy.sh" "${CMAKE_BINARY_DIR}" "${GANTRY_DEPLOY_DIR}"
    COMMENT "Deploying Gantry for Windows into ${GANTRY_DEPLOY_DIR}"
    USES_TERMINAL
    VERBATIM)
add_dependencies(windows-deploy ${_gantry_deployed})

set(_gantry_nsis_icon "")
set(_gantry_msi_icon "")
if(_gantry_ico)
    set(_gantry_nsis_icon "-DICON=${_gantry_ico}")
    # wixl takes sources relative to the folder it runs in (an absolute path fails a GLib assertion).
    file(RELATIVE_PATH _gantry_ico_rel "${CMAKE_BINARY_DIR}" "${_gantry_ico}")
    set(_gantry_msi_icon -D "Icon=${_gantry_ico_rel}")
endif()
add_custom_target(installer-nsis
    COMMAND ${GANTRY_MAKENSIS_CHECK}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gantry_pkg_dir}"
    COMMAND "${CMAKE_COMMAND}" "-DDEPLOY_DIR=${GANTRY_DEPLOY_DIR}" "-DOUTPUT=${_gantry_pkg_dir}/files.nsh"
        -P "${PROJECT_SOURCE_DIR}/cmake/NsisFileList.cmake"
    COMMAND "${GANTRY_MAKENSIS}" -V2 "-DVERSION=${PROJECT_VERSION}" "-DSOURCE_DIR=${GANTRY_DEPLOY_DIR}"
        "-DFILES_NSH=${_gantry_pkg_dir}/files.nsh" "-DOUTFILE=${_gantry_setup}" ${_gantry_nsis_icon}
        "${PROJECT_SOURCE_DIR}/installer/gantry.nsi"
    COMMAND ${_gantry_sign} "${_gantry_setup}"
    BYPRODUCTS "${_gantry_setup}"
    COMMENT "Building gantry-${PROJECT_VERSION}-setup.exe (makensis)"
    USES_TERMINAL
    VERBATIM)
add_dependencies(installer-nsis windows-deploy ${_gantry_ico_target})

# wixl and wixl-heat work with paths relative to the build folder (deploy/...): they run there.
set(_gantry_msi_gui "")
if(TARGET gantry)
    set(_gantry_msi_gui -D Gui=1)
endif()
add_custom_target(installer-msi
    COMMAND ${GANTRY_WIXL_CHECK}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${_gantry_pkg_dir}"
    COMMAND bash -c "find deploy -type f | LC_ALL=C sort | \"$0\" -p deploy/ --directory-ref INSTALLDIR --component-group CG.Files --var var.SourceDir --win64 > \"$1\""
        "${GANTRY_WIXL_HEAT}" "${_gantry_pkg_dir}/files.wxs"
    COMMAND "${GANTRY_WIXL}" -a x64 -D "Version=${PROJECT_VERSION}" -D SourceDir=deploy -D Win64=yes
        ${_gantry_msi_gui} ${_gantry_msi_icon} -o "${_gantry_msi}"
        "${PROJECT_SOURCE_DIR}/installer/gantry.wxs" "${_gantry_pkg_dir}/files.wxs"
    COMMAND ${_gantry_sign} "${_gantry_msi}"
    BYPRODUCTS "${_gantry_msi}"
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    COMMENT "Building gantry-${PROJECT_VERSION}.msi (wixl)"
    USES_TERMINAL
    VERBATIM)
add_dependencies(installer-msi windows-deploy ${_gantry_ico_target})
