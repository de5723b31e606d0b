#include "origin/forwarding_data_source.h"

namespace nba {
namespace {

// Calls `method` on the target, or returns the target's error as the method's result.
template <typename R, typename... Params, typename... Args>
R forward(const Result<const DataSource*>& target, R (DataSource::*method)(Params...) const,
          Args&&... args) {
  if (!target.ok()) {
    return target.status();
  }
  return (target.value()->*method)(std::forward<Args>(args)...);
}

}  // namespace

Result<std::vector<SeasonCoverage>> ForwardingDataSource::seasons(
    const CallContext& context) const {
  return forward(target(context), &DataSource::seasons, context);
}

Result<Table<Team>> ForwardingDataSource::teams(const CallContext& context) const {
  return forward(target(context), &DataSource::teams, context);
}

Result<Table<Player>> ForwardingDataSource::players(const CallContext& context) const {
  return forward(target(context), &DataSource::players, context);
}

Result<Player> ForwardingDataSource::player(const CallContext& context,
                                            const std::string& player_id) const {
  return forward(target(context), &DataSource::player, context, player_id);
}

Result<Table<PlayerSeasonLine>> ForwardingDataSource::playerSeasonStats(
    const CallContext& context, const PlayerSeasonStatsRequest& request) const {
  return forward(target(context), &DataSource::playerSeasonStats, context, request);
}

Result<Table<PlayerSeasonLine>> ForwardingDataSource::playerCareer(
    const CallContext& context, const std::string& player_id) const {
  return forward(target(context), &DataSource::playerCareer, context, player_id);
}

Result<Table<TeamSeasonLine>> ForwardingDataSource::teamSeasonStats(const CallContext& context,
                                                                    Season season,
                                                                    SeasonType season_type) const {
  return forward(target(context), &DataSource::teamSeasonStats, context, season, season_type);
}

Result<Table<ScoreboardGame>> ForwardingDataSource::scoreboard(
    const CallContext& context, const ScoreboardRequest& request) const {
  return forward(target(context), &DataSource::scoreboard, context, request);
}

Result<Table<BoxScorePlayer>> ForwardingDataSource::boxScore(const CallContext& context,
                                                             const BoxScoreRequest& request) const {
  return forward(target(context), &DataSource::boxScore, context, request);
}

Result<Table<Game>> ForwardingDataSource::games(const CallContext& context,
                                                const GamesRequest& request) const {
  return forward(target(context), &DataSource::games, context, request);
}

Result<Table<StandingRow>> ForwardingDataSource::standings(const CallContext& context,
                                                           Season season) const {
  return forward(target(context), &DataSource::standings, context, season);
}

Result<Table<AwardEntry>> ForwardingDataSource::awards(const CallContext& context,
                                                       std::optional<Season> season) const {
  return forward(target(context), &DataSource::awards, context, season);
}

Result<Table<AwardEntry>> ForwardingDataSource::playerAwards(const CallContext& context,
                                                             const std::string& player_id) const {
  return forward(target(context), &DataSource::playerAwards, context, player_id);
}

Result<Table<ScoreboardGame>> ForwardingDataSource::upcomingGames(
    const CallContext& context, const UpcomingGamesRequest& request) const {
  return forward(target(context), &DataSource::upcomingGames, context, request);
}

Result<Table<GameLogRow>> ForwardingDataSource::playerGameLog(const CallContext& context,
                                                              const std::string& player_id,
                                                              Season season) const {
  return forward(target(context), &DataSource::playerGameLog, context, player_id, season);
}

Result<Table<GameLogRow>> ForwardingDataSource::seasonGameLogs(const CallContext& context,
                                                               Season season) const {
  return forward(target(context), &DataSource::seasonGameLogs, context, season);
}

}  // namespace nba
