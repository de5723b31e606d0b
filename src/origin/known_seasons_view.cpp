#include "origin/known_seasons_view.h"

#include "domain/season_resolver.h"

namespace nba {
namespace {

class KnownSeasonsView final : public DataSource {
 public:
  KnownSeasonsView(const DataSource& inner, const Clock& clock) : inner_(inner), clock_(clock) {}

  std::vector<SeasonCoverage> seasons() const override {
    std::vector<SeasonCoverage> seasons = inner_.seasons();
    const auto now = clock_.wallNow();
    std::erase_if(seasons, [&](const SeasonCoverage& c) { return !seasonKnownAt(c.season, now); });
    return seasons;
  }

  Result<Table<Team>> teams() const override { return inner_.teams(); }
  Result<Table<Player>> players() const override { return inner_.players(); }
  Result<Player> player(const std::string& player_id) const override {
    return inner_.player(player_id);
  }

  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const PlayerSeasonStatsRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.playerSeasonStats(request);
  }

  Result<Table<PlayerSeasonLine>> playerCareer(const std::string& player_id) const override {
    return keepKnown(inner_.playerCareer(player_id));
  }

  Result<Table<TeamSeasonLine>> teamSeasonStats(Season season,
                                                SeasonType season_type) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.teamSeasonStats(season, season_type);
  }

  Result<Table<Game>> games(const GamesRequest& request) const override {
    if (Status status = known(request.season); !status.isOk()) {
      return status;
    }
    return inner_.games(request);
  }

  Result<Table<StandingRow>> standings(Season season) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.standings(season);
  }

  Result<Table<AwardEntry>> awards(std::optional<Season> season) const override {
    if (!season) {
      return keepKnown(inner_.awards(std::nullopt));
    }
    if (Status status = known(*season); !status.isOk()) {
      return status;
    }
    return inner_.awards(season);
  }

  Result<Table<GameLogRow>> playerGameLog(const std::string& player_id,
                                          Season season) const override {
    if (Status status = known(season); !status.isOk()) {
      return status;
    }
    return inner_.playerGameLog(player_id, season);
  }

 private:
  Status known(Season season) const {
    const auto now = clock_.wallNow();
    return seasonKnownAt(season, now) ? Status::ok() : seasonNotStarted(season, now);
  }

  // A table over every season, without the rows of seasons not yet begun; its as_of is then
  // the latest of the seasons kept (not the snapshot's newest date).
  template <typename Row>
  Result<Table<Row>> keepKnown(Result<Table<Row>> table) const {
    if (!table.ok()) {
      return table;
    }
    const auto now = clock_.wallNow();
    table->rows.dropIf([&](const Row& row) { return !seasonKnownAt(row.season, now); });
    const std::vector<SeasonCoverage> kept = seasons();
    if (!kept.empty() && kept.size() != inner_.seasons().size()) {
      table->meta.as_of = kept.back().as_of;
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
