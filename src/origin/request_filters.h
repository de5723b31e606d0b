#pragma once

#include "origin/data_source.h"

namespace nba {

// The filters of a request, as every source applies them to the rows of the whole table a
// request names (DataSource's contract, one definition): the live source after parsing
// NBA.com's league-wide response, the cache on the way out of one cached league table.

// PlayerSeasonStatsRequest: the player; the team (a season line's last team with
// season_lines_only, otherwise the line's own team); season_lines_only drops stints.
bool requestKeeps(const PlayerSeasonStatsRequest& request, const PlayerSeasonLine& line);
// GamesRequest: the team home or away; the date range, inclusive.
bool requestKeeps(const GamesRequest& request, const Game& game);
// UpcomingGamesRequest: likewise.
bool requestKeeps(const UpcomingGamesRequest& request, const ScoreboardGame& game);

}  // namespace nba
