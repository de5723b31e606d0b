#include "app/lazy_world.h"

#include "app/lazy.h"
#include "nba/entity/resolver_from_data.h"

namespace nba::app {
namespace {

class LazyDataSource : public DataSource {
 public:
  LazyDataSource(std::function<Result<std::unique_ptr<DataSource>>()> factory, const Clock& clock)
      : lazy_(std::move(factory), clock) {}

  std::vector<SeasonCoverage> seasons() const override {
    auto data = lazy_.get();
    return data.ok() ? data.value()->seasons() : std::vector<SeasonCoverage>{};
  }
  Result<Table<Team>> teams() const override { return call(&DataSource::teams); }
  Result<Table<Player>> players() const override { return call(&DataSource::players); }
  Result<Player> player(const std::string& id) const override {
    return call(&DataSource::player, id);
  }
  Result<Table<PlayerSeasonLine>> playerSeasonStats(
      const PlayerSeasonStatsRequest& request) const override {
    return call(&DataSource::playerSeasonStats, request);
  }
  Result<Table<PlayerSeasonLine>> playerCareer(const std::string& id) const override {
    return call(&DataSource::playerCareer, id);
  }
  Result<Table<TeamSeasonLine>> teamSeasonStats(Season season, SeasonType type) const override {
    return call(&DataSource::teamSeasonStats, season, type);
  }
  Result<Table<Game>> games(const GamesRequest& request) const override {
    return call(&DataSource::games, request);
  }
  Result<Table<StandingRow>> standings(Season season) const override {
    return call(&DataSource::standings, season);
  }
  Result<Table<AwardEntry>> awards(std::optional<Season> season) const override {
    return call(&DataSource::awards, season);
  }
  Result<Table<GameLogRow>> playerGameLog(const std::string& id, Season season) const override {
    return call(&DataSource::playerGameLog, id, season);
  }

 private:
  template <typename R, typename... Params, typename... Args>
  R call(R (DataSource::*method)(Params...) const, Args&&... args) const {
    auto data = lazy_.get();
    if (!data.ok()) {
      return data.status();
    }
    return (data.value()->*method)(std::forward<Args>(args)...);
  }

  Lazy<DataSource> lazy_;
};

class LazyResolver : public entity::EntityResolver {
 public:
  LazyResolver(const DataSource& data, const Clock& clock)
      : lazy_([&data] { return entity::newResolverFromData(data); }, clock) {}

  Result<entity::Resolution> resolvePlayer(std::string_view query,
                                           std::size_t limit) const override {
    auto resolver = lazy_.get();
    return resolver.ok() ? resolver.value()->resolvePlayer(query, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  Result<entity::Resolution> resolveTeam(std::string_view query, std::size_t limit) const override {
    auto resolver = lazy_.get();
    return resolver.ok() ? resolver.value()->resolveTeam(query, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  Result<entity::Resolution> resolve(std::string_view query, std::optional<entity::EntityKind> kind,
                                     std::size_t limit) const override {
    auto resolver = lazy_.get();
    return resolver.ok() ? resolver.value()->resolve(query, kind, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  Result<entity::Resolution> resolveWithoutSuggestions(std::string_view query,
                                                       std::optional<entity::EntityKind> kind,
                                                       std::size_t limit) const override {
    auto resolver = lazy_.get();
    return resolver.ok() ? resolver.value()->resolveWithoutSuggestions(query, kind, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  std::size_t playerCount() const override {
    auto resolver = lazy_.get();
    return resolver.ok() ? resolver.value()->playerCount() : 0;
  }
  std::size_t teamCount() const override {
    auto resolver = lazy_.get();
    return resolver.ok() ? resolver.value()->teamCount() : 0;
  }

 private:
  Lazy<entity::EntityResolver> lazy_;
};

}  // namespace

std::unique_ptr<DataSource> newLazyDataSource(
    std::function<Result<std::unique_ptr<DataSource>>()> factory, const Clock& clock) {
  return std::make_unique<LazyDataSource>(std::move(factory), clock);
}

std::unique_ptr<entity::EntityResolver> newLazyResolver(const DataSource& data,
                                                        const Clock& clock) {
  return std::make_unique<LazyResolver>(data, clock);
}

}  // namespace nba::app
