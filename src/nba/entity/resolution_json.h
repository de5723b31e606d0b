#pragma once

#include <nlohmann/json.hpp>

#include "nba/entity/entity_types.h"

namespace nba::entity {

// JSON for the resolve_entity tool result (free functions found by nlohmann's ADL):
//   {"candidates": [{"kind": "player", "id": "2544", "name": "LeBron James", "team": "LAL",
//                    "confidence": 0.95, "match": "nickname"}],
//    "ambiguous": false, "note": "...", "did_you_mean": []}
// Confidence is rounded to 3 decimals so output is stable across platforms. Pure; thread-safe.
void to_json(nlohmann::json& out,
             const Candidate& candidate);  // NOLINT(readability-identifier-naming)
void to_json(nlohmann::json& out,
             const Resolution& resolution);  // NOLINT(readability-identifier-naming)

}  // namespace nba::entity
