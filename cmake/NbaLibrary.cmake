# nba_library(NAME <lib> DEPS <targets...>)
# Builds every .cpp in the calling folder (and its sub-folders) into a static library
# named nba_<lib>; a sub-folder with a CMakeLists.txt of its own is a library of its own
# (src/origin/snapshot) and is left out. Only the listed dependencies are linked, which is
# how the dependency direction of STYLE.md §Layout is enforced at link time; the include
# lines are checked against the same graph by scripts/check_layering.sh (ctest `layering`).
#
# The include root is src/ for every library ("nba/tools/markdown.h"), so the compiler alone
# would let any library include any header; see README §Architecture for why the check is a
# test over the #include lines rather than per-library include roots.
function(nba_library)
  cmake_parse_arguments(ARG "" "NAME" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  file(GLOB_RECURSE own_lists CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*/CMakeLists.txt)
  foreach(own_list IN LISTS own_lists)
    get_filename_component(sub_dir ${own_list} DIRECTORY)
    foreach(source IN LISTS sources)
      string(FIND "${source}" "${sub_dir}/" at)
      if(at EQUAL 0)
        list(REMOVE_ITEM sources ${source})
      endif()
    endforeach()
  endforeach()
  if(sources)
    add_library(nba_${ARG_NAME} STATIC ${sources})
    target_include_directories(nba_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(nba_${ARG_NAME} PUBLIC ${ARG_DEPS})
    nba_fuzz_instrument(nba_${ARG_NAME})
    if("nlohmann_json::nlohmann_json" IN_LIST ARG_DEPS)
      nba_precompile(nba_${ARG_NAME} EXTRA <nlohmann/json.hpp>)
    else()
      nba_precompile(nba_${ARG_NAME})
    endif()
  else()
    add_library(nba_${ARG_NAME} INTERFACE)
    target_include_directories(nba_${ARG_NAME} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(nba_${ARG_NAME} INTERFACE ${ARG_DEPS})
  endif()
endfunction()
