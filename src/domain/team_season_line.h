#pragma once

#include <optional>
#include <string>

#include "domain/season.h"

namespace nba {

// One team's regular-season line (basketball-reference team_summaries, team and opponent
// per-game tables). Units: ratings are points per 100 possessions, pace possessions per 48
// minutes, *_pg per game to one decimal, *_pct fractions to three decimals (bbref shows the
// four factors' TOV% 12.4 / ORB% 23.0 / DRB% 73.8 as percentages; here 0.124, 0.230, 0.738),
// ft_fga free throws made per field-goal attempt. Value type.
struct TeamSeasonLine {
  Season season;
  std::string team;  // NBA.com abbr
  int gp = 0, w = 0, l = 0;
  double pts_pg = 0, opp_pts_pg = 0, mov = 0, srs = 0;
  double o_rtg = 0, d_rtg = 0, n_rtg = 0, pace = 0;
  double ts_pct = 0, efg_pct = 0, tov_pct = 0, orb_pct = 0, ft_fga = 0;
  double opp_efg_pct = 0, opp_tov_pct = 0, drb_pct = 0, opp_ft_fga = 0;
  double fgm_pg = 0, fga_pg = 0, fg_pct = 0, fg3m_pg = 0, fg3a_pg = 0, fg3_pct = 0;
  double ftm_pg = 0, fta_pg = 0, ft_pct = 0, oreb_pg = 0, dreb_pg = 0, reb_pg = 0;
  double ast_pg = 0, stl_pg = 0, blk_pg = 0, tov_pg = 0, pf_pg = 0;
  int pts = 0, opp_pts = 0;  // season totals
};

}  // namespace nba
