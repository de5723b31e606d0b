#include "app/lazy_sources.h"

#include <chrono>
#include <mutex>
#include <string>

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

// What the resolver was built from: the player index's source, date and size. The live
// origin fetches its index again every 12 h (new signings), and under auto an index from the
// snapshot (NBA.com was down) is replaced by NBA.com's once it answers.
Result<std::string> playerIndexKey(const DataSource& data, const CallContext& context) {
  auto players = data.players(context);
  if (!players.ok()) return players.status();
  return players->meta.source + "|" + players->meta.as_of + "|" +
         std::to_string(players->rows.size());
}

class LazyResolver : public entity::EntityResolver {
 public:
  // How often a call looks whether the player index changed.
  static constexpr std::chrono::minutes kRecheck{5};

  LazyResolver(const DataSource& data, const Clock& clock)
      : data_(data), clock_(clock), first_([this] { return build(); }, clock) {}

  Result<entity::Resolution> resolvePlayer(std::string_view query,
                                           std::size_t limit) const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->resolvePlayer(query, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  Result<entity::Resolution> resolveTeam(std::string_view query, std::size_t limit) const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->resolveTeam(query, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  Result<entity::Resolution> resolve(std::string_view query, std::optional<entity::EntityKind> kind,
                                     std::size_t limit) const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->resolve(query, kind, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  Result<entity::Resolution> resolveWithoutSuggestions(std::string_view query,
                                                       std::optional<entity::EntityKind> kind,
                                                       std::size_t limit) const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->resolveWithoutSuggestions(query, kind, limit)
                         : Result<entity::Resolution>(resolver.status());
  }
  std::optional<entity::Candidate> findById(std::string_view id,
                                            std::optional<entity::EntityKind> kind) const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->findById(id, kind) : std::nullopt;
  }
  Status availability() const override { return current().status(); }
  std::size_t playerCount() const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->playerCount() : 0;
  }
  std::size_t teamCount() const override {
    auto resolver = current();
    return resolver.ok() ? resolver.value()->teamCount() : 0;
  }

 private:
  using Shared = std::shared_ptr<const entity::EntityResolver>;

  // Built for whichever call comes first, but on the server's own behalf: that call's
  // cancellation must not leave every later call without names.
  CallContext background() const { return CallContext(clock_, Caller::kBackground); }

  // The first resolver (through first_, with its backoff on failure), with its index key.
  Result<std::unique_ptr<entity::EntityResolver>> build() const {
    auto key = playerIndexKey(data_, background());
    auto built = entity::newResolverFromData(data_, background());
    if (built.ok()) {
      std::lock_guard lock(mutex_);
      key_ = key.ok() ? key.value() : "";
    }
    return built;
  }

  // The resolver to use now. At most once per kRecheck one call (the others go on with the
  // one they have) compares the index with the one the resolver was built from, and builds
  // a new resolver when it changed; calls in flight keep the old one alive.
  Result<Shared> current() const {
    bool check = false;
    {
      std::lock_guard lock(mutex_);
      if (latest_) {
        const auto now = clock_.monotonicNow();
        if (now < next_check_) return latest_;
        next_check_ = now + kRecheck;
        check = true;
      }
    }
    if (!check) {
      auto first = first_.get();
      if (!first.ok()) return first.status();
      std::lock_guard lock(mutex_);
      if (!latest_) {
        latest_ = Shared(first.value(), [](const entity::EntityResolver*) {});  // first_ owns it
        next_check_ = clock_.monotonicNow() + kRecheck;
      }
      return latest_;
    }
    refreshIfChanged();
    std::lock_guard lock(mutex_);
    return latest_;
  }

  void refreshIfChanged() const {
    auto key = playerIndexKey(data_, background());
    {
      std::lock_guard lock(mutex_);
      if (!key.ok() || key.value() == key_) return;  // unchanged, or unknown: keep what works
    }
    auto built = entity::newResolverFromData(data_, background());
    if (!built.ok()) return;
    std::lock_guard lock(mutex_);
    latest_ = Shared(std::move(built).value());
    key_ = key.value();
  }

  const DataSource& data_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  mutable Shared latest_;
  mutable std::string key_;
  mutable std::chrono::steady_clock::time_point next_check_{};
  Lazy<entity::EntityResolver> first_;  // declared last: its factory uses the members above
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
