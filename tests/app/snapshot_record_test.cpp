// `nba-mcp snapshot record` against the fake NBA.com serving recorded 2025-26 responses, and
// the recorded directory loaded back with --snapshot.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/fake_nba_com.h"
#include "support/shared_data.h"
#include "support/subprocess.h"

namespace nba {
namespace {

using nlohmann::json;
using testing::FakeNbaCom;

const std::string kBinary = NBA_MCP_BINARY;
const std::string kSamples = std::string(NBA_MCP_SHARED_DATA_DIR) + "/statsnba-samples/";
constexpr char kBaseFile[] = "leaguedashteamstats__2025-26__RegularSeason__Totals__Base__0.json";

json readJson(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  return json::parse(in);
}

// NBA.com's Advanced and Opponent team tables for 2025-26 were not recorded; made here from the
// recorded Base table (ratings fixed per team, the opponents' shooting mirrored from the team's).
std::pair<json, json> advancedAndOpponent(const json& base) {
  const json& set = base.at("resultSets")[0];
  json advanced_rows = json::array(), opponent_rows = json::array();
  for (const json& row : set.at("rowSet")) {
    advanced_rows.push_back({row[0], 115.5, 112.25, 3.25, 99.5, 0.58, 0.55, 0.13, 0.25, 0.75});
    json opponent = json::array({row[0]});  // {row[0]} alone may copy the number
    for (const char* column : {"PTS", "FGM", "FGA", "FG3M", "FTM", "FTA", "TOV"}) {
      const auto& headers = set.at("headers");
      auto at = std::find(headers.begin(), headers.end(), column) - headers.begin();
      opponent.push_back(row[static_cast<std::size_t>(at)]);
    }
    opponent_rows.push_back(opponent);
  }
  auto response = [](json headers, json rows) {
    return json{{"resultSets",
                 {{{"name", "LeagueDashTeamStats"}, {"headers", headers}, {"rowSet", rows}}}}};
  };
  return {response({"TEAM_ID", "OFF_RATING", "DEF_RATING", "NET_RATING", "PACE", "TS_PCT",
                    "EFG_PCT", "TM_TOV_PCT", "OREB_PCT", "DREB_PCT"},
                   advanced_rows),
          response({"TEAM_ID", "OPP_PTS", "OPP_FGM", "OPP_FGA", "OPP_FG3M", "OPP_FTM", "OPP_FTA",
                    "OPP_TOV"},
                   opponent_rows)};
}

// leaguegamelog with PlayerOrTeam=P, made from the recorded 2025-26 playergamelog of Donovan
// Mitchell (NBA.com's P rows have the same columns, upper-case ids, ISO dates).
json playerRowsLog() {
  const json log = readJson(kSamples + "playergamelog__2025-26__RegularSeason__1628378.json");
  const json& set = log.at("resultSets").at(0);
  std::vector<std::string> headers = set.at("headers").get<std::vector<std::string>>();
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(headers.begin(), headers.end(), name) -
                                    headers.begin());
  };
  const std::size_t date = column("GAME_DATE");
  static const std::vector<std::string> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  json rows = json::array();
  for (json row : set.at("rowSet")) {
    const std::string text = row.at(date);  // "Dec 12, 2025"
    const auto month =
        std::find(kMonths.begin(), kMonths.end(), text.substr(0, 3)) - kMonths.begin() + 1;
    row.at(date) = text.substr(8, 4) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                   text.substr(4, 2);
    rows.push_back(row);
  }
  for (std::string& header : headers) {
    if (header == "Player_ID") header = "PLAYER_ID";
    if (header == "Game_ID") header = "GAME_ID";
  }
  return json{
      {"resultSets",
       json::array({json{{"name", "LeagueGameLog"}, {"headers", headers}, {"rowSet", rows}}})}};
}

void serve2025(FakeNbaCom& fake) {
  REQUIRE(fake.serveFile("/stats/commonallplayers", {},
                         kSamples + "commonallplayers__2025-26__0.json"));
  REQUIRE(fake.serveFile(
      "/stats/leaguedashplayerstats", {{"Season", "2025-26"}},
      kSamples + "leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json"));
  REQUIRE(fake.serveFile("/stats/leaguegamelog", {{"Season", "2025-26"}},
                         kSamples + "leaguegamelog__2025-26__RegularSeason__T.json"));
  fake.serve("/stats/leaguegamelog", {{"Season", "2025-26"}, {"PlayerOrTeam", "P"}},
             playerRowsLog().dump());
  const json base = readJson(kSamples + kBaseFile);
  const auto [advanced, opponent] = advancedAndOpponent(base);
  fake.serve("/stats/leaguedashteamstats", {{"Season", "2025-26"}, {"MeasureType", "Base"}},
             base.dump());
  fake.serve("/stats/leaguedashteamstats", {{"Season", "2025-26"}, {"MeasureType", "Advanced"}},
             advanced.dump());
  fake.serve("/stats/leaguedashteamstats", {{"Season", "2025-26"}, {"MeasureType", "Opponent"}},
             opponent.dump());
}

std::vector<std::string> recordCommand(const FakeNbaCom& fake, const std::string& out) {
  return {kBinary,
          "snapshot",
          "record",
          "--season",
          "2025-26",
          "--out",
          out,
          "--nba-stats-url",
          fake.statsUrl(),
          "--nba-min-interval-ms",
          "0",
          "--fixed-time",
          "2026-02-22T12:00:00Z"};
}

TEST_CASE("snapshot record: a season from NBA.com, loadable with --snapshot") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serve2025(fake);
  const auto out = std::filesystem::temp_directory_path() / "nba_snapshot_record_test";
  std::filesystem::remove_all(out);
  testing::Subprocess recorder(recordCommand(fake, out.string()));
  REQUIRE(recorder.wait(std::chrono::seconds(60)) == 0);
  const std::string log = recorder.stderrText();
  INFO(log);
  for (const char* line :
       {"snapshot record: teams: 30 rows", "snapshot record: players",
        "snapshot record: player_season_lines 2025-26: 535 rows",
        "snapshot record: team_season_lines 2025-26: 30 rows",
        "snapshot record: games 2025-26: 844 rows",
        "snapshot record: player_game_logs 2025-26: 53 rows",
        "Asking stats.nba.com leaguedashteamstats Advanced 2025-26", "awards: not recorded"}) {
    CHECK_MESSAGE(log.find(line) != std::string::npos, line);
  }

  const auto leaders = testing::runCommand(
      {kBinary, "--origin", "snapshot", "--snapshot", out.string(), "--fixed-time",
       "2026-02-22T12:00:00Z", "call", "get_league_leaders", R"({"stat":"points","limit":2})"});
  const std::string& text = leaders.second;
  INFO(text);
  CHECK(leaders.first == 0);
  CHECK(text.find("Luka Dončić leads the NBA with 33.0 points per game in 2025-26") !=
        std::string::npos);
  // Standings are derived from the recorded games: Detroit 42-13, as NBA.com's table has it.
  const auto east = testing::runCommand({kBinary, "--origin", "snapshot", "--snapshot",
                                         out.string(), "--fixed-time", "2026-02-22T12:00:00Z",
                                         "call", "get_team_standings", R"({"conference":"East"})"});
  const std::string& standings = east.second;
  INFO(standings);
  CHECK(east.first == 0);
  CHECK(standings.find("| 1 | Detroit Pistons | 42 | 13 |") != std::string::npos);
  // Game logs from the one leaguegamelog request: Mitchell's 48 at Washington on 2025-12-12.
  const auto mitchell = testing::runCommand(
      {kBinary, "--origin", "snapshot", "--snapshot", out.string(), "--fixed-time",
       "2026-02-22T12:00:00Z", "call", "get_player_game_log",
       R"({"player":"Donovan Mitchell","season":"2025-26","last_n":82})", "--json"});
  INFO(mitchell.second);
  REQUIRE(mitchell.first == 0);
  const json games = json::parse(mitchell.second).at("structuredContent").at("games");
  CHECK(games.size() == 53);
  const auto best = std::find_if(games.begin(), games.end(),
                                 [](const json& game) { return game.at("pts") == 48; });
  REQUIRE(best != games.end());
  CHECK(best->at("date") == "2025-12-12");
  CHECK(best->at("opponent") == "WAS");
  std::filesystem::remove_all(out);
}

TEST_CASE("snapshot record: NBA.com failing writes nothing and says why") {
  FakeNbaCom fake;
  fake.fail("", {testing::FakeFault::kForbidden, {}, -1});
  const auto out = std::filesystem::temp_directory_path() / "nba_snapshot_record_fail_test";
  std::filesystem::remove_all(out);
  testing::Subprocess recorder(recordCommand(fake, out.string()));
  CHECK(recorder.wait(std::chrono::seconds(30)) == 1);
  const std::string log = recorder.stderrText();
  CHECK(log.find("nothing written: stats.nba.com commonallplayers 2025-26 answered HTTP 403") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace nba
