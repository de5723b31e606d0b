// The real binary's limits: the daily NBA.com quota kept in the cache file across a restart
// and shared by two processes, the answer once it is used up, the host told, the accounting
// per client; and bad limit settings stopping the start.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

std::vector<std::string> autoCommand(const FakeNbaCom& fake, const std::string& db,
                                     std::vector<std::string> tail) {
  std::vector<std::string> argv = {kBinary,
                                   "--origin",
                                   "auto",
                                   "--nba-stats-url",
                                   fake.statsUrl(),
                                   "--nba-cdn-url",
                                   fake.cdnUrl(),
                                   "--nba-min-interval-ms",
                                   "0",
                                   "--fixed-time",
                                   "2026-02-22T12:00:00Z",
                                   "--cache-db",
                                   db,
                                   "--no-cache",
                                   "--daily-quota",
                                   "6"};
  argv.insert(argv.end(), tail.begin(), tail.end());
  return argv;
}

json callTool(testing::Subprocess& server, int id, const std::string& tool, const json& arguments) {
  server.writeLine(json{{"jsonrpc", "2.0"},
                        {"id", id},
                        {"method", "tools/call"},
                        {"params", {{"name", tool}, {"arguments", arguments}}}}
                       .dump());
  return server.readJson();
}

TEST_CASE(
    "binary: the daily NBA.com quota outlives a process, is shared, and says when it "
    "resets") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  REQUIRE(fake.serveFile("/stats/commonallplayers", {},
                         kSamples + "commonallplayers__2025-26__0.json"));
  REQUIRE(fake.serveFile("/stats/playerindex", {{"Season", "2025-26"}},
                         kSamples + "playerindex__2025-26.json"));
  REQUIRE(fake.serveFile("/stats/leaguestandingsv3", {{"Season", "2025-26"}},
                         kSamples + "leaguestandingsv3__2025-26__RegularSeason.json"));
  const std::string db = std::filesystem::temp_directory_path() /
                         ("nba-mcp-quota-" + std::to_string(::getpid()) + ".db");
  const json standings = {{"season", "2025-26"}};

  // One process asks NBA.com three times (the player index and its bios for names, then the
  // standings), from the command line, and exits.
  const auto first =
      runCommand(autoCommand(fake, db, {"call", "get_team_standings", standings.dump()}));
  REQUIRE(first.first == 0);
  std::string log;
  for (const auto& request : fake.requests()) log += request.path + "\n";
  INFO(log);
  REQUIRE(fake.requests().size() == 3);
  CHECK(fake.requestCount("/stats/leaguestandingsv3") == 1);

  // The next process starts with that count: its first call's three requests are the quota's
  // last.
  testing::Subprocess server(autoCommand(fake, db, {"serve"}));
  server.writeLine(
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"quota-test","version":"1"}}})");
  REQUIRE(server.readJson().contains("result"));
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
  server.writeLine(
      R"({"jsonrpc":"2.0","id":2,"method":"logging/setLevel","params":{"level":"warning"}})");
  REQUIRE(server.readJson().at("id") == 2);

  server.writeLine(json{{"jsonrpc", "2.0"},
                        {"id", 3},
                        {"method", "tools/call"},
                        {"params", {{"name", "get_team_standings"}, {"arguments", standings}}}}
                       .dump());
  const json told = server.readJson();
  INFO(told.dump());
  CHECK(told.at("method") == "notifications/message");
  CHECK(told.at("params").at("level") == "error");
  CHECK(told.at("params").at("logger") == "nba-mcp.quota");
  CHECK(told.at("params").at("data").get<std::string>().find(
            "The daily NBA.com quota is used up (6 of 6 NBA.com requests used today (UTC)); it "
            "resets at 00:00 UTC, in ") == 0);
  const json live = server.readJson();
  CHECK(live.at("id") == 3);
  CHECK(live.at("result").at("_meta").at("dev.nbamcp/source") == "live");
  CHECK(fake.requestCount("/stats/leaguestandingsv3") == 2);
  CHECK(fake.requests().size() == 6);

  // Used up: NBA.com is not asked; the offline snapshot answers and says why.
  const json offline = callTool(server, 4, "get_team_standings", standings);
  INFO(offline.dump().substr(0, 800));
  CHECK_FALSE(offline.at("result").value("isError", false));
  CHECK(offline.at("result").at("_meta").at("dev.nbamcp/source") == "snapshot");
  const std::string text = offline.at("result").at("content")[0].at("text");
  CHECK(text.find("NBA.com not asked: the daily request quota is used up — offline snapshot, "
                  "2025-26 as of 2026-02-21.") != std::string::npos);
  CHECK(fake.requests().size() == 6);

  const json stats = callTool(server, 5, "get_server_stats", json::object());
  const json& limits = stats.at("result").at("structuredContent").at("limits");
  INFO(limits.dump());
  CHECK(limits.at("quota").at("used") == 6);
  CHECK(limits.at("quota").at("level") == "exhausted");
  CHECK(limits.at("quota").at("store") == db);
  CHECK(limits.at("quota").at("store_error") == "");
  CHECK(limits.at("clients") ==
        json::parse(R"([{"day":")" + limits.at("quota").at("day").get<std::string>() +
                    R"(","client":"command line","nba_requests":3,"cache_hits":0},{"day":")" +
                    limits.at("quota").at("day").get<std::string>() +
                    R"(","client":"quota-test","nba_requests":3,"cache_hits":0}])"));
  server.closeStdin();
  CHECK(server.wait() == 0);
  std::filesystem::remove(db);
  std::filesystem::remove(db + "-wal");
  std::filesystem::remove(db + "-shm");
}

TEST_CASE("binary: a bad limit setting stops the start, naming it") {
  struct Case {
    std::vector<std::string> flags;
    const char* expected;
  };
  // The limits as a config file gives them (TOML), as a flag would.
  const std::string config = std::filesystem::temp_directory_path() /
                             ("nba-mcp-limits-" + std::to_string(::getpid()) + ".toml");
  std::ofstream(config) << "rate-limit = [\"get_live_scores=5\", \"get_scores=5\"]\n";
  // One start per kind of setting (each start costs a second under the sanitizers); every
  // bad value is covered in process by call_limits_test.cpp and tool_limiter_test.cpp.
  for (const Case& c : {
           Case{{"--config", config}, "rate limit 'get_scores=5': there is no tool 'get_scores'"},
           Case{{"--rate-limit-default", "nan"}, "--rate-limit-default: a rate must be"},
           Case{{"--origin", "auto", "--daily-quota", "-5"}, "--daily-quota -5: the NBA.com"},
       }) {
    std::vector<std::string> argv = {kBinary};
    argv.insert(argv.end(), c.flags.begin(), c.flags.end());
    argv.insert(argv.end(), {"--cache-db", ":memory:", "serve"});
    testing::Subprocess server(argv);
    server.closeStdin();
    CHECK(server.wait() == 2);
    const std::string err = server.stderrText();
    INFO(c.flags[0], " ", c.flags[1], ": ", err);
    CHECK(err.find(c.expected) != std::string::npos);
  }
  std::filesystem::remove(config);
}

}  // namespace
}  // namespace nba
