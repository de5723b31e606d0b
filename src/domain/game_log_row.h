#pragma once

#include <optional>
#include <string>

#include "domain/season.h"

namespace nba {

// One player's box-score line in one game (NBA.com playergamelog). Minutes are whole
// minutes as the source gives them. Value type.
struct GameLogRow {
  Season season;
  std::string player_id;
  std::string date;  // "2024-04-09"
  std::string game_id;
  std::string team, opponent;  // NBA.com abbrs
  bool home = false;
  std::string wl;  // "W" | "L"
  int min = 0, pts = 0, reb = 0, oreb = 0, dreb = 0, ast = 0, stl = 0, blk = 0, tov = 0, pf = 0;
  int fgm = 0, fga = 0, fg3m = 0, fg3a = 0, ftm = 0, fta = 0;
  std::optional<int> plus_minus;
};

}  // namespace nba
