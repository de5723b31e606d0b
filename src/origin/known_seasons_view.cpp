#include "origin/known_seasons_view.h"

#include "domain/season_resolver.h"
#include "origin/forwarding_data_source.h"

namespace nba {
namespace {

class KnownSeasonsView final : public ForwardingDataSource {
 public:
  KnownSeasonsView(const DataSource& inner, const Clock& clock) : inner_(inner), clock_(clock) {}

  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override {
    auto seasons = inner_.seasons(context);
    if (!seasons.ok()) {
      return seasons;
    }
    const auto now = clock_.wallNow();
    std::erase_if(seasons.value(),
                  [&](const SeasonCoverage& c) { return !seasonKnownAt(c.season, now); });
    return seasons;
  }

  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const CallContext& context, const PlayerSeasonStatsRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.playerSeasonStats(context, request);
  }

  Result<Table<PlayerSeasonLine>> playerCareer(const CallContext& context,
                                               const std::string& player_id) const override {
    return keepKnown(context, inner_.playerCareer(context, player_id));
  }

  Result<Table<TeamSeasonLine>> teamSeasonStats(const CallContext& context, Season season,
                                                SeasonType season_type) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.teamSeasonStats(context, season, season_type);
  }

  Result<Table<BoxScorePlayer>> boxScore(const CallContext& context,
                                         const BoxScoreRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.boxScore(context, request);
  }
  Result<Table<ScoreboardGame>> scoreboard(const CallContext& context,
                                           const ScoreboardRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.scoreboard(context, request);
  }
  Result<Table<ScoreboardGame>> upcomingGames(const CallContext& context,
                                              const UpcomingGamesRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.upcomingGames(context, request);
  }
  Result<Table<AwardEntry>> playerAwards(const CallContext& context,
                                         const std::string& player_id) const override {
    return keepKnown(context, inner_.playerAwards(context, player_id));
  }
  Result<Table<Game>> games(const CallContext& context,
                            const GamesRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.games(context, request);
  }

  Result<Table<StandingRow>> standings(const CallContext& context, Season season) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.standings(context, season);
  }

  Result<Table<AwardEntry>> awards(const CallContext& context,
                                   std::optional<Season> season) const override {
    if (!season) {
      return keepKnown(context, inner_.awards(context, std::nullopt));
    }
    if (Status status = known(*season); !status.isOk()) {
      return status;
    }
    return inner_.awards(context, season);
  }

  Result<Table<GameLogRow>> seasonGameLogs(const CallContext& context,
                                           Season season) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.seasonGameLogs(context, season);
  }

  Result<Table<GameLogRow>> playerGameLog(const CallContext& context, const std::string& player_id,
                                          Season season) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.playerGameLog(context, player_id, season);
  }

 protected:
  // teams(), players() and player() pass straight through: bios are not per season.
  Result<const DataSource*> target(const CallContext&) const override { return &inner_; }

 private:
  Status known(Season season) const {
    const auto now = clock_.wallNow();
    return seasonKnownAt(season, now) ? Status::ok() : seasonNotStarted(season, now);
  }

  // A table over every season, without the rows of seasons not yet begun; its as_of is then
  // the latest of the seasons kept (not the snapshot's newest date).
  template <typename Row>
  Result<Table<Row>> keepKnown(const CallContext& context, Result<Table<Row>> table) const {
    if (!table.ok()) {
      return table;
    }
    const auto now = clock_.wallNow();
    table->rows.dropIf([&](const Row& row) { return !seasonKnownAt(row.season, now); });
    auto all = inner_.seasons(context);
    auto kept = seasons(context);
    if (all.ok() && kept.ok() && !kept->empty() && kept->size() != all->size()) {
      table->meta.as_of = kept->back().as_of;
    }
    return table;
  }

  const DataSource& inner_;
  const Clock& clock_;
};

}  // namespace

std::unique_ptr<DataSource> newKnownSeasonsView(const DataSource& inner, const Clock& clock) {
  return std::make_unique<KnownSeasonsView>(inner, clock);
}

}  // namespace nba
