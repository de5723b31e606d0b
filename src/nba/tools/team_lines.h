#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/status.h"
#include "domain/table.h"
#include "domain/team_season_line.h"
#include "nba/tools/arguments.h"
#include "nba/tools/team_measures.h"
#include "nba/tools/tool_env.h"

namespace nba::tools::teams {

// The arguments get_team_stats and compare_teams share (season, season_type, measure),
// decoded, with the season's 30 team lines. Pure over `env`; thread-safe.
struct TeamLines {
  SeasonChoice season;
  TeamMeasure measure = TeamMeasure::kBase;
  std::string season_type = "Regular Season";
  Table<TeamSeasonLine> lines;
  std::vector<std::string> notes;  // season fallback, partial season
};

// Errors: a season without data (names the available ones), playoffs on a source without
// them.
Result<TeamLines> teamLinesArgument(const nlohmann::json& arguments, const ToolEnv& env);

// The line of team `abbr`, or kNotFound saying the season has no line for it.
Result<const TeamSeasonLine*> teamLine(const TeamLines& lines, const Team& team);

// The team as structured output shows it: abbr, name, conference, division.
nlohmann::json teamJson(const Team& team);

}  // namespace nba::tools::teams
