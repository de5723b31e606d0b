#pragma once

#include <nlohmann/json.hpp>

#include "nlq/planner/plan.h"

namespace nba::nlq {

// The plan's JSON form for the structured answer and for debugging: {"calls": [{"tool",
// "arguments", "group", "intent"}], …}, with missing/notes/suggestions only when non-empty.
// Pure; thread-safe.
nlohmann::json toJson(const Plan& plan);

}  // namespace nba::nlq
