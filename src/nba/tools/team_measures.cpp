#include "nba/tools/team_measures.h"

#include <cctype>
#include <string>

#include "core/ascii.h"
#include "nba/tools/markdown.h"
#include "nba/tools/team_text.h"

namespace nba::tools::teams {
namespace {

using F = TeamStatFormat;

double winPct(const TeamSeasonLine& l) { return l.w + l.l == 0 ? 0 : double(l.w) / (l.w + l.l); }

const std::vector<TeamStat> kBase = {
    {"W_PCT", "Record (W-L)", "W-L", F::kRecord, Better::kHigher, winPct},
    {"PTS", "Points per game", "PTS", F::kOneDecimal, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.pts_pg; }},
    {"OPP_PTS", "Opponent points per game", "Opp PTS", F::kOneDecimal, Better::kLower,
     [](const TeamSeasonLine& l) { return l.opp_pts_pg; }},
    {"REB", "Rebounds per game", "REB", F::kOneDecimal, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.reb_pg; }},
    {"AST", "Assists per game", "AST", F::kOneDecimal, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.ast_pg; }},
    {"STL", "Steals per game", "STL", F::kOneDecimal, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.stl_pg; }},
    {"BLK", "Blocks per game", "BLK", F::kOneDecimal, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.blk_pg; }},
    {"TOV", "Turnovers per game", "TOV", F::kOneDecimal, Better::kLower,
     [](const TeamSeasonLine& l) { return l.tov_pg; }},
    {"FG3M", "3-pointers made per game", "3PM", F::kOneDecimal, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.fg3m_pg; }},
    {"FG_PCT", "Field-goal percentage", "FG%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.fg_pct; }},
    {"FG3_PCT", "3-point percentage", "3P%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.fg3_pct; }},
    {"FT_PCT", "Free-throw percentage", "FT%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.ft_pct; }},
};

const std::vector<TeamStat> kAdvanced = {
    {"W_PCT", "Record (W-L)", "W-L", F::kRecord, Better::kHigher, winPct},
    {"OFF_RATING", "Offensive rating (points scored per 100 possessions)", "ORtg", F::kOneDecimal,
     Better::kHigher, [](const TeamSeasonLine& l) { return l.o_rtg; }},
    {"DEF_RATING", "Defensive rating (points allowed per 100 possessions)", "DRtg", F::kOneDecimal,
     Better::kLower, [](const TeamSeasonLine& l) { return l.d_rtg; }},
    {"NET_RATING", "Net rating (ORtg - DRtg)", "NetRtg", F::kSigned1, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.n_rtg; }},
    {"PACE", "Pace (possessions per 48 minutes)", "Pace", F::kOneDecimal, Better::kNeither,
     [](const TeamSeasonLine& l) { return l.pace; }},
    {"MOV", "Margin of victory (points per game)", "MOV", F::kSigned2, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.mov; }},
    {"SRS", "Simple rating system (MOV adjusted for schedule)", "SRS", F::kSigned2, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.srs; }},
    {"TS_PCT", "True shooting percentage", "TS%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.ts_pct; }},
    {"EFG_PCT", "Effective field-goal percentage", "eFG%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.efg_pct; }},
    {"TOV_PCT", "Turnover percentage (per 100 plays)", "TOV%", F::kPercent, Better::kLower,
     [](const TeamSeasonLine& l) { return l.tov_pct; }},
    {"OREB_PCT", "Offensive rebound percentage", "ORB%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.orb_pct; }},
    {"FT_FGA", "Free throws made per field-goal attempt", "FT/FGA", F::kRatio, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.ft_fga; }},
    {"OPP_EFG_PCT", "Opponent effective field-goal percentage", "Opp eFG%", F::kPercent,
     Better::kLower, [](const TeamSeasonLine& l) { return l.opp_efg_pct; }},
    {"OPP_TOV_PCT", "Opponent turnover percentage (forced)", "Opp TOV%", F::kPercent,
     Better::kHigher, [](const TeamSeasonLine& l) { return l.opp_tov_pct; }},
    {"DREB_PCT", "Defensive rebound percentage", "DRB%", F::kPercent, Better::kHigher,
     [](const TeamSeasonLine& l) { return l.drb_pct; }},
    {"OPP_FT_FGA", "Opponent free throws made per field-goal attempt", "Opp FT/FGA", F::kRatio,
     Better::kLower, [](const TeamSeasonLine& l) { return l.opp_ft_fga; }},
};

std::string signedFixed(double value, int decimals) {
  return (value > 0 ? "+" : "") + formatFixed(value, decimals);
}

}  // namespace

std::optional<TeamMeasure> parseTeamMeasure(std::string_view text) {
  const std::string key = asciiLower(text);
  if (key == "base") {
    return TeamMeasure::kBase;
  }
  if (key == "advanced") {
    return TeamMeasure::kAdvanced;
  }
  return std::nullopt;
}

std::string_view teamMeasureName(TeamMeasure measure) {
  return measure == TeamMeasure::kAdvanced ? "Advanced" : "Base";
}

std::string_view betterName(Better better) {
  switch (better) {
    case Better::kHigher:
      return "higher";
    case Better::kLower:
      return "lower";
    case Better::kNeither:
      break;
  }
  return "neither";
}

const std::vector<TeamStat>& teamStats(TeamMeasure measure) {
  return measure == TeamMeasure::kAdvanced ? kAdvanced : kBase;
}

std::string formatTeamStat(const TeamStat& stat, const TeamSeasonLine& line) {
  double value = stat.value(line);
  switch (stat.format) {
    case F::kRecord:
      return std::to_string(line.w) + "-" + std::to_string(line.l);
    case F::kOneDecimal:
      return formatFixed(value, 1);
    case F::kSigned1:
      return signedFixed(value, 1);
    case F::kSigned2:
      return signedFixed(value, 2);
    case F::kPercent:
      return formatPercent(value);
    case F::kRatio:
      break;
  }
  return formatWinPct(value);
}

int teamStatRank(const TeamStat& stat, const TeamSeasonLine& line,
                 const Rows<TeamSeasonLine>& lines) {
  double value = stat.value(line);
  int rank = 1;
  for (const auto& other : lines) {
    double theirs = stat.value(other);
    if (stat.better == Better::kLower ? theirs < value : theirs > value) {
      ++rank;
    }
  }
  return rank;
}

}  // namespace nba::tools::teams
