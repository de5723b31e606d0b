#pragma once

#include <vector>

#include "core/embedded_file.h"

namespace nba {

// The snapshot tables under golden/snapshot, compiled into the binary by
// src/origin/snapshot/CMakeLists.txt (cmake/Embed.cmake). Paths are file names ("players.tsv").
// Thread-safe; the views live as long as the process.
std::vector<EmbeddedFile> embeddedSnapshotFiles();

}  // namespace nba
