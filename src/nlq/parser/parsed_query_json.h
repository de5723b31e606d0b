#pragma once

#include <nlohmann/json.hpp>

#include "nlq/parser/parsed_query.h"
#include "nlq/planner/plan.h"

namespace nba::nlq {

// JSON forms for the structured answer and for debugging: only stated slots appear
// ({"intent": "leaders", "stats": ["PTS"], "limit": 5, …}). Pure; thread-safe.
nlohmann::json toJson(const QuerySlots& slots);
nlohmann::json toJson(const ParsedQuery& query);
nlohmann::json toJson(const Plan& plan);

}  // namespace nba::nlq
