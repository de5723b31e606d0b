#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/call_context.h"
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
#include "domain/table.h"
#include "domain/team.h"
#include "domain/team_season_line.h"

namespace nba {

// What one season holds at a source.
struct SeasonCoverage {
  Season season;
  Coverage coverage = Coverage::kComplete;
  std::string as_of;  // latest as_of over the season's tables
};

struct PlayerSeasonStatsRequest {
  Season season;
  SeasonType season_type = SeasonType::kRegularSeason;
  std::optional<std::string> player_id;  // only this player's lines
  // Only lines of this team: with season_lines_only, season lines whose lastTeam() is the
  // abbr (a traded player counts for his last team); otherwise lines whose `team` is the abbr
  // (untraded players' lines and traded players' per-team stints).
  std::optional<std::string> team;
  bool season_lines_only = false;  // drop traded players' per-team stints
};

struct GamesRequest {
  Season season;
  SeasonType season_type = SeasonType::kRegularSeason;
  std::optional<std::string> team;       // games with this abbr home or away
  std::optional<std::string> date_from;  // inclusive, "YYYY-MM-DD"
  std::optional<std::string> date_to;    // inclusive
};

// One date's scoreboard. `season` is the season the date belongs to (the caller's reading of
// the date), so a source that keeps games by season finds them.
struct ScoreboardRequest {
  Season season;
  std::string date;  // US/Eastern, "YYYY-MM-DD"
};

// A season's games that are not final yet, as a schedule lists them.
struct UpcomingGamesRequest {
  Season season;
  std::optional<std::string> team;       // games with this abbr home or away
  std::optional<std::string> date_from;  // inclusive, "YYYY-MM-DD" (US/Eastern)
  std::optional<std::string> date_to;    // inclusive
};

// One finished game's box score.
struct BoxScoreRequest {
  Season season;        // the game's season
  std::string game_id;  // NBA.com id, "0022300403"
};

// The seam between the tools and where the figures come from (DESIGN §5): typed requests
// in, typed tables out, each with season, as_of, coverage, source, cache state and notes.
//
// Every request carries the call's CallContext (core/call_context.h): its clock, caller,
// cancellation, deadline and trace parent. A source that waits (the live origin, a cache's
// single-flight) gives up when the call is cancelled or out of time, with that Status.
//
// Errors (Result): kNotFound names what is missing and what exists instead, e.g. "no data
// for season 2019-20 in the offline snapshot; available: 2023-24, 2024-25, 2025-26", "no player
// with id 'x'"; kUnimplemented for a request this source cannot answer at all (playoffs offline);
// kUnavailable when the source cannot be reached or loaded right now (retry later).
// Per-game and totals are both on every line; tools derive Per36 etc. from the totals.
//
// Thread safety: implementations are safe for any number of concurrent callers; every
// method is const. Returned tables either borrow from the source's immutable storage (valid
// while the source lives, the whole life of the server) or share ownership of their rows
// (see Rows), so a table stays valid for as long as the caller holds it.
class DataSource {
 public:
  virtual ~DataSource() = default;

  // Seasons with data, oldest first. Empty only through newKnownSeasonsView at a date before
  // its first season; an error when the source cannot say (it failed to load).
  virtual Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const = 0;

  // All 30 teams, ordered by abbr.
  virtual Result<Table<Team>> teams(const CallContext& context) const = 0;
  // Every player the source knows, ordered by name.
  virtual Result<Table<Player>> players(const CallContext& context) const = 0;
  virtual Result<Player> player(const CallContext& context, const std::string& player_id) const = 0;

  // Player lines ordered by player_id then stint.
  virtual Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const = 0;
  // All of one player's lines over every season at the source (season, stint order).
  virtual Result<Table<PlayerSeasonLine>> playerCareer(const CallContext& context,
                                                       const std::string& player_id) const = 0;
  // The 30 teams' lines, ordered by abbr.
  virtual Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext& context, Season season,
                                                        SeasonType season_type) const = 0;
  // Games ordered by date then game id, including non-counting ones (see Game::kind).
  virtual Result<Table<Game>> games(const CallContext& context,
                                    const GamesRequest& request) const = 0;
  // Standings derived from the counting games, ordered by conference then rank.
  virtual Result<Table<StandingRow>> standings(const CallContext& context, Season season) const = 0;
  // Awards of one season, or of every season when `season` is empty.
  virtual Result<Table<AwardEntry>> awards(const CallContext& context,
                                           std::optional<Season> season) const = 0;
  // One player's award entries over every season at the source, ordered by season. Empty
  // when he has none.
  virtual Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                                 const std::string& player_id) const = 0;
  // The games of one date — final, in progress and scheduled — ordered by game id (start
  // time order on NBA.com), with game leaders where the source has them. Empty when nothing
  // is played that day; an error when the source has no data for the date's season.
  virtual Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                                   const ScoreboardRequest& request) const = 0;
  // The season's regular-season games not final yet — in progress or ahead — ordered by date
  // then game id, with start times; empty when the season is over. kUnimplemented from a
  // source that holds played games only (the snapshot).
  virtual Result<Table<ScoreboardGame>> upcomingGames(
      const CallContext& context, const UpcomingGamesRequest& request) const = 0;
  // The player lines of one game (players who played; both teams), in the source's order.
  // kNotFound when the source has no lines for the game; the table says partial where the
  // source's logs miss players.
  virtual Result<Table<BoxScorePlayer>> boxScore(const CallContext& context,
                                                 const BoxScoreRequest& request) const = 0;
  // One player's games in a season, by date. kNotFound when the season has no game logs or
  // the player has none (the message says the log is partial where it is).
  virtual Result<Table<GameLogRow>> playerGameLog(const CallContext& context,
                                                  const std::string& player_id,
                                                  Season season) const = 0;
  // Every player's game lines of a season (what `snapshot record` writes), ordered by player id
  // then date. kNotFound when the source has no game logs for the season.
  virtual Result<Table<GameLogRow>> seasonGameLogs(const CallContext& context,
                                                   Season season) const = 0;
};

}  // namespace nba
