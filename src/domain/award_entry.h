#pragma once

#include <optional>
#include <string>

#include "domain/season.h"

namespace nba {

// One player's entry for one award in one season: a voted award (MVP, DPOY, ROY, 6MOY, MIP,
// CLUTCH) with its voting, or a selection (ALL_NBA_1..3, ALL_DEF_1..2, ALL_ROOKIE_1..2)
// where only `winner` is meaningful. Value type.
struct AwardEntry {
  Season season;
  std::string award;      // code, see above
  int rank = 0;           // 1 = winner for voted awards (by points won); 0 for selections
  std::string player_id;  // project player id
  std::string player_name;
  std::optional<int> first_place_votes, points_won, points_max;
  std::optional<double> share;  // points_won / points_max, three decimals
  bool winner = false;
};

}  // namespace nba
