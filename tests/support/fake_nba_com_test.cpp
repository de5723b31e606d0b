// The loopback fake of NBA.com over real sockets: fixtures by path and params, the request
// log, gzip, each fault as a client sees it, prompt shutdown under a hang, and the
// schema-drift helpers.
#include "support/fake_nba_com.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace nba::testing {
namespace {

using Json = nlohmann::json;
using std::chrono::milliseconds;
using Stopwatch = std::chrono::steady_clock;

constexpr char kPlayersPath[] = "/stats/leaguedashplayerstats";
const std::string kPlayersBody =
    R"({"resource":"leaguedashplayerstats","parameters":{"Season":"2024-25"},)"
    R"("resultSets":[{"name":"LeagueDashPlayerStats","headers":["PLAYER_ID","PLAYER_NAME","PTS"],)"
    R"("rowSet":[[2544,"LeBron James",24.4],[201939,"Stephen Curry",24.5]]}]})";

httplib::Result fetch(const FakeNbaCom& fake, const std::string& target,
                      const httplib::Headers& headers = {},
                      milliseconds read_timeout = std::chrono::seconds(5)) {
  httplib::Client client("127.0.0.1", fake.port());
  client.set_read_timeout(read_timeout);
  return client.Get(target, headers);
}

milliseconds elapsedSince(Stopwatch::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Stopwatch::now() - start);
}

// The fake is reached over real sockets from another thread, so this polls (for at most 5 s)
// instead of asserting at once.
bool waitForRequests(const FakeNbaCom& fake, int count) {
  const auto start = Stopwatch::now();
  while (fake.requestCount() < count) {
    if (elapsedSince(start) > std::chrono::seconds(5)) {
      return false;
    }
    std::this_thread::sleep_for(milliseconds(1));
  }
  return true;
}

TEST_CASE("fake NBA.com: a served body comes back byte-identical for matching params, else 404") {
  FakeNbaCom fake;
  CHECK(fake.port() > 0);
  CHECK(fake.cdnUrl() == "http://127.0.0.1:" + std::to_string(fake.port()));
  CHECK(fake.statsUrl() == fake.cdnUrl() + "/stats");
  fake.serve(kPlayersPath, {{"Season", "2024-25"}}, kPlayersBody);

  const auto served = fetch(fake, std::string(kPlayersPath) + "?Season=2024-25&PerMode=PerGame");
  REQUIRE(served);
  CHECK(served->status == 200);
  CHECK(served->body == kPlayersBody);
  CHECK(served->get_header_value("Content-Type") == "application/json; charset=utf-8");

  const auto other_season = fetch(fake, std::string(kPlayersPath) + "?Season=2023-24");
  REQUIRE(other_season);
  CHECK(other_season->status == 404);
  const Json missing = Json::parse(other_season->body, nullptr, false);
  REQUIRE(missing.is_object());
  CHECK(missing.value("path", "") == kPlayersPath);

  const auto other_path = fetch(fake, "/stats/leaguedashteamstats?Season=2024-25");
  REQUIRE(other_path);
  CHECK(other_path->status == 404);
  CHECK(other_path->body.find("/stats/leaguedashteamstats") != std::string::npos);
}

TEST_CASE("fake NBA.com: the most specific match wins and serving the same params replaces") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, "any season");
  fake.serve(kPlayersPath, {{"Season", "2024-25"}, {"SeasonType", "Playoffs"}}, "playoffs");
  fake.serve(kPlayersPath, {{"Season", "2024-25"}}, "2024-25");
  const auto bodyFor = [&fake](const std::string& query) {
    const auto result = fetch(fake, std::string(kPlayersPath) + query);
    return result ? result->body : std::string("<no response>");
  };

  CHECK(bodyFor("?SeasonType=Playoffs&Season=2024-25") == "playoffs");
  CHECK(bodyFor("?Season=2024-25&SeasonType=Regular%20Season") == "2024-25");
  CHECK(bodyFor("?Season=2022-23&SeasonType=Playoffs") == "any season");
  fake.serve(kPlayersPath, {{"Season", "2024-25"}}, "2024-25 again");
  CHECK(bodyFor("?Season=2024-25") == "2024-25 again");
}

TEST_CASE("fake NBA.com: serveFile serves a file's bytes and refuses a file it cannot read") {
  FakeNbaCom fake;
  const auto file = std::filesystem::temp_directory_path() /
                    ("fake_nba_com_" + std::to_string(fake.port()) + ".json");
  std::ofstream(file, std::ios::binary) << kPlayersBody;
  const std::string scoreboard = "/static/json/liveData/scoreboard/todaysScoreboard_00.json";

  CHECK(fake.serveFile(scoreboard, {}, file.string()));
  std::filesystem::remove(file);  // read at serveFile(), not per request
  CHECK_FALSE(fake.serveFile("/stats/boxscoretraditionalv3", {}, file.string()));

  const auto served = fetch(fake, scoreboard);
  REQUIRE(served);
  CHECK(served->status == 200);
  CHECK(served->body == kPlayersBody);
  const auto refused = fetch(fake, "/stats/boxscoretraditionalv3");
  REQUIRE(refused);
  CHECK(refused->status == 404);
}

TEST_CASE("fake NBA.com: the log keeps decoded params, empty values and lower-cased headers") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail("/stats/commonallplayers", {FakeFault::kForbidden});

  REQUIRE(fetch(fake,
                std::string(kPlayersPath) + "?Season=2024-25&DateFrom=&TeamName=Los%20Angeles",
                {{"Referer", "https://www.nba.com/"}, {"x-nba-stats-Origin", "stats"}}));
  REQUIRE(fetch(fake, "/stats/commonallplayers?IsOnlyCurrentSeason=1"));

  const auto log = fake.requests();
  REQUIRE(log.size() == 2);
  CHECK(log[0].path == kPlayersPath);
  CHECK(log[0].params == std::map<std::string, std::string>{
                             {"Season", "2024-25"}, {"DateFrom", ""}, {"TeamName", "Los Angeles"}});
  CHECK(log[0].headers.at("referer") == "https://www.nba.com/");
  CHECK(log[0].headers.at("x-nba-stats-origin") == "stats");
  CHECK(log[0].headers.count("remote_addr") == 0);  // httplib's own, not sent by the client
  CHECK(log[1].path == "/stats/commonallplayers");  // a faulted request is logged too
  CHECK(log[1].params.at("IsOnlyCurrentSeason") == "1");
  CHECK(fake.requestCount() == 2);
  CHECK(fake.requestCount(kPlayersPath) == 1);
  CHECK(fake.requestCount("/stats/scoreboardv2") == 0);
}

TEST_CASE("fake NBA.com: JSON is gzipped when the client accepts gzip") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);

  httplib::Client raw("127.0.0.1", fake.port());
  raw.set_decompress(false);
  const auto compressed = raw.Get(kPlayersPath, {{"Accept-Encoding", "gzip, deflate"}});
  REQUIRE(compressed);
  CHECK(compressed->get_header_value("Content-Encoding") == "gzip");
  CHECK(compressed->body.rfind("\x1f\x8b", 0) == 0);  // the gzip magic number

  const auto decoded = fetch(fake, kPlayersPath, {{"Accept-Encoding", "gzip"}});
  REQUIRE(decoded);
  CHECK(decoded->body == kPlayersBody);

  const auto plain = fetch(fake, kPlayersPath);
  REQUIRE(plain);
  CHECK_FALSE(plain->has_header("Content-Encoding"));
  CHECK(plain->body == kPlayersBody);
}

TEST_CASE("fake NBA.com: kForbidden answers 403 with an Access Denied page") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail(kPlayersPath, {FakeFault::kForbidden});
  const auto result = fetch(fake, kPlayersPath);
  REQUIRE(result);
  CHECK(result->status == 403);
  CHECK(result->get_header_value("Content-Type") == "text/html");
  CHECK(result->body.find("Access Denied") != std::string::npos);
}

TEST_CASE("fake NBA.com: kTooManyRequests answers 429 with {} and Retry-After: 1") {
  FakeNbaCom fake;
  fake.fail(kPlayersPath, {FakeFault::kTooManyRequests});
  const auto result = fetch(fake, kPlayersPath);
  REQUIRE(result);
  CHECK(result->status == 429);
  CHECK(result->body == "{}");
  CHECK(result->get_header_value("Retry-After") == "1");
}

TEST_CASE("fake NBA.com: kServerError answers 500 and kHtml answers 200 with an HTML page") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail(kPlayersPath, {FakeFault::kServerError});
  const auto server_error = fetch(fake, kPlayersPath);
  REQUIRE(server_error);
  CHECK(server_error->status == 500);
  CHECK(server_error->get_header_value("Content-Type") == "text/plain");
  CHECK_FALSE(server_error->body.empty());

  fake.fail(kPlayersPath, {FakeFault::kHtml});
  const auto html = fetch(fake, kPlayersPath);
  REQUIRE(html);
  CHECK(html->status == 200);
  CHECK(html->get_header_value("Content-Type") == "text/html");
  CHECK(html->body == "<html><body>Service Unavailable</body></html>");
}

TEST_CASE("fake NBA.com: kTruncated answers the first half of the body as a whole response") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail(kPlayersPath, {FakeFault::kTruncated});
  const std::string half = kPlayersBody.substr(0, kPlayersBody.size() / 2);

  const auto plain = fetch(fake, kPlayersPath);
  REQUIRE(plain);  // Content-Length agrees with what was sent: no transfer error
  CHECK(plain->status == 200);
  CHECK(plain->get_header_value("Content-Type") == "application/json; charset=utf-8");
  CHECK(plain->get_header_value("Content-Length") == std::to_string(half.size()));
  CHECK(plain->body == half);
  CHECK(Json::parse(plain->body, nullptr, false).is_discarded());

  const auto gzipped = fetch(fake, kPlayersPath, {{"Accept-Encoding", "gzip"}});
  REQUIRE(gzipped);  // the half is compressed whole, so it decodes
  CHECK(gzipped->body == half);
}

TEST_CASE("fake NBA.com: kReset declares the whole body, sends half and drops the connection") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail(kPlayersPath, {FakeFault::kReset});

  httplib::Client client("127.0.0.1", fake.port());
  std::string declared;
  std::string received;
  const auto result = client.Get(
      kPlayersPath, {},
      [&declared](const httplib::Response& response) {
        declared = response.get_header_value("Content-Length");
        return true;
      },
      [&received](const char* data, size_t size) {
        received.append(data, size);
        return true;
      });
  CHECK_FALSE(result);
  CHECK(result.error() == httplib::Error::Read);
  CHECK(declared == std::to_string(kPlayersBody.size()));
  CHECK(received == kPlayersBody.substr(0, kPlayersBody.size() / 2));
}

TEST_CASE("fake NBA.com: kLatency answers normally after at least the latency") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail(kPlayersPath, {FakeFault::kLatency, milliseconds(250)});
  const auto start = Stopwatch::now();
  const auto result = fetch(fake, kPlayersPath);
  const auto took = elapsedSince(start);
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->body == kPlayersBody);
  CHECK(took >= milliseconds(250));
}

TEST_CASE("fake NBA.com: a fault with times = 1 affects only the first request") {
  FakeNbaCom fake;
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.fail(kPlayersPath, {FakeFault::kServerError, milliseconds(0), 1});
  const auto first = fetch(fake, kPlayersPath);
  const auto second = fetch(fake, kPlayersPath);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->status == 500);
  CHECK(second->status == 200);
  CHECK(second->body == kPlayersBody);
}

TEST_CASE("fake NBA.com: a fault keeps to its path, \"\" covers the rest, clearFaults ends all") {
  FakeNbaCom fake;
  const std::string teams = "/stats/leaguedashteamstats";
  fake.serve(kPlayersPath, {}, kPlayersBody);
  fake.serve(teams, {}, "{}");
  const auto statusOf = [&fake](const std::string& path) {
    const auto result = fetch(fake, path);
    return result ? result->status : -1;
  };

  fake.fail(kPlayersPath, {FakeFault::kForbidden});
  CHECK(statusOf(kPlayersPath) == 403);
  CHECK(statusOf(teams) == 200);
  fake.fail("", {FakeFault::kServerError});
  CHECK(statusOf(kPlayersPath) == 403);  // the path's own fault comes first
  CHECK(statusOf(teams) == 500);
  fake.clearFaults();
  CHECK(statusOf(kPlayersPath) == 200);
  CHECK(statusOf(teams) == 200);
}

TEST_CASE("fake NBA.com: kHang outlasts a 200 ms read timeout and the destructor stays quick") {
  auto fake = std::make_unique<FakeNbaCom>();
  fake->serve(kPlayersPath, {}, kPlayersBody);
  fake->fail(kPlayersPath, {FakeFault::kHang});

  const auto start = Stopwatch::now();
  const auto result = fetch(*fake, kPlayersPath, {}, milliseconds(200));
  const auto waited = elapsedSince(start);
  CHECK_FALSE(result);
  CHECK(result.error() == httplib::Error::Read);
  CHECK(waited >= milliseconds(200));
  CHECK(waited < std::chrono::seconds(5));

  const auto stop_start = Stopwatch::now();
  fake.reset();  // the handler is still waiting for the client that gave up
  CHECK(elapsedSince(stop_start) < milliseconds(500));
}

TEST_CASE("fake NBA.com: stopping the fake drops a request that is still hanging") {
  auto fake = std::make_unique<FakeNbaCom>();
  fake->fail("", {FakeFault::kHang});
  bool answered = true;
  milliseconds waited{0};
  std::thread client([&answered, &waited, port = fake->port()] {
    httplib::Client hanging("127.0.0.1", port);
    hanging.set_read_timeout(std::chrono::seconds(30));
    const auto start = Stopwatch::now();
    answered = static_cast<bool>(hanging.Get(kPlayersPath));
    waited = elapsedSince(start);
  });
  CHECK(waitForRequests(*fake, 1));  // not REQUIRE: the client thread must be joined
  fake.reset();
  client.join();
  CHECK_FALSE(answered);  // a dropped connection, not an answer
  CHECK(waited < std::chrono::seconds(5));
}

TEST_CASE("fake NBA.com: dropColumn and addColumn edit every result set of both shapes") {
  const std::string plural =
      R"({"resultSets":[{"name":"A","headers":["ID","PTS","AST"],"rowSet":[[1,20,5],[2,30,7]]},)"
      R"({"name":"B","headers":["ID","AST"],"rowSet":[[1,5]]}]})";
  const std::string singular =
      R"({"resultSet":{"name":"S","headers":["ID","PTS"],"rowSet":[[9,11]]}})";

  SUBCASE("dropColumn removes the header and its cell where the column exists") {
    const Json dropped = Json::parse(FakeNbaCom::dropColumn(plural, "PTS"));
    CHECK(dropped["resultSets"][0]["headers"] == Json{"ID", "AST"});
    CHECK(dropped["resultSets"][0]["rowSet"] == Json::parse("[[1,5],[2,7]]"));
    CHECK(dropped["resultSets"][1] == Json::parse(plural)["resultSets"][1]);  // had no PTS
    const Json single = Json::parse(FakeNbaCom::dropColumn(singular, "ID"));
    CHECK(single["resultSet"]["headers"] == Json{"PTS"});
    CHECK(single["resultSet"]["rowSet"] == Json::parse("[[11]]"));
  }
  SUBCASE("addColumn appends the column and the value to every row of every set") {
    const Json added = Json::parse(FakeNbaCom::addColumn(plural, "PLUS_MINUS", 3.5));
    CHECK(added["resultSets"][0]["headers"].back() == "PLUS_MINUS");
    CHECK(added["resultSets"][0]["rowSet"] == Json::parse("[[1,20,5,3.5],[2,30,7,3.5]]"));
    CHECK(added["resultSets"][1]["rowSet"] == Json::parse("[[1,5,3.5]]"));
    const Json single = Json::parse(FakeNbaCom::addColumn(singular, "NICKNAME", nullptr));
    CHECK(single["resultSet"]["headers"] == Json{"ID", "PTS", "NICKNAME"});
    CHECK(single["resultSet"]["rowSet"] == Json::parse("[[9,11,null]]"));
  }
  SUBCASE("a body that is not JSON comes back unchanged") {
    CHECK(FakeNbaCom::dropColumn("<html>", "PTS") == "<html>");
    CHECK(FakeNbaCom::addColumn("", "PTS", 1) == "");
  }
}

}  // namespace
}  // namespace nba::testing
