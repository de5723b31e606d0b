#pragma once

#include <doctest/doctest.h>

#include <string>

#include "origin/data_source.h"
#include "origin/snapshot/snapshot_source.h"
#include "support/test_call.h"

namespace nba::testing {

// The embedded snapshot, loaded once for the whole test binary (the source is immutable
// and thread-safe, so sharing it is fine).
inline const DataSource& embeddedSnapshot() {
  static const std::unique_ptr<DataSource> source = [] {
    Result<std::unique_ptr<DataSource>> loaded = newEmbeddedSnapshotSource();
    REQUIRE_MESSAGE(loaded.ok(), loaded.status().message());
    return std::move(loaded).value();
  }();
  return *source;
}

// The stint-0 (season) line of `player_id` in `season`.
inline PlayerSeasonLine seasonLine(const std::string& player_id, int start_year) {
  PlayerSeasonStatsRequest request;
  request.season = Season{start_year};
  request.player_id = player_id;
  request.season_lines_only = true;
  Result<Table<PlayerSeasonLine>> table = embeddedSnapshot().playerSeasonStats(testCall(), request);
  REQUIRE_MESSAGE(table.ok(), table.status().message());
  REQUIRE(table->rows.size() == 1);
  return table->rows.front();
}

}  // namespace nba::testing
