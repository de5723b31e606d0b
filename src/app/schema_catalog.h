#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"

namespace nba::app {

// The JSON Schemas of schemas/*.json, compiled into the binary. `name` is the file
// name without ".json" (e.g. "get_server_stats.input"). Parsed once; thread-safe.
Result<nlohmann::json> embeddedSchema(const std::string& name);

}  // namespace nba::app
