#pragma once

#include <string>

#include "domain/game_log_row.h"

namespace nba {

// One player's line in one game's box score, with the name the source gives. Value type.
struct BoxScorePlayer {
  GameLogRow line;   // team, opponent, minutes (whole), counts, +/-
  std::string name;  // "Lamar Stevens"; empty when the source has none
};

}  // namespace nba
