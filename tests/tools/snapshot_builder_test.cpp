#include "snapshot_builder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "name_key.h"
#include "support/shared_data.h"

namespace nba::builder {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST_CASE("name keys ignore accents, case, punctuation and suffixes") {
  CHECK(nameKey("Nikola Jokić") == nameKey("Nikola Jokic"));
  CHECK(nameKey("Luka Dončić") == "luka doncic");
  CHECK(nameKey("Alperen Şengün") == "alperen sengun");
  CHECK(nameKey("Jonas Valančiūnas") == "jonas valanciunas");
  CHECK(nameKey("Jimmy Butler III") == "jimmy butler");
  CHECK(nameKey("Jaren Jackson Jr.") == "jaren jackson");
  CHECK(nameKey("A.J. Green") == nameKey("AJ Green"));
  CHECK(nameKey("Shai Gilgeous-Alexander") == "shai gilgeous alexander");
  CHECK(nameKey("Egor Dёmin") == nameKey("Egor Dëmin"));  // Cyrillic ё in one source
  CHECK(sortedNameKey("Cui Yongxi") == sortedNameKey("Yongxi Cui"));
  CHECK(nameKey("") == "");
}

TEST_CASE("the committed golden/snapshot is what the builder makes from ../shared/data") {
  const std::filesystem::path data = NBA_MCP_SHARED_DATA_DIR;
  if (!nba::testing::sharedDataAvailable(data.string())) {
    return;
  }
  const std::filesystem::path out =
      std::filesystem::temp_directory_path() / "nba_snapshot_builder_test";
  std::filesystem::remove_all(out);
  Result<BuildReport> report = buildSnapshot(data.string(), out.string());
  REQUIRE_MESSAGE(report.ok(), report.status().message());
  // Every distinct bbref slug in the 2023-24, 2024-25 and 2025-26 files; two of them have no
  // NBA.com person in the data (players.tsv keeps them as bbref:cuiyo01, bbref:nelsogr02).
  CHECK(report->bbref_players == 780);
  REQUIRE(report->unmatched.size() == 2);
  std::vector<std::string> unmatched = report->unmatched;
  std::sort(unmatched.begin(), unmatched.end());
  CHECK(unmatched[0].rfind("Cui Yongxi (cuiyo01", 0) == 0);
  CHECK(unmatched[1].rfind("Grant Nelson (nelsogr02", 0) == 0);

  const std::filesystem::path committed =
      std::filesystem::path(NBA_MCP_SOURCE_DIR) / "golden" / "snapshot";
  std::size_t compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(out)) {
    const std::string name = entry.path().filename().string();
    CAPTURE(name);
    CHECK_MESSAGE(slurp(entry.path()) == slurp(committed / name),
                  "golden/snapshot/" << name << " is out of date: run nba-snapshot-builder "
                                     << "--data ../shared/data --out golden/snapshot");
    ++compared;
  }
  CHECK(compared == 9);  // 8 tables + README.md
  // Twice gives the same bytes.
  const std::filesystem::path again = out.string() + "_again";
  REQUIRE(buildSnapshot(data.string(), again.string()).ok());
  CHECK(slurp(again / "players.tsv") == slurp(out / "players.tsv"));
  std::filesystem::remove_all(out);
  std::filesystem::remove_all(again);
}

TEST_CASE("a missing data dir fails with the file it needed") {
  Result<BuildReport> report = buildSnapshot("/nonexistent-data-dir", "/tmp/unused");
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().message() == "cannot open /nonexistent-data-dir/derived/teams.csv");
}

}  // namespace
}  // namespace nba::builder
