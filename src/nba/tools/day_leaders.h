#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "domain/game_log_row.h"
#include "domain/season.h"
#include "nba/stats/stat_catalog.h"
#include "nba/tools/arguments.h"
#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"

namespace nba::tools {

// get_league_leaders with a `date`: that day's best single-game lines in a counting stat
// ("who scored the most points on Christmas Day 2023"), from the season's player game logs,
// for the league, a conference or a team. Where the logs miss players (the offline 2023-24
// ones), the answer says how many of the day's points the listed players account for. The
// tool's decode, find and render parts for such a call (typed_tool.h); league_leaders_tool.cpp
// picks them when the call has a date.

using GameStatGetter = int (*)(const GameLogRow&);

// The decoded arguments of one day's board.
struct DayQuery {
  std::string date;  // YYYY-MM-DD
  Season season;     // the date's
  const stats::StatDef* stat = nullptr;
  GameStatGetter value = nullptr;
  std::size_t limit = 10;
  std::optional<std::string> conference;
  std::optional<ResolvedTeam> team;
  std::vector<std::string> notes;
};

// Errors: a date that is not one, a season other than the date's, playoffs, a stat a game line
// does not carry, a position, a team outside the conference.
Result<DayQuery> decodeDayQuery(const nlohmann::json& arguments, const ToolEnv& env);

// The day's lines and the best of them in scope (day_leaders.cpp).
struct DayLeadersFound;

// Errors: no games that day, no player lines for it in the logs.
Result<std::shared_ptr<const DayLeadersFound>> findDayLeaders(const DayQuery& query,
                                                              const ToolEnv& env);
ToolAnswer renderDayLeaders(const DayQuery& query, const DayLeadersFound& found);

}  // namespace nba::tools
