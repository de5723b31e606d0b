#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/rows.h"
#include "domain/team_season_line.h"

namespace nba::tools::teams {

// The team statistics get_team_stats and compare_teams show, grouped like NBA.com's
// `measure` (Base: the per-game box score; Advanced: ratings, pace, four factors, SRS).
// Pure data and functions; thread-safe.

enum class TeamMeasure { kBase, kAdvanced };
std::optional<TeamMeasure> parseTeamMeasure(std::string_view text);  // case-insensitive
std::string_view teamMeasureName(TeamMeasure measure);               // "Base" | "Advanced"

// Which direction is better, for marking leaders and ranking (pace is neither: rank 1 is
// the fastest).
enum class Better { kHigher, kLower, kNeither };
std::string_view betterName(Better better);  // "higher" | "lower" | "neither"

enum class TeamStatFormat {
  kRecord,      // W-L ("61-21"); the value is the winning percentage
  kOneDecimal,  // 116.3
  kSigned1,     // +9.5
  kSigned2,     // +9.11
  kPercent,     // a fraction as 56.1%
  kRatio,       // a fraction as bbref prints it: .169
};

struct TeamStat {
  const char* code;         // "OFF_RATING"
  const char* label;        // "Offensive rating (points per 100 possessions)"
  const char* short_label;  // table header: "ORtg"
  TeamStatFormat format;
  Better better;
  double (*value)(const TeamSeasonLine& line);
};

// The stats of a measure, in table order.
const std::vector<TeamStat>& teamStats(TeamMeasure measure);

// The value as tables print it.
std::string formatTeamStat(const TeamStat& stat, const TeamSeasonLine& line);

// 1 + the number of lines strictly better than `line` on `stat` (ties share a rank).
int teamStatRank(const TeamStat& stat, const TeamSeasonLine& line,
                 const Rows<TeamSeasonLine>& lines);

}  // namespace nba::tools::teams
