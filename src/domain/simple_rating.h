#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/game.h"

namespace nba {

// Simple Rating System, as basketball-reference defines it: a team's average margin of
// victory plus the average rating of the opponents it played, solved over the season's
// counting games (Game::countsInStandings), the ratings summing to zero. NBA.com does not
// publish it; the live source computes it so live team lines carry the same figure as the
// snapshot's. Two decimals. Teams without games are left out. Pure function.
std::map<std::string, double> simpleRatings(const std::vector<Game>& games);

}  // namespace nba
