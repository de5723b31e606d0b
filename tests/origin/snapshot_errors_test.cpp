#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "origin/snapshot/embedded_snapshot.h"
#include "origin/snapshot/snapshot_source.h"

namespace nba {
namespace {

// A copy of the embedded snapshot's files, to damage one at a time.
std::vector<std::pair<std::string, std::string>> snapshotCopy() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& f : embeddedSnapshotFiles()) {
    files.emplace_back(std::string(f.path), std::string(f.data));
  }
  return files;
}

Status load(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<EmbeddedFile> views;
  for (const auto& [path, text] : files) {
    views.push_back({path, text});
  }
  Result<std::unique_ptr<DataSource>> source = newSnapshotSource(views, "test snapshot");
  return source.ok() ? Status::ok() : source.status();
}

std::string& fileText(std::vector<std::pair<std::string, std::string>>& files,
                      const std::string& name) {
  for (auto& [path, text] : files) {
    if (path == name) {
      return text;
    }
  }
  FAIL("no file " << name);
  static std::string none;
  return none;
}

TEST_CASE("the embedded snapshot has every table and loads") {
  CHECK(embeddedSnapshotFiles().size() == 8);
  CHECK(load(snapshotCopy()).isOk());
}

TEST_CASE("a missing table fails naming it") {
  auto files = snapshotCopy();
  std::erase_if(files, [](const auto& f) { return f.first == "players.tsv"; });
  const Status status = load(files);
  CHECK(status.code() == StatusCode::kNotFound);
  CHECK(status.message() == "test snapshot is missing players.tsv");
}

TEST_CASE("a row with a wrong column count fails naming file and line") {
  auto files = snapshotCopy();
  std::string& players = fileText(files, "players.tsv");
  // Drop the last field of line 12.
  std::size_t pos = 0;
  for (int line = 1; line < 12; ++line) {
    pos = players.find('\n', pos) + 1;
  }
  const std::size_t end = players.find('\n', pos);
  const std::size_t last_tab = players.rfind('\t', end);
  players.erase(last_tab, end - last_tab);
  const Status status = load(files);
  CHECK(status.code() == StatusCode::kDataLoss);
  CHECK(status.message() == "players.tsv:12: expected 15 columns, got 14");
}

TEST_CASE("an unreadable value fails naming file, line and column") {
  auto files = snapshotCopy();
  std::string& games = fileText(files, "games.tsv");
  const std::size_t line2 = games.find('\n') + 1;
  std::size_t field = line2;
  for (int i = 0; i < 5; ++i) {
    field = games.find('\t', field) + 1;  // start of home_pts (6th column)
  }
  games.replace(field, games.find('\t', field) - field, "1o2");
  const Status status = load(files);
  CHECK(status.message() == "games.tsv:2: column 'home_pts' (6): expected an integer, got '1o2'");
}

TEST_CASE("a changed header fails naming the column") {
  auto files = snapshotCopy();
  std::string& teams = fileText(files, "teams.tsv");
  teams.replace(0, 4, "abbv");
  CHECK(load(files).message() == "teams.tsv:1: expected column 'abbr' (1), got 'abbv'");
}

TEST_CASE("a snapshot directory: loads, and a missing table or dir is named") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "nba_snapshot_errors_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [path, text] : snapshotCopy()) {
    std::ofstream(dir / path, std::ios::binary) << text;
  }
  CHECK(newSnapshotSourceFromDirectory(dir.string()).ok());
  std::filesystem::remove(dir / "games.tsv");
  Result<std::unique_ptr<DataSource>> broken = newSnapshotSourceFromDirectory(dir.string());
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message() == "snapshot dir " + dir.string() + " is missing games.tsv");
  std::filesystem::remove_all(dir);
  CHECK(newSnapshotSourceFromDirectory(dir.string()).status().code() == StatusCode::kNotFound);
}

}  // namespace
}  // namespace nba
