#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "domain/award_entry.h"
#include "domain/box_score_player.h"
#include "domain/game.h"
#include "domain/game_log_row.h"
#include "domain/player.h"
#include "domain/player_season_line.h"
#include "domain/scoreboard_game.h"
#include "domain/season.h"
#include "domain/standing_row.h"
#include "domain/team_season_line.h"
#include "origin/live/team_directory.h"

namespace nba::live {

// stats.nba.com responses → the domain rows the snapshot gives for the same figures
// (domain/*.h for units: percentages as fractions to three decimals, per-game values to
// one, NBA.com ids and abbreviations, seasons "2024-25"). Columns are found by name
// (stats_table.h); extra columns are ignored; a missing required column is kDataLoss
// naming the endpoint and column. Pure functions over untrusted input: they never crash on
// a malformed response, they report it.

// leaguedashplayerstats, MeasureType=Base, PerMode=Totals: one season line (stint 0) per
// player, for the team NBA.com lists him with. Ordered by player id.
Result<std::vector<PlayerSeasonLine>> parsePlayerSeasonLines(const nlohmann::json& response,
                                                             Season season);

// playercareerstats, PerMode=Totals, SeasonTotalsRegularSeason: every season's lines; a
// traded player's "TOT" row is his season line (stint 0, teams in order) and his per-team
// rows are stints 1..n. Ordered by season, then stint.
Result<std::vector<PlayerSeasonLine>> parsePlayerCareer(const nlohmann::json& response,
                                                        const std::string& player_id);

// leaguedashteamstats PerMode=Totals with MeasureType Base, Advanced and Opponent, and the
// season's games (for SRS, which NBA.com does not publish). Ordered by abbr.
Result<std::vector<TeamSeasonLine>> parseTeamSeasonLines(const nlohmann::json& base,
                                                         const nlohmann::json& advanced,
                                                         const nlohmann::json& opponent,
                                                         const std::vector<Game>& games,
                                                         Season season, const TeamDirectory& teams);

// leaguestandingsv3. Ordered by conference, then rank.
Result<std::vector<StandingRow>> parseStandings(const nlohmann::json& response, Season season,
                                                const TeamDirectory& teams);

// commonallplayers (IsOnlyCurrentSeason=0). Ordered by name.
Result<std::vector<Player>> parsePlayers(const nlohmann::json& response,
                                         const TeamDirectory& teams);
// The CommonAllPlayers columns parsePlayers reads (for parseSlimResponse).
const std::vector<std::string>& playersColumns();

// What commonallplayers lacks: a player's listed position, height and weight.
struct PlayerBio {
  std::string position;  // NBA.com's: "G", "F-C", ...; may be empty
  std::optional<int> height_in;
  std::optional<int> weight_lb;
};
// playerindex (Historical=0): the season's players' bios, by NBA.com person id. Heights
// "6-8" become 80 inches; a blank or unreadable height or weight is left empty.
Result<std::unordered_map<std::int64_t, PlayerBio>> parsePlayerBios(const nlohmann::json& response);
// Fills `players`' position, height and weight from `bios` where a bio has them.
void applyPlayerBios(const std::unordered_map<std::int64_t, PlayerBio>& bios,
                     std::vector<Player>& players);

// leaguegamelog, PlayerOrTeam=T: two team rows per game, joined into finished games.
// Ordered by date, then game id.
Result<std::vector<Game>> parseLeagueGameLog(const nlohmann::json& response, Season season,
                                             const TeamDirectory& teams);

// playergamelog. Ordered by date.
Result<std::vector<GameLogRow>> parsePlayerGameLog(const nlohmann::json& response, Season season,
                                                   const std::string& player_id);

// leaguegamelog, PlayerOrTeam=P: every player's game lines of a season in one response.
// Ordered by player id, then date.
Result<std::vector<GameLogRow>> parseLeagueGameLogPlayers(const nlohmann::json& response,
                                                          Season season);

// boxscoretraditionalv3: the lines of the players who played (DNPs left out), away team
// first; minutes "19:09" rounded to whole minutes as game logs give them.
Result<std::vector<BoxScorePlayer>> parseBoxScoreV3(const nlohmann::json& response, Season season);

// A scoreboard in the shape cdn.nba.com's live scoreboard and stats.nba.com's scoreboardv3
// share ({"scoreboard":{"gameDate","games":[{gameId, gameStatus, gameStatusText, period,
// gameClock, gameEt, homeTeam, awayTeam, gameLeaders}]}}); `endpoint` names it in errors.
// Scores are the points so far; the clock is set only while a game is in progress. Ordered by
// game id.
Result<std::vector<ScoreboardGame>> parseScoreboard(const nlohmann::json& response,
                                                    std::string_view endpoint, Season season,
                                                    const TeamDirectory& teams);

// A season's schedule in the shape of cdn.nba.com's staticData/scheduleLeagueV2.json
// ({"leagueSchedule":{"gameDates":[{"gameDate","games":[{gameId, gameStatus, gameStatusText,
// gameDateEst, gameDateTimeUTC, isNeutral, homeTeam, awayTeam}]}]}}); `endpoint` names it in
// errors. Only the regular season's games and the NBA Cup final between two of the 30 teams
// (preseason, All-Star and playoff games are left out): finished, in progress and ahead, with
// the points so far. Ordered by date, then game id.
Result<std::vector<ScoreboardGame>> parseSchedule(const nlohmann::json& response,
                                                  std::string_view endpoint, Season season,
                                                  const TeamDirectory& teams);

// One player's awards from playerawards: the voted awards he won and his team selections, in
// the snapshot's codes (MVP, DPOY, ROY, 6MOY, MIP, CLUTCH, ALL_NBA_1..3, ALL_DEF_1..2,
// ALL_ROOKIE_1..2). NBA.com lists no vote finishes; other honours (All-Star, Player of the
// Week or Month, …) are only counted. Entries ordered by season, then award code.
struct PlayerAwards {
  std::vector<AwardEntry> entries;
  int other_honours = 0;
};
Result<PlayerAwards> parsePlayerAwards(const nlohmann::json& response,
                                       const std::string& player_id);

// NBA.com's ISO-8601 game clock as people read it: "PT07M15.00S" → "7:15"; "" when it is not
// one.
std::string gameClockText(std::string_view iso);

}  // namespace nba::live
