#include "origin/request_filters.h"

namespace nba {
namespace {

bool inRange(const std::string& date, const std::optional<std::string>& from,
             const std::optional<std::string>& to) {
  return (!from || date >= *from) && (!to || date <= *to);
}

}  // namespace

bool requestKeeps(const PlayerSeasonStatsRequest& request, const PlayerSeasonLine& line) {
  if (request.player_id && line.player_id != *request.player_id) {
    return false;
  }
  if (request.season_lines_only && line.stint != 0) {
    return false;
  }
  if (request.team) {
    return request.season_lines_only ? line.lastTeam() == *request.team
                                     : line.team == *request.team;
  }
  return true;
}

bool requestKeeps(const GamesRequest& request, const Game& game) {
  if (request.team && game.home != *request.team && game.away != *request.team) {
    return false;
  }
  return inRange(game.date, request.date_from, request.date_to);
}

bool requestKeeps(const UpcomingGamesRequest& request, const ScoreboardGame& game) {
  return requestKeeps(GamesRequest{request.season, SeasonType::kRegularSeason, request.team,
                                   request.date_from, request.date_to},
                      game.game);
}

}  // namespace nba
