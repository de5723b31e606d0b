#include "domain/simple_rating.h"

#include <algorithm>
#include <cmath>

namespace nba {
namespace {

struct TeamGames {
  double margin_sum = 0;
  std::vector<std::string> opponents;
};

std::map<std::string, TeamGames> gamesByTeam(const std::vector<Game>& games) {
  std::map<std::string, TeamGames> by_team;
  for (const Game& game : games) {
    if (!game.countsInStandings()) {
      continue;
    }
    const double margin = game.home_pts - game.away_pts;
    by_team[game.home].margin_sum += margin;
    by_team[game.home].opponents.push_back(game.away);
    by_team[game.away].margin_sum -= margin;
    by_team[game.away].opponents.push_back(game.home);
  }
  return by_team;
}

}  // namespace

std::map<std::string, double> simpleRatings(const std::vector<Game>& games) {
  const std::map<std::string, TeamGames> by_team = gamesByTeam(games);
  std::map<std::string, double> rating;
  for (const auto& [team, played] : by_team) {
    rating[team] = played.margin_sum / static_cast<double>(played.opponents.size());
  }
  // Fixed-point iteration: converges in a few hundred rounds for a league schedule.
  for (int round = 0; round < 10000; ++round) {
    std::map<std::string, double> next;
    double change = 0;
    double sum = 0;
    for (const auto& [team, played] : by_team) {
      double schedule = 0;
      for (const std::string& opponent : played.opponents) schedule += rating[opponent];
      const double n = static_cast<double>(played.opponents.size());
      next[team] = played.margin_sum / n + schedule / n;
      sum += next[team];
    }
    const double mean = sum / static_cast<double>(by_team.size());
    for (auto& [team, value] : next) {
      // Half a step: the plain update oscillates forever on a two-colourable schedule (one
      // game on opening night) and never settles; the damped one reaches the same solution.
      value = (value - mean + rating[team]) / 2;
      change = std::max(change, std::fabs(value - rating[team]));
    }
    rating = std::move(next);
    if (change < 1e-9) break;
  }
  for (auto& [team, value] : rating) value = std::round(value * 100) / 100;
  return rating;
}

}  // namespace nba
