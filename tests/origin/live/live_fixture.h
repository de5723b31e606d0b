#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "origin/live/team_directory.h"
#include "origin/snapshot_fixture.h"

namespace nba::testing {

// The 30 franchises, as the app gives them to the live source (from the snapshot).
inline const live::TeamDirectory& franchises() {
  static const live::TeamDirectory directory = [] {
    auto teams = embeddedSnapshot().teams(testCall());
    REQUIRE(teams.ok());
    return live::TeamDirectory(std::vector<Team>(teams->rows.begin(), teams->rows.end()));
  }();
  return directory;
}

inline std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A recorded stats.nba.com response from ../shared/data/statsnba-samples.
inline nlohmann::json recordedResponse(const std::string& file) {
  const std::string path = std::string(NBA_MCP_SHARED_DATA_DIR) + "/statsnba-samples/" + file;
  auto parsed = nlohmann::json::parse(readText(path), nullptr, false);
  REQUIRE_MESSAGE(!parsed.is_discarded(), path);
  return parsed;
}

// A minimal stats.nba.com response: one result set.
inline nlohmann::json statsResponse(const std::string& set_name, nlohmann::json headers,
                                    nlohmann::json rows) {
  return {
      {"resource", "test"},
      {"resultSets",
       nlohmann::json::array(
           {{{"name", set_name}, {"headers", std::move(headers)}, {"rowSet", std::move(rows)}}})}};
}

}  // namespace nba::testing
