#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/season.h"

namespace nba::live {

// One stats.nba.com request: the endpoint and every parameter it expects, empty ones
// included — stats.nba.com answers 400 or an error body when a required key is missing
// (NBA-ENDPOINTS.md §3.1). Parameters are kept in NBA.com's (alphabetical) order.
struct StatsQuery {
  std::string endpoint;
  std::vector<std::pair<std::string, std::string>> params;

  // "{base}/{endpoint}?A=1&B=&C=Regular%20Season".
  std::string url(std::string_view base) const;
  // "stats.nba.com leaguedashplayerstats 2024-25": who is asked, for messages.
  std::string upstream() const;
};

// "Regular Season" | "Playoffs".
std::string_view statsSeasonType(SeasonType type);

// leaguedashplayerstats / leaguedashteamstats, PerMode=Totals; measure "Base", "Advanced",
// "Opponent".
StatsQuery leagueDashPlayerStats(Season season, SeasonType type, std::string_view measure);
StatsQuery leagueDashTeamStats(Season season, SeasonType type, std::string_view measure);
StatsQuery leagueStandingsV3(Season season);
// Every player NBA.com knows (IsOnlyCurrentSeason=0), as of `current`.
StatsQuery commonAllPlayers(Season current);
// The season's players with their bios (Historical=0): position, height, weight.
StatsQuery playerIndex(Season season);
// PlayerOrTeam "T": two team rows per game; "P": every player's line of every game.
StatsQuery leagueGameLog(Season season, SeasonType type, std::string_view player_or_team = "T");
StatsQuery playerGameLog(const std::string& player_id, Season season, SeasonType type);
StatsQuery playerCareerStats(const std::string& player_id);
StatsQuery playerAwards(const std::string& player_id);
// One game's box score (the whole game: every period and range 0).
StatsQuery boxScoreTraditionalV3(const std::string& game_id);
// The games of one date ("YYYY-MM-DD"), in the live scoreboard's shape.
StatsQuery scoreboardV3(const std::string& date);

// Percent-encodes everything but RFC 3986's unreserved characters.
std::string percentEncode(std::string_view text);

}  // namespace nba::live
