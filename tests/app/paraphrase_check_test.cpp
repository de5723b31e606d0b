// The blind paraphrase suite's fact matching (app/golden/paraphrase_check.h): format-free, but
// never a match inside another word or number.
#include "app/golden/paraphrase_check.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace nba {
namespace {

using app::containsFact;

TEST_CASE("paraphrase facts: case, accents and punctuation do not matter") {
  CHECK(containsFact("| 1 | Nikola Jokić | DEN | 29.6 |", "Jokic"));
  CHECK(containsFact("Alperen Şengün led", "sengun"));
  CHECK(containsFact("Shai Gilgeous-Alexander scored", "Gilgeous-Alexander"));
  CHECK(containsFact("Boston went 61–21.", "61-21"));
  CHECK(containsFact("shot 51.9% from the field", "51.9"));
  CHECK(containsFact("FG% .519", "51.9"));  // basketball-reference's way of writing it
  CHECK(containsFact("in 2024-25 (as of 2025-04-13)", "2024-25"));
  CHECK(containsFact("had 2,484 points", "2484"));
}

TEST_CASE("paraphrase facts: whole words and numbers only") {
  CHECK_FALSE(containsFact("scored 132.7 points", "32.7"));
  CHECK_FALSE(containsFact("scored 32.75", "32.7"));
  CHECK_FALSE(containsFact("Naz Reidy", "Reid"));
  CHECK_FALSE(containsFact("went 61-22", "61-21"));
  CHECK_FALSE(containsFact("Jalen Williams", "Jaylin Williams"));
  CHECK_FALSE(containsFact("points, 484 rebounds", "2484"));  // a list's comma still parts
}

TEST_CASE("paraphrase suite: accuracy per capability, and a floor that fails the check") {
  const std::string path = std::filesystem::temp_directory_path() / "nba-mcp-paraphrases.json";
  {
    std::ofstream out(path);
    out << R"({"fixed_time": "2025-04-14T12:00:00Z", "min_accuracy": 0.9, "cases": [
      {"id": "x1", "capability": "leaders", "question": "who scored the most points per game",
       "expect": "answered", "facts": ["Gilgeous-Alexander", "32.7"]},
      {"id": "x2", "capability": "leaders", "question": "top rebounder this season",
       "expect": "answered", "facts": ["Sabonis", "13.9"]},
      {"id": "x3", "capability": "planted", "question": "who led the league in assists",
       "expect": "answered", "facts": ["Trae Young", "99.9"]}]})";
  }
  app::Config config;
  config.log_level = "off";
  auto report = app::checkParaphrases(path, config);
  REQUIRE(report.ok());
  CHECK(report->cases == 3);
  REQUIRE(report->failures.size() == 1);  // the planted wrong figure
  CHECK(report->failures[0].id == "x3");
  CHECK(report->failures[0].problems == std::vector<std::string>{"missing fact: 99.9"});
  CHECK(report->by_capability.at("leaders").passed == 2);
  CHECK(report->by_capability.at("planted").passed == 0);
  CHECK(report->accuracy() < report->min_accuracy);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace nba
