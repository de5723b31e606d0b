#pragma once

#include <nlohmann/json.hpp>

#include "nlq/parser/parsed_query.h"

namespace nba::nlq {

// JSON forms of the parse for the structured answer and for debugging (the plan's is in
// nlq/planner/plan_json.h): only stated slots appear
// ({"intent": "leaders", "stats": ["PTS"], "limit": 5, …}). Pure; thread-safe.
nlohmann::json toJson(const QuerySlots& slots);
nlohmann::json toJson(const ParsedQuery& query);

}  // namespace nba::nlq
