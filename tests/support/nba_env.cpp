#include "support/nba_env.h"

#include <stdexcept>

#include "nba/entity/resolver_from_data.h"
#include "origin/snapshot/snapshot_source.h"

namespace nba::testing {

namespace {

struct SnapshotWorld {
  std::unique_ptr<DataSource> data;
  std::unique_ptr<entity::EntityResolver> resolver;
  FakeClock clock{std::chrono::system_clock::from_time_t(1771761600)};  // 2026-02-22 12:00Z
  std::unique_ptr<tools::ToolEnv> env;

  SnapshotWorld() {
    auto loaded = newEmbeddedSnapshotSource();
    if (!loaded.ok()) {
      throw std::runtime_error(loaded.status().toString());
    }
    data = std::move(loaded).value();
    auto built = entity::newResolverFromData(*data);
    if (!built.ok()) {
      throw std::runtime_error(built.status().toString());
    }
    resolver = std::move(built).value();
    env = std::make_unique<tools::ToolEnv>(tools::ToolEnv{*data, *resolver, clock});
  }
};

}  // namespace

const tools::ToolEnv& snapshotEnv() {
  static const SnapshotWorld world;
  return *world.env;
}

}  // namespace nba::testing
