#include "support/nba_env.h"

#include <ctime>
#include <stdexcept>

#include "nba/entity/resolver_from_data.h"
#include "origin/known_seasons_view.h"
#include "origin/snapshot/snapshot_source.h"

namespace nba::testing {

namespace {

const DataSource& embeddedSnapshot() {
  static const std::unique_ptr<DataSource> data = [] {
    auto loaded = newEmbeddedSnapshotSource();
    if (!loaded.ok()) {
      throw std::runtime_error(loaded.status().toString());
    }
    return std::move(loaded).value();
  }();
  return *data;
}

// The snapshot as the server wires it: seen through the known-seasons view at `clock`.
struct SnapshotWorld {
  FakeClock clock;
  std::unique_ptr<DataSource> data;
  std::unique_ptr<entity::EntityResolver> resolver;
  CallContext call;
  std::unique_ptr<tools::ToolEnv> env;

  explicit SnapshotWorld(std::time_t wall)
      : clock(std::chrono::system_clock::from_time_t(wall)),
        data(newKnownSeasonsView(embeddedSnapshot(), clock)),
        call(clock, Caller::kCommandLine) {
    auto built = entity::newResolverFromData(*data, call);
    if (!built.ok()) {
      throw std::runtime_error(built.status().toString());
    }
    resolver = std::move(built).value();
    env = std::make_unique<tools::ToolEnv>(tools::ToolEnv{*data, *resolver, clock, call});
  }
};

}  // namespace

const tools::ToolEnv& snapshotEnv() {
  static const SnapshotWorld world(1771761600);  // 2026-02-22T12:00:00Z
  return *world.env;
}

const tools::ToolEnv& snapshotEnvAtGoldenClock() {
  static const SnapshotWorld world(1744632000);  // 2025-04-14T12:00:00Z
  return *world.env;
}

}  // namespace nba::testing
