#include "snapshot_builder.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "build_inputs.h"
#include "meta_facts.h"
#include "name_key.h"
#include "source_dates.h"
#include "support/shared_data.h"
#include "team_directory.h"

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

TEST_CASE("source dates: NBA.com month text and day arithmetic across months") {
  CHECK(isoDateFromNbaText("APR 09, 2024") == "2024-04-09");
  CHECK(isoDateFromNbaText("Feb 20, 2026") == "2026-02-20");
  CHECK(isoDateFromNbaText("2026-02-20") == "");
  CHECK(addDays("2026-02-21", 4) == "2026-02-25");
  CHECK(addDays("2026-03-01", -1) == "2026-02-28");
  CHECK(addDays("2024-02-28", 1) == "2024-02-29");
  CHECK(addDays("not a date", 1) == "");
}

TEST_CASE("meta dates and counts are derived from the reference data, not written by hand") {
  const std::string data = NBA_MCP_SHARED_DATA_DIR;
  if (!nba::testing::sharedDataAvailable(data)) {
    return;
  }
  Result<BuildInputs> in = loadBuildInputs(data);
  REQUIRE(in.ok());
  Result<TeamDirectory> teams = TeamDirectory::fromCsv(in->teams);
  REQUIRE(teams.ok());
  Result<MetaFacts> facts = deriveMetaFacts(*in, *teams);
  REQUIRE_MESSAGE(facts.ok(), facts.status().message());
  CHECK(facts->last_game_date.at(2023) == "2024-04-14");
  CHECK(facts->last_game_date.at(2024) == "2025-04-13");
  CHECK(facts->last_game_date.at(2025) == "2026-02-21");
  CHECK(facts->game_log_players == 522);       // distinct Player_ID in the StatsChef logs
  CHECK(facts->neutral_site_games_2025 == 5);  // game_type regular_season_neutral_site
  // PHI-MEM 2024-11-02, BKN-SAS 2024-12-27, BKN-PHX 2025-01-22, MEM-UTA 2025-01-25.
  CHECK(facts->corrected_scores_2024 == 4);
  // bbref's 2025-26 lines count 2 (LAC: 58 vs 56) to 4 (e.g. CLE: 61 vs 57) games more than
  // the games table; CLE's next games (playernextngames) are 02-22, 02-24, 02-25, 02-27 and
  // 03-01, so its line runs through 02-27 and stops before 03-01.
  CHECK(facts->team_lines_as_of_2025 == "2026-02-27");
  CHECK(facts->team_lines_note_2025.find("2 to 4 more games") != std::string::npos);
  CHECK(facts->team_lines_note_2025.find("at least 2026-02-27 and at most 2026-02-28") !=
        std::string::npos);
}

TEST_CASE("a missing data dir fails with the file it needed") {
  Result<BuildReport> report = buildSnapshot("/nonexistent-data-dir", "/tmp/unused");
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().message() == "cannot open /nonexistent-data-dir/derived/teams.csv");
}

}  // namespace
}  // namespace nba::builder
