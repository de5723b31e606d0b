#pragma once

#include "origin/data_source.h"

namespace nba {

// The base of a DataSource decorator (lazy loading, the known-seasons view, next the cache and
// the live-or-snapshot fallback): every request goes on to target(), so a decorator overrides
// only the requests it changes (as leveldb's EnvWrapper does for Env).
class ForwardingDataSource : public DataSource {
 public:
  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override;
  Result<Table<Team>> teams(const CallContext& context) const override;
  Result<Table<Player>> players(const CallContext& context) const override;
  Result<Player> player(const CallContext& context, const std::string& player_id) const override;
  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override;
  Result<Table<PlayerSeasonLine>> playerCareer(const CallContext& context,
                                               const std::string& player_id) const override;
  Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext& context, Season season,
                                                SeasonType season_type) const override;
  Result<Table<Game>> games(const CallContext& context, const GamesRequest& request) const override;
  Result<Table<StandingRow>> standings(const CallContext& context, Season season) const override;
  Result<Table<AwardEntry>> awards(const CallContext& context,
                                   std::optional<Season> season) const override;
  Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                         const std::string& player_id) const override;
  Result<Table<ScoreboardGame>> upcomingGames(const CallContext& context,
                                              const UpcomingGamesRequest& request) const override;
  Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                           const ScoreboardRequest& request) const override;
  Result<Table<BoxScorePlayer>> boxScore(const CallContext& context,
                                         const BoxScoreRequest& request) const override;
  Result<Table<GameLogRow>> playerGameLog(const CallContext& context, const std::string& player_id,
                                          Season season) const override;
  Result<Table<GameLogRow>> seasonGameLogs(const CallContext& context,
                                           Season season) const override;

 protected:
  // The source requests go on to, for this call: a fixed inner source, or one built on first
  // use (an error then, when it cannot be built). Must be thread-safe.
  virtual Result<const DataSource*> target(const CallContext& context) const = 0;
};

}  // namespace nba
