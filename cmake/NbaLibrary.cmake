# nba_library(NAME <lib> DEPS <targets...>)
# Builds every .cpp in the calling folder (and its sub-folders) into a static library
# named nba_<lib>. Only the listed dependencies are linked, which is how the dependency
# direction of STYLE.md §Layout is enforced.
function(nba_library)
  cmake_parse_arguments(ARG "" "NAME" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  if(sources)
    add_library(nba_${ARG_NAME} STATIC ${sources})
    target_include_directories(nba_${ARG_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(nba_${ARG_NAME} PUBLIC ${ARG_DEPS})
  else()
    add_library(nba_${ARG_NAME} INTERFACE)
    target_include_directories(nba_${ARG_NAME} INTERFACE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(nba_${ARG_NAME} INTERFACE ${ARG_DEPS})
  endif()
endfunction()
