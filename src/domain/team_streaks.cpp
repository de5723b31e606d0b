#include "domain/team_streaks.h"

#include <algorithm>

namespace nba {
namespace {

// Extends `current` with one game on `date` and keeps it as `longest` when it grows past it.
void extend(Streak& current, Streak& longest, const std::string& date) {
  if (current.games == 0) current.from = date;
  current.to = date;
  ++current.games;
  if (current.games > longest.games) longest = current;
}

}  // namespace

TeamStreaks teamStreaks(const std::vector<Game>& games, const std::string& team) {
  std::vector<const Game*> own;
  for (const Game& game : games) {
    if (game.countsInStandings() && (game.home == team || game.away == team)) {
      own.push_back(&game);
    }
  }
  std::sort(own.begin(), own.end(), [](const Game* a, const Game* b) { return a->date < b->date; });
  TeamStreaks out;
  Streak wins, losses;
  for (const Game* game : own) {
    if (game->winner() == team) {
      losses = Streak{};
      extend(wins, out.longest_win, game->date);
    } else {
      wins = Streak{};
      extend(losses, out.longest_loss, game->date);
    }
  }
  return out;
}

}  // namespace nba
