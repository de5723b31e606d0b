#include "app/lazy_world.h"

#include <mutex>

#include "nba/entity/resolver_from_data.h"

namespace nba::app {
namespace {

// Holds a lazily built T or the Status of its failed build.
template <typename T>
class Lazy {
 public:
  explicit Lazy(std::function<Result<std::unique_ptr<T>>()> factory)
      : factory_(std::move(factory)) {}
  // The built object, or nullptr with `status()` telling why.
  const T* get() const {
    std::call_once(once_, [this] {
      auto built = factory_();
      if (built.ok()) {
        value_ = std::move(built).value();
      } else {
        status_ = built.status();
      }
    });
    return value_.get();
  }
  const Status& status() const { return status_; }

 private:
  std::function<Result<std::unique_ptr<T>>()> factory_;
  mutable std::once_flag once_;
  mutable std::unique_ptr<T> value_;
  mutable Status status_;
};

class LazyDataSource : public DataSource {
 public:
  explicit LazyDataSource(std::function<Result<std::unique_ptr<DataSource>>()> factory)
      : lazy_(std::move(factory)) {}

  std::vector<SeasonCoverage> seasons() const override {
    const DataSource* data = lazy_.get();
    return data ? data->seasons() : std::vector<SeasonCoverage>{};
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
    const DataSource* data = lazy_.get();
    if (data == nullptr) {
      return lazy_.status();
    }
    return (data->*method)(std::forward<Args>(args)...);
  }

  Lazy<DataSource> lazy_;
};

class LazyResolver : public entity::EntityResolver {
 public:
  explicit LazyResolver(const DataSource& data)
      : lazy_([&data] { return entity::newResolverFromData(data); }) {}

  Result<entity::Resolution> resolvePlayer(std::string_view query,
                                           std::size_t limit) const override {
    const auto* resolver = lazy_.get();
    return resolver ? resolver->resolvePlayer(query, limit)
                    : Result<entity::Resolution>(lazy_.status());
  }
  Result<entity::Resolution> resolveTeam(std::string_view query, std::size_t limit) const override {
    const auto* resolver = lazy_.get();
    return resolver ? resolver->resolveTeam(query, limit)
                    : Result<entity::Resolution>(lazy_.status());
  }
  Result<entity::Resolution> resolve(std::string_view query, std::optional<entity::EntityKind> kind,
                                     std::size_t limit) const override {
    const auto* resolver = lazy_.get();
    return resolver ? resolver->resolve(query, kind, limit)
                    : Result<entity::Resolution>(lazy_.status());
  }
  Result<entity::Resolution> resolveWithoutSuggestions(std::string_view query,
                                                       std::optional<entity::EntityKind> kind,
                                                       std::size_t limit) const override {
    const auto* resolver = lazy_.get();
    return resolver ? resolver->resolveWithoutSuggestions(query, kind, limit)
                    : Result<entity::Resolution>(lazy_.status());
  }
  std::size_t playerCount() const override {
    const auto* resolver = lazy_.get();
    return resolver ? resolver->playerCount() : 0;
  }
  std::size_t teamCount() const override {
    const auto* resolver = lazy_.get();
    return resolver ? resolver->teamCount() : 0;
  }

 private:
  Lazy<entity::EntityResolver> lazy_;
};

}  // namespace

std::unique_ptr<DataSource> newLazyDataSource(
    std::function<Result<std::unique_ptr<DataSource>>()> factory) {
  return std::make_unique<LazyDataSource>(std::move(factory));
}

std::unique_ptr<entity::EntityResolver> newLazyResolver(const DataSource& data) {
  return std::make_unique<LazyResolver>(data);
}

}  // namespace nba::app
