#include "origin/snapshot/snapshot_writer.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "origin/snapshot/embedded_snapshot.h"
#include "snapshot_fixture.h"

namespace nba::snapshot {
namespace {

SnapshotTables parseFiles(const std::map<std::string, std::string>& files) {
  std::map<std::string, std::string_view> views(files.begin(), files.end());
  auto tables = parseSnapshotTables(views, "written snapshot");
  REQUIRE_MESSAGE(tables.ok(), tables.status().message());
  return std::move(tables).value();
}

SnapshotTables embeddedTables() {
  std::map<std::string, std::string_view> views;
  for (const EmbeddedFile& file : embeddedSnapshotFiles()) views.emplace(file.path, file.data);
  auto tables = parseSnapshotTables(views, "embedded snapshot");
  REQUIRE(tables.ok());
  return std::move(tables).value();
}

TEST_CASE("snapshot writer: what it writes reads back the same, every table") {
  const SnapshotTables original = embeddedTables();
  const auto written = formatSnapshotTables(original);
  CHECK(written.size() == 8);
  const SnapshotTables again = parseFiles(written);
  CHECK(again.meta.size() == original.meta.size());
  CHECK(again.players.size() == original.players.size());
  CHECK(again.player_lines.size() == original.player_lines.size());
  CHECK(again.team_lines.size() == original.team_lines.size());
  CHECK(again.games.size() == original.games.size());
  CHECK(again.awards.size() == original.awards.size());
  CHECK(again.game_logs.size() == original.game_logs.size());
  CHECK(formatSnapshotTables(again) == written);  // a fixed point: nothing lost or rounded
  for (std::size_t i = 0; i < original.player_lines.size(); ++i) {
    const auto& a = original.player_lines[i];
    const auto& b = again.player_lines[i];
    REQUIRE(a.player_id == b.player_id);
    CHECK(a.teams == b.teams);
    CHECK(a.pts_pg == b.pts_pg);
    CHECK(a.ts_pct == b.ts_pct);
    CHECK(a.gs == b.gs);
  }
  for (std::size_t i = 0; i < original.team_lines.size(); ++i) {
    CHECK(original.team_lines[i].srs == again.team_lines[i].srs);
    CHECK(original.team_lines[i].opp_ft_fga == again.team_lines[i].opp_ft_fga);
  }
  for (std::size_t i = 0; i < original.games.size(); ++i) {
    CHECK(original.games[i].kind == again.games[i].kind);
  }
}

TEST_CASE("snapshot writer: a written directory loads with --snapshot's loader") {
  const auto dir = std::filesystem::temp_directory_path() / "nba_snapshot_writer_test";
  std::filesystem::remove_all(dir);
  REQUIRE(writeSnapshotDirectory(dir.string(), embeddedTables()).isOk());
  auto source = newSnapshotSourceFromDirectory(dir.string());
  REQUIRE_MESSAGE(source.ok(), source.status().message());
  PlayerSeasonStatsRequest request;
  request.season = Season{2024};
  request.player_id = "1628983";
  request.season_lines_only = true;
  auto sga = source.value()->playerSeasonStats(testing::testCall(), request);
  REQUIRE(sga.ok());
  CHECK(sga->rows.front().pts_pg == doctest::Approx(32.7));
  CHECK(sga->rows.front().pts == 2484);
  std::filesystem::remove_all(dir);
}

TEST_CASE("snapshot writer: a TAB or a line break from upstream cannot break a record") {
  SnapshotTables tables = embeddedTables();
  tables.players.front().name = "Evil\tName\nWith breaks";
  const SnapshotTables again = parseFiles(formatSnapshotTables(tables));
  CHECK(again.players.front().name == "Evil Name With breaks");
}

TEST_CASE("snapshot writer: an unwritable directory is a clear error") {
  auto status = writeSnapshotDirectory("/proc/nba-mcp-cannot-write-here", embeddedTables());
  CHECK(status.code() == StatusCode::kUnavailable);
  CHECK(status.message().find("/proc/nba-mcp-cannot-write-here") != std::string::npos);
}

}  // namespace
}  // namespace nba::snapshot
