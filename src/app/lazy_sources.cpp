#include "app/lazy_sources.h"

#include "app/lazy.h"
#include "nba/entity/resolver_from_data.h"
#include "origin/forwarding_data_source.h"

namespace nba::app {
namespace {

class LazyDataSource final : public ForwardingDataSource {
 public:
  LazyDataSource(std::function<Result<std::unique_ptr<DataSource>>()> factory, const Clock& clock)
      : lazy_(std::move(factory), clock) {}

 protected:
  Result<const DataSource*> target(const CallContext&) const override { return lazy_.get(); }

 private:
  Lazy<DataSource> lazy_;
};

class LazyResolver : public entity::EntityResolver {
 public:
  LazyResolver(const DataSource& data, const Clock& clock)
      : lazy_(
            [&data, &clock] {
              // Built for whichever call comes first, but on the server's own behalf: that
              // call's cancellation must not leave every later call without names.
              return entity::newResolverFromData(data, CallContext(clock, Caller::kBackground));
            },
            clock) {}

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
