#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/season.h"

namespace nba {

// One player's regular-season line, totals and per game, as the source publishes them.
//
// Traded players: `stint` 0 is the player's season line (for a traded player the combined
// line, `team` == "TOT" and `teams` lists his teams in the order he played for them);
// stints 1..n are his per-team lines. Every player has exactly one stint-0 line per season.
// "The team" of a traded player is his last: lastTeam().
//
// Units: totals are counts (minutes whole); *_pg are per-game values rounded to one decimal
// exactly as basketball-reference shows them; *_pct are fractions (0.519 = 51.9 %) to three
// decimals; usg_pct is a fraction too (bbref shows 34.5). Empty optionals mean "undefined"
// (no attempts) or "not in this season's source" (PER, WS, BPM exist for 2024-25 only).
struct PlayerSeasonLine {
  Season season;
  std::string player_id;
  std::string team;                // NBA.com abbr, or "TOT" on a traded player's combined line
  int stint = 0;                   // 0 = season line; k >= 1 = k-th team of a traded player
  std::vector<std::string> teams;  // teams in order; one entry unless combined
  std::optional<int> age;
  std::string position;
  int gp = 0;
  std::optional<int> gs;  // games started; unknown in NBA.com 2025-26 totals
  int min = 0;
  int fgm = 0, fga = 0, fg3m = 0, fg3a = 0, ftm = 0, fta = 0;
  int oreb = 0, dreb = 0, reb = 0, ast = 0, stl = 0, blk = 0, tov = 0, pf = 0, pts = 0;
  std::optional<double> fg_pct, fg3_pct, ft_pct, efg_pct, ts_pct, usg_pct;
  std::optional<double> per, ws, bpm;
  double min_pg = 0, fgm_pg = 0, fga_pg = 0, fg3m_pg = 0, fg3a_pg = 0, ftm_pg = 0, fta_pg = 0;
  double oreb_pg = 0, dreb_pg = 0, reb_pg = 0, ast_pg = 0, stl_pg = 0, blk_pg = 0;
  double tov_pg = 0, pf_pg = 0, pts_pg = 0;

  bool isCombined() const { return team == "TOT"; }
  // The player's team for this line: his last team on a combined line.
  const std::string& lastTeam() const { return teams.empty() ? team : teams.back(); }
};

}  // namespace nba
