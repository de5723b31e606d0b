// The live source over real sockets: libcurl and the politeness policy against the fake
// NBA.com (tests/support/fake_nba_com.h), with each fault the issue names.
#include "origin/live/live_source.h"

#include <doctest/doctest.h>

#include "core/clock.h"
#include "live_fixture.h"
#include "origin/live/curl_http_client.h"
#include "origin/live/polite_http_client.h"
#include "support/fake_nba_com.h"

namespace nba::live {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::FakeFault;
using testing::FakeNbaCom;

constexpr char kDash[] = "/stats/leaguedashplayerstats";

// Two players' 2025-26 totals, in NBA.com's shape (columns in a different order from the
// real response's, as a drifted schema would have them).
json twoPlayers() {
  return testing::statsResponse(
      "LeagueDashPlayerStats", {"PLAYER_ID", "PLAYER_NAME", "TEAM_ID", "TEAM_ABBREVIATION",
                                "AGE",       "GP",          "PTS",     "MIN",
                                "FGM",       "FGA",         "FG_PCT",  "FG3M",
                                "FG3A",      "FTM",         "FTA",     "OREB",
                                "DREB",      "REB",         "AST",     "STL",
                                "BLK",       "TOV",         "PF"},
      {{1629029, "Luka Dončić", 1610612747, "LAL", 26.0, 43,  1419, 1563.2, 480, 1000, 0.48, 150,
        420,     309,           390,        30,    330,  360, 380,  60,     20,  170,  110},
       {1628983,    "Shai Gilgeous-Alexander",
        1610612760, "OKC",
        27.0,       49,
        1558,       1640.0,
        540,        980,
        0.551,      90,
        250,        388,
        430,        40,
        180,        220,
        320,        70,
        40,         110,
        100}});
}

struct Rig {
  FakeNbaCom fake;
  std::unique_ptr<HttpClient> curl;
  std::unique_ptr<HttpClient> polite;
  std::unique_ptr<DataSource> live;
  std::shared_ptr<Clock> clock = newFixedDateClock(
      std::chrono::sys_days{std::chrono::year{2026} / std::chrono::February / 22});
  CallContext call{*clock, Caller::kClient};

  explicit Rig(milliseconds timeout = milliseconds(2000), int retries = 2) {
    curl = newCurlHttpClient({milliseconds(1000), timeout, std::size_t{64} << 20});
    PolitenessOptions politeness;
    politeness.min_interval = milliseconds(0);
    politeness.backoff = milliseconds(10);
    politeness.max_retries = retries;
    polite = newPoliteHttpClient(*curl, politeness);
    LiveOptions options;
    options.stats_url = fake.statsUrl();
    options.cdn_url = fake.cdnUrl();
    live = newLiveSource(*polite, testing::franchises(), options);
  }

  Result<Table<PlayerSeasonLine>> season2025() const {
    PlayerSeasonStatsRequest request;
    request.season = Season{2025};
    return live->playerSeasonStats(call, request);
  }
};

TEST_CASE("live source: season lines from NBA.com, every parameter and NBA.com's headers sent") {
  Rig rig;
  rig.fake.serve(kDash, {{"Season", "2025-26"}, {"MeasureType", "Base"}, {"PerMode", "Totals"}},
                 twoPlayers().dump());
  auto table = rig.season2025();
  REQUIRE_MESSAGE(table.ok(), table.status().message());
  REQUIRE(table->rows.size() == 2);
  const PlayerSeasonLine& sga = table->rows[0];  // ordered by player id
  CHECK(sga.player_id == "1628983");
  CHECK(sga.pts_pg == doctest::Approx(31.8));
  CHECK(sga.team == "OKC");
  CHECK(table->meta.source == "live");
  CHECK(table->meta.origin == "NBA.com leaguedashplayerstats");
  CHECK(table->meta.as_of == "2026-02-22");
  CHECK(table->meta.coverage == Coverage::kPartial);  // the season in progress

  const auto requests = rig.fake.requests();
  REQUIRE(requests.size() == 1);
  const auto& sent = requests[0];
  CHECK(sent.params.at("SeasonType") == "Regular Season");
  CHECK(sent.params.at("DateFrom").empty());  // empty parameters are sent too
  CHECK(sent.params.at("LastNGames") == "0");
  CHECK(sent.params.size() >= 30);
  CHECK(sent.headers.at("referer") == "https://www.nba.com/");
  CHECK(sent.headers.at("origin") == "https://www.nba.com");
  CHECK(sent.headers.at("user-agent").find("Chrome/") != std::string::npos);
  CHECK(sent.headers.at("accept-encoding").find("gzip") != std::string::npos);
}

TEST_CASE("live source: schema drift — an added column is ignored, a missing one is named") {
  Rig rig;
  rig.fake.serve(kDash, {}, FakeNbaCom::addColumn(twoPlayers().dump(), "NEW_STAT", 7));
  REQUIRE(rig.season2025().ok());
  rig.fake.serve(kDash, {}, FakeNbaCom::dropColumn(twoPlayers().dump(), "FG3A"));
  auto missing = rig.season2025();
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kDataLoss);
  CHECK(missing.status().message() ==
        "stats.nba.com leaguedashplayerstats: the response has no column 'FG3A'");
}

TEST_CASE("live source: a 500 is retried and the retry's answer used") {
  Rig rig;
  rig.fake.serve(kDash, {}, twoPlayers().dump());
  rig.fake.fail(kDash, {FakeFault::kServerError, {}, 1});
  auto table = rig.season2025();
  REQUIRE_MESSAGE(table.ok(), table.status().message());
  CHECK(table->rows.size() == 2);
  CHECK(rig.fake.requestCount(kDash) == 2);
}

TEST_CASE("live source: each fault is a clear error, never a crash or a wrong number") {
  struct Case {
    FakeFault fault;
    StatusCode code;
    const char* says;
    int requests;
  };
  const Case cases[] = {
      {FakeFault::kForbidden, StatusCode::kUnavailable, "answered HTTP 403 (Forbidden)", 1},
      {FakeFault::kTooManyRequests, StatusCode::kUnavailable, "HTTP 429 (Too Many Requests)", 1},
      {FakeFault::kServerError, StatusCode::kUnavailable, "HTTP 500 (server error) after retries",
       3},
      {FakeFault::kTruncated, StatusCode::kDataLoss, "sent a response that is not JSON", 1},
      {FakeFault::kHtml, StatusCode::kDataLoss, "not JSON", 1},
      {FakeFault::kReset, StatusCode::kDataLoss, "broke off the response", 3},
  };
  for (const Case& c : cases) {
    Rig rig;
    rig.fake.serve(kDash, {}, twoPlayers().dump());
    rig.fake.fail(kDash, {c.fault, {}, -1});
    auto result = rig.season2025();
    INFO(c.says);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == c.code);
    CHECK(result.status().message().find(c.says) != std::string::npos);
    CHECK(result.status().message().find("leaguedashplayerstats") != std::string::npos);
    CHECK(rig.fake.requestCount(kDash) == c.requests);
  }
}

TEST_CASE("live source: a hang ends at the timeout, the deadline, or the cancel") {
  {
    Rig rig(milliseconds(300), /*retries=*/1);
    rig.fake.fail(kDash, {FakeFault::kHang, {}, -1});
    auto result = rig.season2025();
    CHECK(result.status().code() == StatusCode::kDeadlineExceeded);
    CHECK(result.status().message().find("did not answer in time") != std::string::npos);
    CHECK(rig.fake.requestCount(kDash) == 2);  // retried once
  }
  {
    Rig rig;  // a 2 s timeout, but the call has 200 ms
    rig.fake.fail(kDash, {FakeFault::kHang, {}, -1});
    CallContext call = rig.call;
    call.withDeadline(rig.clock->monotonicNow() + milliseconds(200));
    PlayerSeasonStatsRequest request;
    request.season = Season{2025};
    const auto start = std::chrono::steady_clock::now();
    auto result = rig.live->playerSeasonStats(call, request);
    CHECK(result.status().code() == StatusCode::kDeadlineExceeded);
    CHECK(std::chrono::steady_clock::now() - start < milliseconds(1500));
    CHECK(rig.fake.requestCount(kDash) == 1);  // no retry past the deadline
  }
  {
    Rig rig;
    rig.fake.fail(kDash, {FakeFault::kHang, {}, -1});
    CallContext call = rig.call;
    const auto start = std::chrono::steady_clock::now();
    call.withCancelProbe(
        [start] { return std::chrono::steady_clock::now() - start > milliseconds(150); });
    PlayerSeasonStatsRequest request;
    request.season = Season{2025};
    auto result = rig.live->playerSeasonStats(call, request);
    CHECK(result.status().code() == StatusCode::kCancelled);
    CHECK(std::chrono::steady_clock::now() - start < milliseconds(1500));
  }
}

TEST_CASE("live source: an unreachable NBA.com fails at once and opens the circuit") {
  Rig rig;
  LiveOptions options;
  options.stats_url = "http://127.0.0.1:1/stats";  // nothing listens on port 1
  auto live = newLiveSource(*rig.polite, testing::franchises(), options);
  PlayerSeasonStatsRequest request;
  request.season = Season{2025};
  auto first = live->playerSeasonStats(rig.call, request);
  CHECK(first.status().code() == StatusCode::kUnavailable);
  CHECK(first.status().message().find("cannot reach stats.nba.com leaguedashplayerstats") == 0);
  auto second = live->playerSeasonStats(rig.call, request);
  CHECK(second.status().message().find("NBA.com is not being asked") == 0);
}

TEST_CASE("live source: a malformed base URL is a configuration error, not retried") {
  Rig rig;
  LiveOptions options;
  options.stats_url = "::not a url";
  auto live = newLiveSource(*rig.polite, testing::franchises(), options);
  PlayerSeasonStatsRequest request;
  request.season = Season{2025};
  auto result = live->playerSeasonStats(rig.call, request);
  CHECK(result.status().code() == StatusCode::kInvalidArgument);
  CHECK(result.status().message().find("is not a usable URL (check --nba-stats-url") !=
        std::string::npos);
}

// Two players as commonallplayers lists them, and the season's bio of one of them.
void serveTwoPlayerNames(FakeNbaCom& fake) {
  fake.serve("/stats/commonallplayers", {},
             testing::statsResponse("CommonAllPlayers",
                                    {"PERSON_ID", "DISPLAY_FIRST_LAST", "ROSTERSTATUS", "FROM_YEAR",
                                     "TO_YEAR", "TEAM_ID"},
                                    {{203999, "Nikola Jokić", 1, "2015", "2025", 1610612743},
                                     {76001, "Alaa Abdelnaby", 0, "1990", "1994", 0}})
                 .dump());
}

std::string jokicBio() {
  return testing::statsResponse("PlayerIndex", {"PERSON_ID", "POSITION", "HEIGHT", "WEIGHT"},
                                {{203999, "C", "6-11", "284"}})
      .dump();
}

TEST_CASE("live source: players carry the season's bios from playerindex") {
  Rig rig;
  serveTwoPlayerNames(rig.fake);
  rig.fake.serve("/stats/playerindex", {{"Season", "2025-26"}, {"Historical", "0"}}, jokicBio());
  auto players = rig.live->players(rig.call);
  REQUIRE_MESSAGE(players.ok(), players.status().message());
  REQUIRE(players->rows.size() == 2);
  const Player& jokic = players->rows[1];  // ordered by name
  CHECK(jokic.name == "Nikola Jokić");
  CHECK(jokic.position == "C");
  CHECK(jokic.height_in == 83);
  CHECK(jokic.weight_lb == 284);
  CHECK(players->rows[0].position.empty());  // retired: not in the season's index
  CHECK(players->meta.origin == "NBA.com commonallplayers and playerindex");
  auto one = rig.live->player(rig.call, "203999");
  REQUIRE(one.ok());
  CHECK(one->height_in == 83);
  // Kept: a second look asks NBA.com nothing.
  CHECK(rig.live->players(rig.call).ok());
  CHECK(rig.fake.requestCount("/stats/commonallplayers") == 1);
  CHECK(rig.fake.requestCount("/stats/playerindex") == 1);
  const auto sent = rig.fake.requests().back().params;
  CHECK(sent.at("PlayerPosition").empty());
  CHECK(sent.at("LeagueID") == "00");
}

TEST_CASE("live source: without playerindex the names still serve, and the bios come later") {
  Rig rig;
  serveTwoPlayerNames(rig.fake);
  rig.fake.fail("/stats/playerindex", {FakeFault::kForbidden, milliseconds(0), 1});
  FakeClock clock(std::chrono::sys_days{std::chrono::year{2026} / 2 / 22});
  CallContext call{clock, Caller::kClient};
  auto players = rig.live->players(call);
  REQUIRE_MESSAGE(players.ok(), players.status().message());
  CHECK(players->rows[1].position.empty());
  CHECK(players->meta.origin == "NBA.com commonallplayers");

  rig.fake.serve("/stats/playerindex", {}, jokicBio());
  clock.advance(std::chrono::seconds(30));  // within a minute: not asked again
  CHECK(rig.live->players(call)->rows[1].position.empty());
  CHECK(rig.fake.requestCount("/stats/playerindex") == 1);
  clock.advance(std::chrono::seconds(31));
  auto later = rig.live->players(call);
  REQUIRE(later.ok());
  CHECK(later->rows[1].position == "C");
  CHECK(rig.fake.requestCount("/stats/playerindex") == 2);
  CHECK(rig.fake.requestCount("/stats/commonallplayers") == 1);  // the names were kept
}

TEST_CASE("live source: seasons need no request; a season's awards are not NBA.com's to list") {
  Rig rig;
  auto seasons = rig.live->seasons(rig.call);
  REQUIRE(seasons.ok());
  CHECK(seasons->front().season.label() == "1996-97");
  CHECK(seasons->back().season.label() == "2025-26");
  CHECK(seasons->back().coverage == Coverage::kPartial);
  CHECK(rig.live->teams(rig.call)->rows.size() == 30);
  CHECK(rig.live->awards(rig.call, Season{2024}).status().code() == StatusCode::kUnimplemented);
  CHECK(rig.fake.requestCount() == 0);
}

}  // namespace
}  // namespace nba::live
