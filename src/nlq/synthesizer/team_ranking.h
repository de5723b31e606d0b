#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "nlq/parser/parsed_query.h"
#include "nlq/synthesizer/part_text.h"

namespace nba::nlq {

// "Best defensive team in the West", "which team scores the most": ranks the teams whose
// get_team_stats results (structuredContent, one per team) are given by the first stat the
// question named that the results carry (else by record), best first — or worst first when
// the question asked for the lowest. Ties share a rank. nullopt when no result has the stat.
// Pure.
std::optional<PartText> rankTeams(const QuerySlots& slots,
                                  const std::vector<const nlohmann::json*>& team_stats);

}  // namespace nba::nlq
