// The real binary with --redis (issue 16): three server processes on one Redis replaying a
// mix of calls against the fake NBA.com make the requests one process makes; a wrong password
// or an unreachable Redis at start is a clear log line and the server serves; Redis killed
// mid-run and restarted costs no call; `nba-mcp cache invalidate` reaches Redis.
#include <doctest/doctest.h>

#include <csignal>
#include <thread>

#include "support/fake_nba_com.h"
#include "support/redis_server.h"
#include "support/shared_data.h"
#include "support/subprocess.h"

namespace nba {
namespace {

using nlohmann::json;
using testing::FakeNbaCom;
using testing::RedisServer;
using testing::Subprocess;

const std::string kBinary = NBA_MCP_BINARY;
const std::string kSamples = std::string(NBA_MCP_SHARED_DATA_DIR) + "/statsnba-samples/";

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

std::vector<std::string> serverCommand(const FakeNbaCom& fake, const std::string& redis_url,
                                       const std::vector<std::string>& tail = {}) {
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
                                   "2026-02-22T12:00:00Z",
                                   "--cache-db",
                                   ":memory:",
                                   "--log-level",
                                   "warn"};
  if (!redis_url.empty()) {
    argv.insert(argv.end(), {"--redis", redis_url});
  }
  argv.insert(argv.end(), tail.begin(), tail.end());
  return argv;
}

void initialize(Subprocess& server) {
  server.writeLine(
      R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})");
  const json reply = server.readJson(std::chrono::seconds(30));
  INFO(reply.dump(), server.stderrText());
  REQUIRE(reply.contains("result"));
  server.writeLine(R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
}

std::string callLine(int id, const std::string& tool, const json& arguments) {
  return json{{"jsonrpc", "2.0"},
              {"id", id},
              {"method", "tools/call"},
              {"params", {{"name", tool}, {"arguments", arguments}}}}
      .dump();
}

json call(Subprocess& server, int id, const std::string& tool, const json& arguments) {
  server.writeLine(callLine(id, tool, arguments));
  return server.readJson(std::chrono::seconds(30));
}

// What an analyst's host asks: leaders, standings, and questions over the same tables.
const std::vector<std::pair<std::string, json>>& mix() {
  static const std::vector<std::pair<std::string, json>> kMix = {
      {"get_league_leaders", {{"stat", "points"}, {"limit", 3}}},
      {"get_league_leaders", {{"stat", "assists"}, {"limit", 3}}},
      {"get_team_standings", {{"season", "2025-26"}}},
      {"answer_nba_question", {{"question", "Who leads the league in rebounds this season?"}}},
      {"answer_nba_question", {{"question", "What are the Western Conference standings?"}}},
      {"get_league_leaders", {{"stat", "steals"}, {"limit", 5}}},
  };
  return kMix;
}

// The mix's answers in order (all written at once, as a busy host does), their text only.
std::vector<std::string> replay(Subprocess& server) {
  for (std::size_t i = 0; i < mix().size(); ++i) {
    server.writeLine(callLine(static_cast<int>(i) + 1, mix()[i].first, mix()[i].second));
  }
  std::vector<std::string> texts(mix().size());
  for (std::size_t i = 0; i < mix().size(); ++i) {
    const json reply = server.readJson(std::chrono::seconds(30));
    INFO(reply.dump(), server.stderrText());
    REQUIRE(reply.contains("result"));
    CHECK_FALSE(reply["result"].value("isError", false));
    texts.at(reply.at("id").get<std::size_t>() - 1) =
        reply["result"]["content"][0]["text"].get<std::string>();
  }
  return texts;
}

TEST_CASE("binary --redis: three processes on one Redis make the NBA.com requests of one") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  std::vector<std::string> alone_texts;
  std::size_t alone_requests = 0;
  {
    FakeNbaCom fake;
    serveRecorded2025(fake);
    Subprocess server(serverCommand(fake, ""));
    initialize(server);
    alone_texts = replay(server);
    alone_requests = fake.requests().size();
  }
  REQUIRE(alone_requests >= 4);
  CHECK(alone_texts[0].find("Gilgeous-Alexander") != std::string::npos);

  FakeNbaCom fake;
  serveRecorded2025(fake);
  RedisServer redis;
  std::vector<std::unique_ptr<Subprocess>> servers;
  for (int i = 0; i < 3; ++i) {
    servers.push_back(std::make_unique<Subprocess>(serverCommand(fake, redis.url())));
    initialize(*servers.back());
  }
  std::vector<std::vector<std::string>> texts(servers.size());
  std::vector<std::thread> replays;
  for (std::size_t i = 0; i < servers.size(); ++i) {
    replays.emplace_back([&, i] { texts[i] = replay(*servers[i]); });
  }
  for (auto& thread : replays) thread.join();
  std::string log;
  for (const auto& request : fake.requests()) log += request.path + "\n";
  INFO(log);
  CHECK(fake.requests().size() == alone_requests);
  for (const auto& answers : texts) CHECK(answers == alone_texts);

  // Every process's stats show the shared tier up; together they waited or hit.
  std::uint64_t served_by_others = 0;
  for (std::size_t i = 0; i < servers.size(); ++i) {
    const json stats = call(*servers[i], 100, "get_server_stats", json::object());
    const json& shared = stats["result"]["structuredContent"]["cache"]["shared"];
    INFO(stats.dump());
    REQUIRE(shared.is_object());
    CHECK(shared["state"] == "up");
    CHECK(shared["endpoint"] == "redis://127.0.0.1:" + std::to_string(redis.port()) + "/0");
    served_by_others +=
        shared["hits"].get<std::uint64_t>() + shared["lock_waits"].get<std::uint64_t>();
  }
  CHECK(served_by_others >= 2 * alone_requests);
  // The daily quota counted across the processes is exact: each sees every request.
  for (std::size_t i = 0; i < servers.size(); ++i) {
    const json stats = call(*servers[i], 101, "get_server_stats", json::object());
    CHECK(stats["result"]["structuredContent"]["limits"]["quota"]["used"] ==
          fake.requests().size());
  }
}

TEST_CASE(
    "binary --redis: a lock holder killed with kill -9 stalls the others only until its "
    "lock expires") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  // The first standings request never gets an answer: its process holds the lock meanwhile.
  fake.fail("/stats/leaguestandingsv3", {testing::FakeFault::kHang, {}, 1});
  RedisServer redis;
  const std::vector<std::string> lock = {"--redis-lock-ms", "3000"};
  Subprocess holder(serverCommand(fake, redis.url(), lock));
  initialize(holder);
  holder.writeLine(callLine(1, "get_team_standings", {{"season", "2025-26"}}));
  for (int i = 0; i < 2000 && fake.requestCount("/stats/leaguestandingsv3") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(fake.requestCount("/stats/leaguestandingsv3") == 1);
  holder.signal(SIGKILL);
  REQUIRE(holder.wait().has_value());

  Subprocess waiter(serverCommand(fake, redis.url(), lock));
  initialize(waiter);
  const auto began = std::chrono::steady_clock::now();
  const json standings = call(waiter, 1, "get_team_standings", {{"season", "2025-26"}});
  const auto took = std::chrono::steady_clock::now() - began;
  INFO(standings.dump(), waiter.stderrText());
  REQUIRE(standings.contains("result"));
  CHECK_FALSE(standings["result"].value("isError", false));
  CHECK(standings["result"]["content"][0]["text"].get<std::string>().find("Thunder") !=
        std::string::npos);
  // The lock's 3 s plus a loaded CI machine's start-up, never the hung request's 30 s.
  CHECK(took < std::chrono::seconds(12));
  CHECK(fake.requestCount("/stats/leaguestandingsv3") == 2);
  const json stats = call(waiter, 2, "get_server_stats", json::object());
  CHECK(stats["result"]["structuredContent"]["cache"]["shared"]["lock_waits"] == 1);
  CHECK(stats["result"]["structuredContent"]["cache"]["shared"]["lock_timeouts"] == 1);
}

TEST_CASE(
    "binary --redis: a wrong password or an unreachable Redis is said at start, and the "
    "server serves") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  RedisServer redis({"right-password"});
  const std::string wrong =
      "redis://:wrong-password@127.0.0.1:" + std::to_string(redis.port()) + "/0";
  for (const std::string& url : {wrong, std::string("redis://127.0.0.1:1/0")}) {
    Subprocess server(serverCommand(fake, url));
    initialize(server);
    const json leaders = call(server, 1, "get_league_leaders", {{"stat", "points"}, {"limit", 1}});
    INFO(leaders.dump(), server.stderrText());
    REQUIRE(leaders.contains("result"));
    CHECK_FALSE(leaders["result"].value("isError", false));
    CHECK(leaders["result"]["content"][0]["text"].get<std::string>().find(
              "Luka Dončić leads the NBA with 33.0 points per game") != std::string::npos);
    const std::string log = server.stderrText();
    CHECK(log.find("shared tier: Redis at redis://") != std::string::npos);
    CHECK(log.find(url == wrong ? "refused the credentials" : "unreachable") != std::string::npos);
    CHECK(log.find("wrong-password") == std::string::npos);
    const json stats = call(server, 2, "get_server_stats", json::object());
    CHECK(stats["result"]["structuredContent"]["cache"]["shared"]["state"] == "down");
  }
}

TEST_CASE("binary --redis: Redis killed mid-run and restarted costs no call; it reconnects") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  FakeNbaCom fake;
  serveRecorded2025(fake);
  RedisServer redis;
  Subprocess server(serverCommand(fake, redis.url()));
  initialize(server);
  const auto ok = [&server](int id, const std::string& stat) {
    const json reply = call(server, id, "get_league_leaders", {{"stat", stat}, {"limit", 1}});
    INFO(reply.dump(), server.stderrText());
    REQUIRE(reply.contains("result"));
    CHECK_FALSE(reply["result"].value("isError", false));
  };
  ok(1, "points");
  redis.kill9();
  ok(2, "assists");
  ok(3, "blocks");
  redis.restart();
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));  // the breaker's 2 s
  // A table not asked for yet (the leaders read the standings and games too).
  REQUIRE(fake.serveFile("/stats/playercareerstats", {{"PlayerID", "1628378"}},
                         kSamples + "playercareerstats__Totals__1628378.json"));
  const json career = call(server, 4, "get_player_career", {{"player", "Donovan Mitchell"}});
  INFO(career.dump());
  CHECK_FALSE(career["result"].value("isError", false));
  const json stats = call(server, 5, "get_server_stats", json::object());
  const json& shared = stats["result"]["structuredContent"]["cache"]["shared"];
  INFO(stats.dump());
  CHECK(shared["state"] == "up");
  const std::string log = server.stderrText();
  CHECK(log.find("answers again") != std::string::npos);
  // Written again once it was back: the table fetched since (the restart emptied Redis).
  CHECK(redis.command({"KEYS", "nba_mcp:v5:*"}).find("nba_mcp:v5:player_career:") !=
        std::string::npos);

  // `nba-mcp cache invalidate` reaches Redis.
  const auto invalidated = testing::runCommand(
      {kBinary, "--cache-db", ":memory:", "--redis", redis.url(), "cache", "invalidate", "*"});
  CHECK(invalidated.first == 0);
  CHECK(invalidated.second.find("Redis at redis://127.0.0.1:" + std::to_string(redis.port()) +
                                "/0: removed ") != std::string::npos);
  CHECK(redis.command({"KEYS", "nba_mcp:v5:*"}).empty());
  // The quota's accounting is not a cache entry: it stays.
  CHECK(redis.command({"EXISTS", "nba_mcp:quota:v1:2026-02-22:hits"}) == "1");
}

TEST_CASE("binary --redis --rate-limit-shared: one client's calls to two servers share a bucket") {
  RedisServer redis;
  const std::vector<std::string> argv = {kBinary,        "--origin",
                                         "snapshot",     "--redis",
                                         redis.url(),    "--rate-limit-shared",
                                         "--rate-limit", "get_team_standings=2",
                                         "--client-id",  "analyst",
                                         "--log-level",  "warn"};
  Subprocess first(argv);
  Subprocess second(argv);
  initialize(first);
  initialize(second);
  const json standings = {{"season", "2024-25"}};
  CHECK_FALSE(call(first, 1, "get_team_standings", standings)["result"].value("isError", false));
  CHECK_FALSE(call(second, 1, "get_team_standings", standings)["result"].value("isError", false));
  const json refused = call(first, 2, "get_team_standings", standings);
  INFO(refused.dump());
  CHECK(refused["result"].value("isError", false));
  CHECK(refused["result"]["content"][0]["text"].get<std::string>().find(
            "Rate limited: get_team_standings takes 2 calls a minute") != std::string::npos);
  // Without --redis there is nothing to share through: the start stops, saying so.
  const auto alone = testing::runCommand(
      {kBinary, "--origin", "snapshot", "--rate-limit-shared", "call", "get_team_standings", "{}"});
  CHECK(alone.first == 2);
}

}  // namespace
}  // namespace nba
