#pragma once

#include <optional>
#include <string>

#include "domain/game.h"

namespace nba {

// Where a game stands on a scoreboard.
enum class GameStatus { kScheduled, kInProgress, kFinal };

// "Scheduled" | "In progress" | "Final".
const char* gameStatusName(GameStatus status);

// A team's leading scorer in one game so far (NBA.com's gameLeaders). Value type.
struct GameLeader {
  std::string player_id;  // NBA.com person id
  std::string name;
  std::string team;  // abbr
  int pts = 0, reb = 0, ast = 0;
};

// One game of a date as a scoreboard shows it: finished, being played, or ahead. `game` has
// the date, id, teams and the points so far (0-0 before tip-off). Value type.
struct ScoreboardGame {
  Game game;
  GameStatus status = GameStatus::kFinal;
  std::string status_text;  // NBA.com's: "Final", "Q2 07:15", "7:30 pm ET", "PPD"
  int period = 0;           // 1-4, 5 and up overtimes; 0 before tip-off or when unknown
  std::string clock;        // "7:15" while in progress, else empty
  std::string start_utc;    // "2023-04-21T02:00:00Z" when known
  std::optional<GameLeader> home_leader, away_leader;
};

}  // namespace nba
