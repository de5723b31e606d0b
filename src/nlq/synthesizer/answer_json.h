#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "nlq/executor/executor.h"
#include "nlq/parser/parsed_query.h"

namespace nba::nlq {

// Parts of the structured answer. Pure.

// {"players": [{text, ambiguous, id, name, team | candidates}], "teams": [...]}.
nlohmann::json entitiesJson(const QuerySlots& slots);

// One item per call: tool, arguments, intent, is_error, and error or result. Sets `season` to
// the first answered call's season and `as_of` to the newest as-of date.
nlohmann::json resultsJson(const std::vector<CallResult>& results, std::string* season,
                           std::string* as_of);

}  // namespace nba::nlq
