# nba_precompile(<target> [EXTRA <headers...>])
# Precompiles the heavy third-party and standard headers for one target. nlohmann/json.hpp
# alone costs a clang -O0 build about a second per translation unit and most of ours reach it,
# so the CI build (clang, Debug, sanitizers, coverage) spends less than half as long parsing.
# Each target gets its own precompiled header: targets differ in compile definitions, which a
# shared one would have to match. Off with -DNBA_MCP_PCH=OFF (e.g. to check that every file
# includes what it uses). On by default for clang only: g++ 12 reports its own -Warray-bounds
# false positives inside <string> when the header comes from a precompiled one, which would
# break a -Werror gcc build.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  set(nba_pch_default ON)
else()
  set(nba_pch_default OFF)
endif()
option(NBA_MCP_PCH "Precompile the heavy third-party headers" ${nba_pch_default})

# Standard headers most files use; nlohmann/json.hpp only where the target links it, so a
# library that may not use JSON (STYLE.md's layout) does not get it for free.
set(NBA_MCP_PCH_HEADERS
    <algorithm>
    <chrono>
    <functional>
    <map>
    <memory>
    <mutex>
    <optional>
    <string>
    <string_view>
    <vector>)

function(nba_precompile target)
  cmake_parse_arguments(ARG "" "" "EXTRA" ${ARGN})
  if(NBA_MCP_PCH)
    target_precompile_headers(${target} PRIVATE ${NBA_MCP_PCH_HEADERS} ${ARG_EXTRA})
  endif()
endfunction()
