#pragma once

#include <string>
#include <vector>

#include "domain/game.h"

namespace nba {

// A run of consecutive wins (or losses): its length and the dates of its first and last game.
// games == 0 when there was none.
struct Streak {
  int games = 0;
  std::string from, to;
};

// A team's longest winning and losing runs of a season.
struct TeamStreaks {
  Streak longest_win;
  Streak longest_loss;
};

// The longest runs of `team` over `games` (any order; other teams' games and games that do
// not count in standings, the NBA Cup final, are skipped), oldest first. Of equal runs the
// first is kept. Pure.
TeamStreaks teamStreaks(const std::vector<Game>& games, const std::string& team);

}  // namespace nba
