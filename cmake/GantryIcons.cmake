# Icons without Qt Svg: resources/icons/*.svg stay the sources and are rendered to PNG at build
# time, at every size the UI asks for (1x, 1.5x and 2x), so no SVG is read at run time and the
# Windows build needs no Qt Svg. Each icon lands in the resource as :/icons/<name>/<size>.png;
# Gantry::appIcon(name) (widgets/common/appicon.h) adds them all to one QIcon.
find_program(GANTRY_RSVG_CONVERT rsvg-convert)
if(NOT GANTRY_RSVG_CONVERT)
    message(FATAL_ERROR "rsvg-convert renders the icons: install librsvg2-bin (scripts/install-deps.sh)")
endif()
# ImageMagick 7 is `magick`; Debian's 6 is `convert` (convert-im6.q16 is its real name there).
find_program(GANTRY_IMAGEMAGICK NAMES magick convert-im6.q16 convert)
if(NOT GANTRY_IMAGEMAGICK)
    message(FATAL_ERROR "ImageMagick writes gantry.ico: install imagemagick (scripts/install-deps.sh)")
endif()

# The app icon: window, tray (16..32), About page (about 4 lines of text high) and the .ico.
set(GANTRY_APP_ICON_SIZES 16 24 32 48 64 96 128 192 256)
# Everything else is a navigation list icon, 24 px.
set(GANTRY_PAGE_ICON_SIZES 24 36 48)
set(GANTRY_ICO_SIZES 16 24 32 48 64 128 256)

# Renders one SVG at each size into ${outDir}/<name>/<size>.png; appends the PNGs to ${outVar}.
function(gantry_render_svg svg outDir outVar)
    get_filename_component(name ${svg} NAME_WE)
    set(sizes ${GANTRY_PAGE_ICON_SIZES})
    if(name STREQUAL "gantry")
        set(sizes ${GANTRY_APP_ICON_SIZES})
    endif()
    set(rendered)
    foreach(size IN LISTS sizes)
        set(png ${outDir}/${name}/${size}.png)
        add_custom_command(OUTPUT ${png}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${outDir}/${name}
            COMMAND ${GANTRY_RSVG_CONVERT} --width ${size} --height ${size} --output ${png} ${svg}
            DEPENDS ${svg}
            COMMENT "Rendering ${name}.svg at ${size} px"
            VERBATIM)
        list(APPEND rendered ${png})
    endforeach()
    set(${outVar} ${${outVar}} ${rendered} PARENT_SCOPE)
endfunction()

# Renders every icon into the resource of `target` (prefix /icons), and gantry.ico (target gantry_ico,
# at ${CMAKE_BINARY_DIR}/resources/gantry.ico) for the Windows executable and the installer.
function(gantry_add_icons target)
    file(GLOB svgs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/*.svg)
    set(outDir ${CMAKE_CURRENT_BINARY_DIR}/icons)
    set(pngs)
    foreach(svg IN LISTS svgs)
        gantry_render_svg(${svg} ${outDir} pngs)
    endforeach()
    # For a static library Qt links the resources through an object library, so the app and the
    # widget tests both get them.
    qt_add_resources(${target} "gantry_icons" PREFIX "/icons" BASE ${outDir} FILES ${pngs})

    set(icoPngs)
    foreach(size IN LISTS GANTRY_ICO_SIZES)
        list(APPEND icoPngs ${outDir}/gantry/${size}.png)
    endforeach()
    set(ico ${CMAKE_BINARY_DIR}/resources/gantry.ico)
    add_custom_command(OUTPUT ${ico}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/resources
        COMMAND ${GANTRY_IMAGEMAGICK} ${icoPngs} ${ico}
        DEPENDS ${icoPngs}
        COMMENT "Writing gantry.ico"
        VERBATIM)
    add_custom_target(gantry_ico ALL DEPENDS ${ico})
endfunction()
