#pragma once

#include <optional>
#include <string>

#include "core/status.h"

namespace nba::obs {

// Routes all spdlog output to stderr (stdout belongs to the protocol), optionally
// also to a file. `level` is an spdlog level name: trace, debug, info, warn, error,
// critical, off. Call once at start-up, before other threads exist.
Status setUpLogging(const std::string& level, const std::optional<std::string>& file);

}  // namespace nba::obs
