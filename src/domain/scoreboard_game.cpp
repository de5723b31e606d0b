#include "domain/scoreboard_game.h"

namespace nba {

const char* gameStatusName(GameStatus status) {
  switch (status) {
    case GameStatus::kScheduled:
      return "Scheduled";
    case GameStatus::kInProgress:
      return "In progress";
    case GameStatus::kFinal:
      break;
  }
  return "Final";
}

}  // namespace nba
