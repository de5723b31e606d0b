// The real binary with --origin live and --origin auto against the fake NBA.com (recorded
// 2025-26 responses), and against an NBA.com that cannot be reached.
#include <doctest/doctest.h>
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "origin/live/schedule_fixture.h"
#include "support/fake_nba_com.h"
#include "support/shared_data.h"
#include "support/subprocess.h"

namespace nba {
namespace {

using nlohmann::json;
using testing::FakeNbaCom;
using testing::runCommand;

const std::string kBinary = NBA_MCP_BINARY;
const std::string kSamples = std::string(NBA_MCP_SHARED_DATA_DIR) + "/statsnba-samples/";

// The fake serving the recorded 2025-26 responses the leaders need.
void serveRecorded2025(FakeNbaCom& fake) {
  REQUIRE(fake.serveFile("/stats/commonallplayers", {},
                         kSamples + "commonallplayers__2025-26__0.json"));
  REQUIRE(fake.serveFile("/stats/playerindex", {{"Season", "2025-26"}},
                         kSamples + "playerindex__2025-26.json"));
  REQUIRE(fake.serveFile(
      "/stats/leaguedashplayerstats", {{"Season", "2025-26"}, {"MeasureType", "Base"}},
      kSamples + "leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json"));
  REQUIRE(fake.serveFile("/stats/leaguegamelog", {{"Season", "2025-26"}},
                         kSamples + "leaguegamelog__2025-26__RegularSeason__T.json"));
  REQUIRE(fake.serveFile("/stats/leaguestandingsv3", {{"Season", "2025-26"}},
                         kSamples + "leaguestandingsv3__2025-26__RegularSeason.json"));
}

std::vector<std::string> liveCommand(const FakeNbaCom& fake, std::vector<std::string> tail,
                                     const std::string& fixed_time = "2026-02-22T12:00:00Z") {
  std::vector<std::string> argv = {kBinary,
                                   "--origin",
                                   "live",
                                   "--nba-stats-url",
                                   fake.statsUrl(),
                                   "--nba-cdn-url",
                                   fake.cdnUrl(),
                                   "--nba-min-interval-ms",
                                   "0",
                                   "--fixed-time",
                                   fixed_time};
  argv.insert(argv.end(), tail.begin(), tail.end());
  return argv;
}

std::string requestLog(const FakeNbaCom& fake) {
  std::string log;
  for (const auto& request : fake.requests()) log += request.path + "\n";
  return log;
}

// Initializes a 2025-06-18 session with a started server.
void initialize(testing::Subprocess& server) {
  server.writeLine(
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})");
  const json reply = server.readJson();
  INFO(reply.dump(), server.stderrText());
  REQUIRE(reply.contains("result"));
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
}

// Sends a tools/call with a progress token; returns the progress messages, then the reply.
std::pair<std::vector<std::string>, json> callWithProgress(testing::Subprocess& server,
                                                           const std::string& tool,
                                                           const json& arguments) {
  server.writeLine(json{
      {"jsonrpc", "2.0"},
      {"id", 7},
      {"method", "tools/call"},
      {"params", {{"name", tool}, {"arguments", arguments}, {"_meta", {{"progressToken", "p7"}}}}}}
                       .dump());
  std::vector<std::string> messages;
  double last = 0;
  while (true) {
    const json line = server.readJson();
    if (line.value("method", "") != "notifications/progress") return {messages, line};
    CHECK(line.at("params").at("progressToken") == "p7");
    const double progress = line.at("params").at("progress");
    CHECK(progress > last);  // increasing, as the spec requires
    last = progress;
    messages.push_back(line.at("params").value("message", ""));
  }
}

TEST_CASE("binary --origin live: the leaders come from NBA.com's figures") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  const auto [code, out_text] = runCommand(liveCommand(
      fake, {"call", "get_league_leaders", R"({"stat":"points","limit":3})", "--json"}));
  const std::string out = out_text;  // INFO captures by reference; a structured binding cannot be
  INFO(out, requestLog(fake));
  REQUIRE(code == 0);
  const json result = json::parse(out);
  const json& leaders = result.at("structuredContent").at("leaders");
  REQUIRE(leaders.size() == 3);
  CHECK(leaders[0].at("player") == "Luka Dončić");
  CHECK(leaders[0].at("value") == doctest::Approx(33.0));
  CHECK(leaders[1].at("player") == "Shai Gilgeous-Alexander");
  CHECK(leaders[1].at("value") == doctest::Approx(31.8));
  CHECK(result.at("structuredContent").at("source") == "live");
  CHECK(result.at("_meta").at("dev.nbamcp/source") == "live");
  CHECK(result.at("_meta").at("dev.nbamcp/as_of") == "2026-02-22");
  CHECK(fake.requestCount("/stats/leaguedashplayerstats") >= 1);
}

TEST_CASE("binary --origin live: the schedule shows the games still to come") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  fake.serve(testing::kSchedulePath, {}, testing::schedule2025().dump());
  const auto [code, out_text] = runCommand(liveCommand(
      fake, {"call", "get_schedule", R"({"team":"Celtics","date_from":"2026-02-15"})", "--json"}));
  const std::string out = out_text;
  INFO(out, requestLog(fake));
  REQUIRE(code == 0);
  const json result = json::parse(out);
  const json& schedule = result.at("structuredContent");
  const json& games = schedule.at("games");
  REQUIRE(games.size() == 3);
  // Played, from leaguegamelog: the real 2026-02-19 result.
  CHECK(games[0].at("date") == "2026-02-19");
  CHECK(games[0].at("status") == "Final");
  CHECK(games[0].at("result") == "W");
  CHECK(games[0].at("away_pts") == 121);
  // Under way and ahead, from the cdn schedule.
  CHECK(games[1].at("status") == "In progress");
  CHECK(games[1].at("status_text") == "Q3 5:12");
  CHECK(games[1].at("home_pts") == 70);
  CHECK(games[1].at("winner").is_null());
  CHECK(games[2].at("status") == "Scheduled");
  CHECK(games[2].at("opponent") == "MIA");
  CHECK(games[2].at("home_game") == false);
  CHECK(games[2].at("start_utc") == "2026-02-25T00:30:00Z");
  CHECK_FALSE(games[2].contains("result"));
  CHECK(schedule.at("total") == 3);
  CHECK(schedule.at("note").get<std::string>().find("NBA.com's season schedule") !=
        std::string::npos);
  const std::string text = result.at("content").at(0).at("text");
  CHECK(text.find("The Boston Celtics played 1 game in 2025-26 from 2026-02-15; the 1 shown went "
                  "1-0, and 2 are still to come or under way.") != std::string::npos);
  CHECK(text.find("| 2026-02-24 | @ Miami Heat | 7:30 pm ET |") != std::string::npos);
}

TEST_CASE("binary --origin live: a player's awards come from playerawards") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  REQUIRE(fake.serveFile("/stats/playerawards", {{"PlayerID", "1628378"}},
                         kSamples + "playerawards__1628378.json"));
  REQUIRE(fake.serveFile("/stats/playercareerstats", {{"PlayerID", "1628378"}},
                         kSamples + "playercareerstats__Totals__1628378.json"));
  const auto [code, out_text] = runCommand(
      liveCommand(fake, {"call", "get_awards", R"({"player":"Donovan Mitchell"})", "--json"}));
  const std::string out = out_text;
  INFO(out, requestLog(fake));
  REQUIRE(code == 0);
  const json result = json::parse(out);
  const json& entries = result.at("structuredContent").at("entries");
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].at("season") == "2017-18");
  CHECK(entries[0].at("award") == "ALL_ROOKIE_1");
  CHECK(entries[0].at("team") == "UTA");
  CHECK(entries[2].at("season") == "2024-25");
  CHECK(entries[2].at("award") == "ALL_NBA_1");
  CHECK(entries[2].at("team") == "CLE");
  CHECK(result.at("structuredContent").at("source") == "live");
  const std::string text = result.at("content").at(0).at("text");
  CHECK(text.find("Donovan Mitchell has 3 award entries") != std::string::npos);
  CHECK(text.find("24 other honours (All-Star, Player of the Week or Month, …) not shown") !=
        std::string::npos);
  // A season's awards are not NBA.com's to list: a clear error, not a wrong answer.
  testing::Subprocess league(
      liveCommand(fake, {"call", "get_awards", R"({"award":"MVP","season":"2024-25"})"}));
  CHECK(league.wait() == 1);
  const std::string err = league.stderrText();
  INFO(err);
  CHECK(err.find("NBA.com lists awards only player by player") != std::string::npos);
}

// A live game log owns its rows (the snapshot lends them): the rows shown must keep them
// alive, which AddressSanitizer checks in CI.
TEST_CASE("binary --origin live: a player's last games come from playergamelog, newest first") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  REQUIRE(fake.serveFile("/stats/playergamelog", {{"PlayerID", "1628378"}, {"Season", "2025-26"}},
                         kSamples + "playergamelog__2025-26__RegularSeason__1628378.json"));
  const auto [code, out_text] =
      runCommand(liveCommand(fake, {"call", "get_player_game_log",
                                    R"({"player":"Donovan Mitchell","last_n":3})", "--json"}));
  const std::string out = out_text;
  INFO(out, requestLog(fake));
  REQUIRE(code == 0);
  const json result = json::parse(out);
  const json& games = result.at("structuredContent").at("games");
  REQUIRE(games.size() == 3);
  CHECK(games[0].at("date") == "2026-02-20");
  CHECK(games[0].at("opponent") == "CHA");
  CHECK(games[0].at("pts") == 32);
  CHECK(games[1].at("date") == "2026-02-19");
  CHECK(games[1].at("pts") == 17);
  CHECK(games[2].at("date") == "2026-02-11");
  CHECK(games[2].at("pts") == 30);
  CHECK(result.at("structuredContent").at("averages").at("pts").get<double>() ==
        doctest::Approx(26.3));
  CHECK(result.at("structuredContent").at("season_log").at("games") == 53);
  CHECK(result.at("structuredContent").at("source") == "live");
  CHECK(fake.requestCount("/stats/playergamelog") == 1);
}

TEST_CASE("binary --origin live: answer_nba_question answers from NBA.com's figures") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  const auto [code, out_text] =
      runCommand(liveCommand(fake, {"ask", "Who leads the NBA in points?"}));
  const std::string out = out_text;
  INFO(out, requestLog(fake));
  REQUIRE(code == 0);
  CHECK(out.find("Luka Dončić leads the NBA with 33.0 points per game") != std::string::npos);
}

// Three players' 2023-24 playoff totals as leaguedashplayerstats gives them (SeasonType=Playoffs):
// Dallas played 22 playoff games, Minnesota 16, New York 13.
std::string playoffTotals2023() {
  const json headers = {"PLAYER_ID", "PLAYER_NAME", "TEAM_ID", "TEAM_ABBREVIATION",
                        "AGE",       "GP",          "MIN",     "FGM",
                        "FGA",       "FG3M",        "FG3A",    "FTM",
                        "FTA",       "OREB",        "DREB",    "REB",
                        "AST",       "STL",         "BLK",     "TOV",
                        "PF",        "PTS"};
  const json rows = {{1629029, "Luka Dončić", 1610612742, "DAL", 25,  22,  899, 228, 518, 66, 206,
                      113,     144,           20,         188,   208, 196, 40,  11,  90,  60, 635},
                     {1628973,    "Jalen Brunson",
                      1610612752, "NYK",
                      27,         13,
                      520,        156,
                      350,        30,
                      95,         79,
                      90,         5,
                      40,         45,
                      97,         12,
                      2,          33,
                      30,         421},
                     {1630162,    "Anthony Edwards",
                      1610612750, "MIN",
                      22,         16,
                      641,        152,
                      328,        40,
                      112,        93,
                      117,        12,
                      90,         102,
                      84,         21,
                      10,         44,
                      32,         437}};
  return json{
      {"resultSets",
       json::array({{{"name", "LeagueDashPlayerStats"}, {"headers", headers}, {"rowSet", rows}}})}}
      .dump();
}

TEST_CASE("binary --origin live: the playoff leaders, which the snapshot does not have") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  fake.serve("/stats/leaguedashplayerstats",
             {{"Season", "2023-24"}, {"SeasonType", "Playoffs"}, {"MeasureType", "Base"}},
             playoffTotals2023());
  const auto [code, out_text] = runCommand(liveCommand(
      fake,
      {"call", "get_league_leaders",
       R"({"stat":"points","season":"2023-24","season_type":"Playoffs","limit":3})", "--json"}));
  const std::string out = out_text;
  INFO(out, requestLog(fake));
  REQUIRE(code == 0);
  const json content = json::parse(out).at("structuredContent");
  CHECK(content.at("season_type") == "Playoffs");
  const json& leaders = content.at("leaders");
  REQUIRE(leaders.size() == 3);
  CHECK(leaders[0].at("player") == "Jalen Brunson");
  CHECK(leaders[0].at("value") == doctest::Approx(32.4));
  CHECK(leaders[1].at("player") == "Luka Dončić");
  CHECK(leaders[1].at("value") == doctest::Approx(28.9));
  CHECK(leaders[2].at("player") == "Anthony Edwards");
  CHECK(leaders[2].at("value") == doctest::Approx(27.3));
  bool asked_for_playoffs = false;
  for (const auto& request : fake.requests()) {
    if (request.path == "/stats/leaguedashplayerstats" &&
        request.params.at("SeasonType") == "Playoffs") {
      asked_for_playoffs = true;
    }
  }
  CHECK(asked_for_playoffs);
  CHECK(content.at("qualification").at("rule") ==
        "Qualification (playoffs): at least 70% of his team's playoff games (16 of 22 for the "
        "deepest run); a player with fewer still qualifies when his total spread over that many "
        "games would still lead.");
  const std::string text = json::parse(out).at("content")[0].at("text");
  CHECK(text.find("Jalen Brunson led the NBA with 32.4 points per game in the 2023-24 playoffs.") !=
        std::string::npos);
}

TEST_CASE("binary: an NBA.com URL that cannot be used stops the start, under auto as well") {
  struct Case {
    const char* origin;
    const char* flag;
    const char* url;
  };
  for (const Case& c : {Case{"auto", "--nba-stats-url", "stats.nba.com/stats"},
                        Case{"live", "--nba-stats-url", "ftp://stats.nba.com"},
                        Case{"auto", "--nba-cdn-url", "https://"},
                        Case{"auto", "--nba-cdn-url", "https://cdn.nba .com"}}) {
    testing::Subprocess server({kBinary, "--origin", c.origin, c.flag, c.url, "serve"});
    server.closeStdin();
    CHECK(server.wait() == 2);
    const std::string err = server.stderrText();
    INFO(c.origin, " ", c.flag, " ", c.url, ": ", err);
    CHECK(err.find(std::string(c.flag) + " '" + c.url +
                   "' is not an http:// or https:// URL with a host") != std::string::npos);
  }
  // The snapshot origin never asks NBA.com: the URL is not its concern.
  const auto offline = runCommand({kBinary, "--origin", "snapshot", "--nba-stats-url", "x", "call",
                                   "get_league_leaders", R"({"stat":"points","limit":1})"});
  CHECK(offline.first == 0);
  CHECK(offline.second.find("Luka Dončić") != std::string::npos);
}

TEST_CASE("binary --origin live: NBA.com refusing is a clear error naming it and what to do") {
  FakeNbaCom fake;
  fake.fail("", {testing::FakeFault::kForbidden, {}, -1});
  testing::Subprocess call(
      liveCommand(fake, {"call", "get_league_leaders", R"({"stat":"points","season":"2024-25"})"}));
  CHECK(call.wait() == 1);
  const std::string err = call.stderrText();
  INFO(err);
  CHECK(err.find("stats.nba.com leaguedashplayerstats Base 2024-25 answered HTTP 403 "
                 "(Forbidden)") != std::string::npos);
  CHECK(err.find("--origin snapshot") != std::string::npos);
  CHECK(fake.requestCount() == 1);  // a 4xx is not retried
}

TEST_CASE("binary --origin live: NBA.com refusing, an id is not said to belong to nobody") {
  // With no player index, every id looked unknown: "No player has the id 2544" for LeBron
  // James (blind protocol audit). The error is NBA.com's, as it is for a name.
  FakeNbaCom fake;
  fake.fail("", {testing::FakeFault::kForbidden, {}, -1});
  for (const char* arguments : {R"({"player":"2544"})", R"({"player":"LeBron James"})"}) {
    CAPTURE(arguments);
    testing::Subprocess call(liveCommand(fake, {"call", "get_player_career", arguments}));
    CHECK(call.wait() == 1);
    const std::string err = call.stderrText();
    INFO(err);
    CHECK(err.find("commonallplayers") != std::string::npos);
    CHECK(err.find("answered HTTP 403") != std::string::npos);
    CHECK(err.find("has the id") == std::string::npos);
  }
}

TEST_CASE("binary --origin auto: NBA.com unreachable — the snapshot answers, and says so") {
  // A whole session: the first call finds NBA.com unreachable, the second does not try again.
  testing::Subprocess server({kBinary, "--origin", "auto", "--nba-stats-url",
                              "http://127.0.0.1:1/stats", "--fixed-time", "2026-02-22T12:00:00Z",
                              "serve"});
  server.writeLine(
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})");
  REQUIRE(server.readJson().contains("result"));
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
  for (int id = 2; id <= 3; ++id) {
    const auto start = std::chrono::steady_clock::now();
    server.writeLine(
        json{{"jsonrpc", "2.0"},
             {"id", id},
             {"method", "tools/call"},
             {"params",
              {{"name", "get_league_leaders"}, {"arguments", {{"stat", "points"}, {"limit", 2}}}}}}
            .dump());
    const json reply = server.readJson();
    const auto took = std::chrono::steady_clock::now() - start;
    INFO(reply.dump());
    const json& result = reply.at("result");
    CHECK_FALSE(result.value("isError", false));
    const std::string text = result.at("content")[0].at("text");
    CHECK(text.find("Luka Dončić leads the NBA with 33.0 points per game in 2025-26") !=
          std::string::npos);
    CHECK(text.find("NBA.com unreachable — offline snapshot, 2025-26 as of 2026-02-21.") !=
          std::string::npos);
    CHECK(result.at("_meta").at("dev.nbamcp/source") == "snapshot");
    // The second call does not wait on NBA.com again. (Not the first: it also loads the
    // snapshot, which right after a build, on a busy machine, took over 3 s.)
    if (id == 3) CHECK(took < std::chrono::seconds(3));
  }
  // The schedule: the snapshot's played games, saying the games ahead need NBA.com, once.
  server.writeLine(json{{"jsonrpc", "2.0"},
                        {"id", 4},
                        {"method", "tools/call"},
                        {"params",
                         {{"name", "get_schedule"},
                          {"arguments", {{"team", "Celtics"}, {"date_from", "2026-02-10"}}}}}}
                       .dump());
  const json reply = server.readJson();
  INFO(reply.dump());
  const json& result = reply.at("result");
  CHECK_FALSE(result.value("isError", false));
  CHECK(result.at("structuredContent").at("games").size() == 2);
  CHECK(result.at("structuredContent").at("games")[1].at("date") == "2026-02-19");
  const std::string text = result.at("content")[0].at("text");
  CHECK(text.find("upcoming games are not in this data") != std::string::npos);
  CHECK(text.find("could not be read") == std::string::npos);
  CHECK(text.find("NBA.com unreachable — offline snapshot") != std::string::npos);
}

TEST_CASE("binary --origin live: a call waiting on NBA.com reports each request as progress") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  fake.fail("/stats/leaguedashplayerstats", {testing::FakeFault::kServerError, {}, 1});
  testing::Subprocess server(liveCommand(fake, {"--nba-retries", "1", "serve"}));
  initialize(server);
  const auto exchange =
      callWithProgress(server, "get_league_leaders", {{"stat", "points"}, {"limit", 1}});
  const std::vector<std::string>& messages = exchange.first;
  const json& reply = exchange.second;
  INFO(reply.dump());
  CHECK_FALSE(reply.at("result").value("isError", false));
  const std::vector<std::string> expected = {
      "Asking stats.nba.com commonallplayers 2025-26",
      "Asking stats.nba.com leaguedashplayerstats Base 2025-26",
      "Asking stats.nba.com leaguedashplayerstats Base 2025-26 again (retry 1 of 1)",
  };
  for (const std::string& message : expected) {
    CHECK_MESSAGE(std::find(messages.begin(), messages.end(), message) != messages.end(), message);
  }
}

// Sends a tools/call and returns the reply (no progress token).
json callTool(testing::Subprocess& server, int id, const std::string& tool, const json& arguments) {
  server.writeLine(json{{"jsonrpc", "2.0"},
                        {"id", id},
                        {"method", "tools/call"},
                        {"params", {{"name", tool}, {"arguments", arguments}}}}
                       .dump());
  return server.readJson();
}

// Sends a stateless 2026-07-28 resources/read.
json readResource(testing::Subprocess& server, int id, const std::string& uri) {
  server.writeLine(json{{"jsonrpc", "2.0"},
                        {"id", id},
                        {"method", "resources/read"},
                        {"params",
                         {{"uri", uri},
                          {"_meta",
                           {{"io.modelcontextprotocol/protocolVersion", "2026-07-28"},
                            {"io.modelcontextprotocol/clientCapabilities", json::object()}}}}}}
                       .dump());
  return server.readJson();
}

// One session (each server start costs a snapshot load under the sanitizers).
TEST_CASE("binary --origin live: positions from NBA.com's index, the cache, ttlMs and the stats") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  fake.serveFile("/stats/playercareerstats", {{"PlayerID", "1628378"}},
                 kSamples + "playercareerstats__Totals__1628378.json");
  testing::Subprocess server(liveCommand(fake, {"serve"}));
  initialize(server);

  // commonallplayers has no positions: playerindex gives them.
  const json jokic = callTool(server, 2, "get_player_stats", {{"player", "Jokic"}});
  INFO(jokic.dump().substr(0, 600), "\n", requestLog(fake));
  CHECK(jokic.at("result").at("structuredContent").at("player").at("name") == "Nikola Jokić");
  CHECK(jokic.at("result").at("structuredContent").at("player").at("position") == "C");
  CHECK(fake.requestCount("/stats/playerindex") == 1);

  // Two boards off one upstream table: one request, then a hit.
  const json first = callTool(server, 3, "get_league_leaders", {{"stat", "points"}, {"limit", 1}});
  const json second =
      callTool(server, 4, "get_league_leaders", {{"stat", "assists"}, {"limit", 1}});
  INFO(first.dump().substr(0, 400), "\n", second.dump().substr(0, 400));
  CHECK(first.at("result").at("_meta").at("dev.nbamcp/cache") == "hit");  // Jokić's call filled it
  CHECK(first.at("result").at("structuredContent").at("leaders")[0].at("player") == "Luka Dončić");
  CHECK(second.at("result").at("_meta").at("dev.nbamcp/cache") == "hit");
  CHECK(second.at("result").at("structuredContent").at("leaders")[0].at("player") ==
        "Nikola Jokić");
  CHECK(fake.requestCount("/stats/leaguedashplayerstats") == 1);

  // 2026-07-28 reads: ttlMs is what is left of the cached tables' freshness.
  const json teams = readResource(server, 5, "nba://teams");
  const std::int64_t week = 7LL * 24 * 3600 * 1000;
  CHECK(teams.at("result").at("ttlMs").get<std::int64_t>() <= week);
  CHECK(teams.at("result").at("ttlMs").get<std::int64_t>() > week - 60'000);
  const json mitchell = readResource(server, 6, "nba://players/1628378");
  INFO(mitchell.dump().substr(0, 400));
  CHECK(mitchell.at("result").at("ttlMs").get<std::int64_t>() <= 3'600'000);  // this season
  CHECK(mitchell.at("result").at("ttlMs").get<std::int64_t>() > 3'540'000);

  const json stats = callTool(server, 7, "get_server_stats", json::object());
  const json& cache = stats.at("result").at("structuredContent").at("cache");
  INFO(cache.dump());
  CHECK(cache.at("enabled") == true);
  CHECK(cache.at("upstream_calls_avoided").get<int>() >= 2);
  CHECK(cache.at("hit_ratio").get<double>() > 0.0);
  int daily_entries = 0;
  for (const json& tier : cache.at("tiers")) {
    if (tier.at("tier") == "daily") daily_entries = tier.at("entries");
  }
  CHECK(daily_entries >= 2);  // this season's lines and Mitchell's career
  for (const json& tool : stats.at("result").at("structuredContent").at("tools")) {
    if (tool.at("tool") == "get_league_leaders") CHECK(tool.at("cache_hits") == 2);
  }
}

TEST_CASE("binary --origin live --warm: the first question after the start is a cache hit") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  testing::Subprocess server(liveCommand(fake, {"--warm", "serve"}));
  initialize(server);  // answered at once: the warming runs behind
  for (int i = 0; i < 2000 && fake.requestCount("/stats/leaguestandingsv3") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(fake.requestCount("/stats/leaguestandingsv3") == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the answer parsed and stored
  const json reply = callTool(server, 2, "get_league_leaders", {{"stat", "points"}, {"limit", 1}});
  INFO(reply.dump().substr(0, 600), "\n", requestLog(fake));
  CHECK(reply.at("result").at("_meta").at("dev.nbamcp/cache") == "hit");
  CHECK(reply.at("result").at("structuredContent").at("leaders")[0].at("player") == "Luka Dončić");
  CHECK(fake.requestCount("/stats/leaguedashplayerstats") == 1);
  CHECK(fake.requestCount("/stats/commonallplayers") == 1);
}

TEST_CASE("binary: the cache file outlives the process; `nba-mcp cache` reads and trims it") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  const std::string db = std::filesystem::temp_directory_path() /
                         ("nba-mcp-binary-cache-" + std::to_string(::getpid()) + ".db");
  const auto leaders = [&] {
    return runCommand(liveCommand(fake, {"--cache-db", db, "call", "get_league_leaders",
                                         R"({"stat":"points","limit":1})", "--json"}));
  };
  const auto first = leaders();
  REQUIRE(first.first == 0);
  CHECK(fake.requestCount("/stats/leaguedashplayerstats") == 1);
  const auto second = leaders();  // a new process
  REQUIRE(second.first == 0);
  const json answer = json::parse(second.second);
  CHECK(answer.at("_meta").at("dev.nbamcp/cache") == "hit");
  CHECK(answer.at("structuredContent").at("leaders")[0].at("value") == doctest::Approx(33.0));
  CHECK(fake.requestCount("/stats/leaguedashplayerstats") == 1);  // asked nobody

  const auto stats = runCommand({kBinary, "--cache-db", db, "cache", "stats"});
  INFO(stats.second);
  CHECK(stats.first == 0);
  CHECK(stats.second.find("cache database: " + db) != std::string::npos);
  const auto bad = runCommand({kBinary, "--cache-db", db, "cache", "invalidate", "leaders"});
  CHECK(bad.first == 2);
  const auto removed = runCommand(
      {kBinary, "--cache-db", db, "cache", "invalidate", "player_season_stats:season=2025-26"});
  CHECK(removed.first == 0);
  CHECK(removed.second == "removed 1 entry\n");
  REQUIRE(leaders().first == 0);
  CHECK(fake.requestCount("/stats/leaguedashplayerstats") == 2);  // asked again
  const auto cleared = runCommand({kBinary, "--cache-db", db, "cache", "clear"});
  CHECK(cleared.first == 0);
  CHECK(cleared.second.find("removed ") == 0);
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db + suffix).c_str());
}

TEST_CASE("binary --origin live: today's scores from the cdn live scoreboard, clock and leaders") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  REQUIRE(fake.serveFile("/static/json/liveData/scoreboard/todaysScoreboard_00.json", {},
                         std::string(NBA_MCP_SHARED_DATA_DIR) +
                             "/cdn-live-samples/todaysScoreboard_00__2023-04-20.json"));
  // 22:30 in New York on 2023-04-20.
  const auto result = runCommand(
      liveCommand(fake, {"call", "get_live_scores", "{}", "--json"}, "2023-04-21T02:30:00Z"));
  const std::string out = result.second;
  INFO(out, requestLog(fake));
  REQUIRE(result.first == 0);
  const json answer = json::parse(out);
  const json& structured = answer.at("structuredContent");
  CHECK(structured.at("date") == "2023-04-20");
  CHECK(structured.at("source") == "live");
  CHECK(structured.at("leaders_available") == true);
  const json* game = nullptr;
  for (const json& g : structured.at("games")) {
    if (g.at("game_id") == "0042200163") game = &g;
  }
  REQUIRE(game != nullptr);
  CHECK(game->at("status") == "In progress");
  CHECK(game->at("clock") == "7:15");
  CHECK(game->at("status_text") == "Q2 07:15");
  CHECK(game->at("winner").is_null());
  CHECK(game->at("leaders").at("home").at("name") == "Andrew Wiggins");
  const std::string text = answer.at("content")[0].at("text");
  CHECK(text.find("Q2 07:15") != std::string::npos);
  CHECK(text.find("Andrew Wiggins 11 pts, 1 reb, 2 ast") != std::string::npos);
  CHECK(fake.requestCount("/static/json/liveData/scoreboard/todaysScoreboard_00.json") == 1);
  CHECK(fake.requests().front().headers.at("referer") == "https://www.nba.com/");
}

TEST_CASE("binary --origin live: a full box score from NBA.com (Mitchell's 71)") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  REQUIRE(fake.serveFile("/stats/boxscoretraditionalv3", {{"GameID", "0022200552"}},
                         kSamples + "boxscoretraditionalv3__0022200552.json"));
  // The season's game log, cut to the one game (NBA.com's shape, its two team rows).
  const json log = {{"resultSets",
                     {{{"name", "LeagueGameLog"},
                       {"headers", {"GAME_ID", "GAME_DATE", "MATCHUP", "PTS"}},
                       {"rowSet",
                        {{"0022200552", "2023-01-02", "CHI @ CLE", 134},
                         {"0022200552", "2023-01-02", "CLE vs. CHI", 145}}}}}}};
  fake.serve("/stats/leaguegamelog", {{"Season", "2022-23"}}, log.dump());
  REQUIRE(fake.serveFile("/stats/commonallplayers", {},
                         kSamples + "commonallplayers__2025-26__0.json"));
  const auto result = runCommand(
      liveCommand(fake, {"call", "get_box_score", R"({"game_id":"0022200552"})", "--json"}));
  const std::string out = result.second;
  INFO(out, requestLog(fake));
  REQUIRE(result.first == 0);
  const json answer = json::parse(out);
  const json& structured = answer.at("structuredContent");
  CHECK(structured.at("partial") == false);
  CHECK(structured.at("source") == "live");
  CHECK(structured.at("game").at("winner") == "CLE");
  const json& cle = structured.at("teams")[1];
  CHECK(cle.at("team") == "CLE");
  CHECK(cle.at("listed_pts") == 145);
  CHECK(cle.at("players")[0].at("name") == "Donovan Mitchell");
  CHECK(cle.at("players")[0].at("pts") == 71);
  const std::string text = answer.at("content")[0].at("text");
  CHECK(text.find("Donovan Mitchell (CLE) with 71 points") != std::string::npos);
}

TEST_CASE("binary: answer_nba_question reports its stages as progress") {
  testing::Subprocess server(
      {kBinary, "--origin", "snapshot", "--fixed-time", "2025-04-14T12:00:00Z", "serve"});
  initialize(server);
  const auto exchange = callWithProgress(server, "answer_nba_question",
                                         {{"question", "Who leads the NBA in points?"}});
  const std::vector<std::string>& messages = exchange.first;
  const json& reply = exchange.second;
  INFO(reply.dump());
  CHECK_FALSE(reply.at("result").value("isError", false));
  const std::vector<std::string> expected = {
      "Reading the question", "Running 1 call: get_league_leaders", "Writing the answer"};
  CHECK(messages == expected);
}

// A loopback OTLP/HTTP receiver: keeps the spans of every POST to /v1/traces.
class OtlpReceiver {
 public:
  OtlpReceiver() {
    server_.Post("/v1/traces", [this](const httplib::Request& request, httplib::Response& reply) {
      const json body = json::parse(request.body);
      std::lock_guard lock(mutex_);
      service_ = body.at("resourceSpans").at(0).at("resource").at("attributes").at(0).dump();
      for (const json& span : body.at("resourceSpans").at(0).at("scopeSpans").at(0).at("spans")) {
        spans_.push_back(span);
      }
      reply.set_content("{}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // httplib 0.11 has no wait_until_ready(); is_running() turns true as it accepts.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~OtlpReceiver() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<json> spans() const {
    std::lock_guard lock(mutex_);
    return spans_;
  }
  std::string service() const {
    std::lock_guard lock(mutex_);
    return service_;
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<json> spans_;
  std::string service_;
};

// "name(child, child(grandchild))": the span tree under `parent_id`, children in start order.
std::string spanTree(const std::vector<json>& spans, const std::string& parent_id) {
  std::vector<json> children;
  for (const json& span : spans) {
    if (span.value("parentSpanId", "") == parent_id) children.push_back(span);
  }
  std::sort(children.begin(), children.end(), [](const json& a, const json& b) {
    return std::stoll(a.at("startTimeUnixNano").get<std::string>()) <
           std::stoll(b.at("startTimeUnixNano").get<std::string>());
  });
  std::string tree;
  for (const json& child : children) {
    if (!tree.empty()) tree += ", ";
    tree += child.at("name").get<std::string>();
    const std::string below = spanTree(spans, child.at("spanId"));
    if (!below.empty()) tree += "(" + below + ")";
  }
  return tree;
}

std::string attribute(const json& span, const std::string& key) {
  for (const json& entry : span.at("attributes")) {
    if (entry.at("key") == key) return entry.at("value").begin().value().dump();
  }
  return "";
}

TEST_CASE("binary --origin live: one question's spans reach an OTLP receiver as one tree") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  OtlpReceiver receiver;
  const std::string trace_file = std::filesystem::temp_directory_path() /
                                 ("nba-mcp-trace-" + std::to_string(::getpid()) + ".jsonl");
  std::filesystem::remove(trace_file);
  testing::Subprocess server(liveCommand(fake, {"--trace-file", trace_file, "serve"}),
                             {"OTEL_EXPORTER_OTLP_ENDPOINT=" + receiver.url() + "/",
                              "OTEL_SERVICE_NAME=nba-mcp-under-test"});
  initialize(server);
  // The host's trace: the question's root span must continue it.
  const std::string trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  const std::string host_span = "00f067aa0ba902b7";
  server.writeLine(
      json{{"jsonrpc", "2.0"},
           {"id", 5},
           {"method", "tools/call"},
           {"params",
            {{"name", "answer_nba_question"},
             {"arguments", {{"question", "Who leads the NBA in points?"}}},
             {"_meta", {{"traceparent", "00-" + trace_id + "-" + host_span + "-01"}}}}}}
          .dump());
  const json reply = server.readJson(std::chrono::seconds(30));
  REQUIRE(reply.contains("result"));
  CHECK(reply.at("result").at("content").at(0).at("text").get<std::string>().find(
            "Luka Dončić leads the NBA with 33.0 points per game") != std::string::npos);
  server.closeStdin();
  REQUIRE(server.wait(std::chrono::seconds(20)) == 0);  // the exporter writes what is left at exit

  const std::vector<json> spans = receiver.spans();
  INFO(json(spans).dump(1), server.stderrText());
  CHECK(receiver.service().find("nba-mcp-under-test") != std::string::npos);
  for (const json& span : spans) CHECK(span.at("traceId") == trace_id);
  // A cold cache: the leaders miss and ask leaguedashplayerstats; the players come first,
  // for the question's names.
  const std::string tree = spanTree(spans, host_span);
  CHECK(tree.rfind("answer_nba_question(parse_query, plan, execute(get_league_leaders(", 0) == 0);
  CHECK(tree.find("cache_lookup(upstream_call)") != std::string::npos);
  CHECK(tree.substr(tree.size() - std::string("), synthesize)").size()) == "), synthesize)");
  bool found_upstream = false;
  for (const json& span : spans) {
    if (span.at("name") == "answer_nba_question") {
      CHECK(span.at("kind") == 2);  // server
      CHECK(attribute(span, "nba.caller") == "\"client\"");
      CHECK(attribute(span, "nba.source") == "\"live\"");
    }
    if (span.at("name") == "upstream_call" &&
        attribute(span, "nba.upstream").find("leaguedashplayerstats") != std::string::npos) {
      found_upstream = true;
      CHECK(span.at("kind") == 3);  // client
      CHECK(attribute(span, "http.response.status_code") == "\"200\"");
    }
  }
  CHECK(found_upstream);
  // The same spans, as OTLP/JSON lines, in the trace file.
  std::ifstream file(trace_file);
  std::size_t in_file = 0;
  for (std::string line; std::getline(file, line);) {
    in_file +=
        json::parse(line).at("resourceSpans").at(0).at("scopeSpans").at(0).at("spans").size();
  }
  CHECK(in_file == spans.size());
  std::filesystem::remove(trace_file);
}

TEST_CASE("binary: an OTLP receiver that is down costs a request nothing") {
  // Nothing listens on port 9 of loopback (discard, never run here): every export fails.
  testing::Subprocess server({kBinary, "--origin", "snapshot", "call", "get_league_leaders",
                              R"({"stat":"points","season":"2024-25","limit":1})"},
                             {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:9/v1/traces",
                              "OTEL_EXPORTER_OTLP_TIMEOUT=2000"});
  std::string out;
  for (auto line = server.readLine(std::chrono::seconds(20)); line; line = server.readLine()) {
    out += *line + "\n";
  }
  CHECK(server.wait(std::chrono::seconds(20)) == 0);
  INFO(out, server.stderrText());
  CHECK(out.find("Shai Gilgeous-Alexander") != std::string::npos);
  CHECK(out.find("32.7") != std::string::npos);
}

}  // namespace
}  // namespace nba
