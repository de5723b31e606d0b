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

// The arguments the team tools share (season, season_type, measure), decoded.
struct TeamLinesArgs {
  SeasonChoice season;
  TeamMeasure measure = TeamMeasure::kBase;
  std::string season_type = "Regular Season";
};

// Errors: a season without data (names the available ones).
Result<TeamLinesArgs> teamLinesArguments(const nlohmann::json& arguments, const ToolEnv& env);

// Those arguments with the season's 30 team lines. Pure over `env`; thread-safe.
struct TeamLines {
  SeasonChoice season;
  TeamMeasure measure = TeamMeasure::kBase;
  std::string season_type = "Regular Season";
  Table<TeamSeasonLine> lines;
  std::vector<std::string> notes;  // season fallback, partial season
};

// Errors: the source's (a season it lacks), playoffs on a source without them.
Result<TeamLines> fetchTeamLines(const TeamLinesArgs& args, const ToolEnv& env);

// The line of team `abbr`, or kNotFound saying the season has no line for it.
Result<const TeamSeasonLine*> teamLine(const TeamLines& lines, const Team& team);

// The team as structured output shows it: abbr, name, conference, division.
nlohmann::json teamJson(const Team& team);

}  // namespace nba::tools::teams
