#pragma once

#include <string_view>
#include <vector>

namespace nba {

// A file compiled into the binary by cmake/Embed.cmake. `path` is relative to the
// embedding root; `data` points into read-only memory that lives as long as the
// process (so views into it never dangle).
struct EmbeddedFile {
  std::string_view path;
  std::string_view data;
};

}  // namespace nba
