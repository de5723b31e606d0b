#pragma once

#include <nlohmann/json.hpp>

#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// get_league_leaders with a `date`: that day's best single-game lines in a counting stat
// ("who scored the most points on Christmas Day 2023"), from the season's player game logs,
// for the league, a conference or a team. Where the logs miss players (the offline 2023-24
// ones), the answer says how many of the day's points the listed players account for.
ToolAnswer dayLeaders(const nlohmann::json& arguments, const ToolEnv& env);

}  // namespace nba::tools
