// The season schedule (cdn scheduleLeagueV2) and a player's awards (playerawards): parsers over
// our own fixtures and the recorded response, and the live source against the fake NBA.com.
#include <doctest/doctest.h>

#include "core/clock.h"
#include "live_fixture.h"
#include "origin/live/curl_http_client.h"
#include "origin/live/live_source.h"
#include "origin/live/nba_date.h"
#include "origin/live/polite_http_client.h"
#include "origin/live/schedule_fixture.h"
#include "origin/live/stats_parsers.h"
#include "support/fake_nba_com.h"
#include "support/shared_data.h"

namespace nba::live {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::FakeNbaCom;

using testing::kSchedulePath;

TEST_CASE("schedule parser: the regular season's games by date, played, under way and ahead") {
  const json response = testing::schedule2025();
  auto games = parseSchedule(response, "t", Season{2025}, testing::franchises());
  REQUIRE_MESSAGE(games.ok(), games.status().message());
  REQUIRE(games->size() == 4);  // preseason, All-Star, playoff and a TBD final left out
  CHECK(games->at(0).game.game_id == "0022500840");
  CHECK(games->at(0).status == GameStatus::kFinal);
  CHECK(games->at(0).game.winner() == "BOS");
  const ScoreboardGame& live = games->at(1);
  CHECK(live.status == GameStatus::kInProgress);
  CHECK(live.status_text == "Q3 5:12");
  CHECK(live.game.home_pts == 70);
  CHECK(live.game.away_pts == 65);
  const ScoreboardGame& ahead = games->at(2);
  CHECK(ahead.game.date == "2026-02-24");  // no gameDateEst: the day's "02/24/2026 00:00:00"
  CHECK(ahead.game.away == "BOS");
  CHECK(ahead.game.home == "MIA");
  CHECK(ahead.status == GameStatus::kScheduled);
  CHECK(ahead.status_text == "7:30 pm ET");
  CHECK(ahead.start_utc == "2026-02-25T00:30:00Z");
  CHECK(ahead.game.season == Season{2025});
  CHECK(games->at(3).game.home == "LAC");

  for (const char* bad :
       {R"({"leagueSchedule":{}})", R"([])", R"({"leagueSchedule":{"gameDates":{}}})",
        R"({"leagueSchedule":{"gameDates":[{"games":[7]}]}})",
        R"({"leagueSchedule":{"gameDates":[{"games":[{"gameId":"0022500001",
                             "homeTeam":{"teamTricode":"BOS"},"awayTeam":{"teamTricode":"NYK"}}]}]}})"}) {
    const json odd = json::parse(bad);
    auto rejected =
        parseSchedule(odd, "cdn.nba.com scheduleLeagueV2", Season{2025}, testing::franchises());
    REQUIRE_FALSE(rejected.ok());
    CHECK(rejected.status().code() == StatusCode::kDataLoss);
    CHECK(rejected.status().message().find("cdn.nba.com scheduleLeagueV2") == 0);
  }
}

TEST_CASE("NBA.com dates written month/day/year, as the cdn schedule and playerawards write them") {
  CHECK(parseNbaDate("02/24/2026 00:00:00") == "2026-02-24");
  CHECK(parseNbaDate("1/1/2024") == "2024-01-01");
  CHECK(parseNbaDate("12/1/2021") == "2021-12-01");
  CHECK(parseNbaDate("2/29/2024") == "2024-02-29");
  for (const char* bad : {"2/30/2024", "13/1/2024", "1/1/24", "1//2024", "/1/2024", "a/b/cdef"}) {
    CHECK_MESSAGE(!parseNbaDate(bad).has_value(), bad);
  }
}

TEST_CASE("recorded playerawards: Donovan Mitchell's All-NBA and All-Rookie selections") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  const json response = testing::recordedResponse("playerawards__1628378.json");
  auto awards = parsePlayerAwards(response, "1628378");
  REQUIRE_MESSAGE(awards.ok(), awards.status().message());
  REQUIRE(awards->entries.size() == 3);
  CHECK(awards->entries[0].season.label() == "2017-18");
  CHECK(awards->entries[0].award == "ALL_ROOKIE_1");
  CHECK(awards->entries[1].season.label() == "2022-23");
  CHECK(awards->entries[1].award == "ALL_NBA_2");
  CHECK(awards->entries[2].season.label() == "2024-25");
  CHECK(awards->entries[2].award == "ALL_NBA_1");
  for (const AwardEntry& entry : awards->entries) {
    CHECK(entry.player_name == "Donovan Mitchell");
    CHECK(entry.player_id == "1628378");
    CHECK(entry.winner);
    CHECK(entry.rank == 0);  // a selection, not a vote finish
  }
  CHECK(awards->other_honours == 24);  // 7 All-Star, 10 Player of the Week, 7 of the Month
}

TEST_CASE("playerawards parser: voted awards, team numbers, and what it cannot read") {
  const json headers = {"PERSON_ID",   "FIRST_NAME", "LAST_NAME",          "TEAM",
                        "DESCRIPTION", "SEASON",     "ALL_NBA_TEAM_NUMBER"};
  const json response = testing::statsResponse(
      "PlayerAwards", headers,
      {{203999, "Nikola", "Jokić", "Denver Nuggets", "NBA Most Valuable Player", "2023-24",
        nullptr},
       {203999, "Nikola", "Jokić", "Denver Nuggets", "All-NBA", "2023-24", "1"},
       {203999, "Nikola", "Jokić", "Denver Nuggets", "All-Defensive Team", "2019-20", "2"},
       {203999, "Nikola", "Jokić", "Denver Nuggets", "All-Defensive Team", "2019-20", "3"},
       {203999, "Nikola", "Jokić", "Denver Nuggets", "NBA Champion", "2022-23", nullptr},
       {203999, "Nikola", "Jokić", "Denver Nuggets", "NBA Most Valuable Player", "23-24",
        nullptr}});
  auto awards = parsePlayerAwards(response, "203999");
  REQUIRE_MESSAGE(awards.ok(), awards.status().message());
  REQUIRE(awards->entries.size() == 3);
  CHECK(awards->entries[0].award == "ALL_DEF_2");
  CHECK(awards->entries[1].award == "ALL_NBA_1");
  CHECK(awards->entries[2].award == "MVP");
  CHECK(awards->entries[2].rank == 1);
  CHECK(awards->entries[2].player_name == "Nikola Jokić");
  // A third All-Defensive team, a title and an unreadable season are other honours.
  CHECK(awards->other_honours == 3);

  const json no_season = testing::statsResponse(
      "PlayerAwards", {"FIRST_NAME", "LAST_NAME", "DESCRIPTION"}, json::array());
  auto missing = parsePlayerAwards(no_season, "203999");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kDataLoss);
  CHECK(missing.status().message() ==
        "stats.nba.com playerawards: the response has no column 'SEASON'");
}

struct Rig {
  FakeNbaCom fake;
  std::unique_ptr<HttpClient> curl =
      newCurlHttpClient({milliseconds(1000), milliseconds(2000), std::size_t{64} << 20});
  std::unique_ptr<HttpClient> polite;
  std::unique_ptr<DataSource> live;
  std::shared_ptr<Clock> clock = newFixedDateClock(
      std::chrono::sys_days{std::chrono::year{2026} / std::chrono::February / 22});
  CallContext call{*clock, Caller::kClient};

  Rig() {
    PolitenessOptions politeness;
    politeness.min_interval = milliseconds(0);
    politeness.max_retries = 0;
    polite = newPoliteHttpClient(*curl, politeness);
    LiveOptions options;
    options.stats_url = fake.statsUrl();
    options.cdn_url = fake.cdnUrl();
    live = newLiveSource(*polite, testing::franchises(), options);
  }
};

TEST_CASE("live source: the games still to come, from the cdn season schedule") {
  Rig rig;
  rig.fake.serve(kSchedulePath, {}, testing::schedule2025().dump());
  UpcomingGamesRequest request;
  request.season = Season{2025};
  auto all = rig.live->upcomingGames(rig.call, request);
  REQUIRE_MESSAGE(all.ok(), all.status().message());
  REQUIRE(all->rows.size() == 3);  // the final is not ahead
  CHECK(all->rows[0].status == GameStatus::kInProgress);
  CHECK(all->meta.source == "live");
  CHECK(all->meta.origin == "NBA.com season schedule (cdn)");

  request.team = "BOS";
  request.date_from = "2026-02-23";
  auto boston = rig.live->upcomingGames(rig.call, request);
  REQUIRE(boston.ok());
  REQUIRE(boston->rows.size() == 1);
  CHECK(boston->rows[0].game.game_id == "0022500870");

  request.team.reset();
  request.date_from.reset();
  request.date_to = "2026-02-22";
  auto today = rig.live->upcomingGames(rig.call, request);
  REQUIRE(today.ok());
  REQUIRE(today->rows.size() == 1);
  CHECK(today->rows[0].game.home == "BOS");
  CHECK(rig.fake.requests().front().headers.count("referer") == 1);  // cdn wants the Referer

  // A season that is over has nothing ahead, and costs no request.
  const int asked = rig.fake.requestCount();
  auto past = rig.live->upcomingGames(rig.call, {Season{2024}, {}, {}, {}});
  REQUIRE(past.ok());
  CHECK(past->rows.empty());
  CHECK(rig.fake.requestCount() == asked);
}

TEST_CASE("live source: a schedule for another season is not this one's") {
  Rig rig;
  rig.fake.serve(kSchedulePath, {}, testing::schedule2025("2024-25").dump());
  auto upcoming = rig.live->upcomingGames(rig.call, {Season{2025}, {}, {}, {}});
  REQUIRE_FALSE(upcoming.ok());
  CHECK(upcoming.status().code() == StatusCode::kNotFound);
  CHECK(upcoming.status().message() ==
        "NBA.com has not published a 2025-26 schedule (its schedule is 2024-25's)");
  rig.fake.serve(kSchedulePath, {}, "<html>Access Denied</html>");
  auto garbage = rig.live->upcomingGames(rig.call, {Season{2025}, {}, {}, {}});
  REQUIRE_FALSE(garbage.ok());
  CHECK(garbage.status().code() == StatusCode::kDataLoss);
  CHECK(garbage.status().message().find("cdn.nba.com scheduleLeagueV2") == 0);
}

TEST_CASE("live source: a player's awards from playerawards, with what NBA.com leaves out") {
  Rig rig;
  rig.fake.serve(
      "/stats/playerawards", {{"PlayerID", "203999"}},
      testing::statsResponse(
          "PlayerAwards",
          {"PERSON_ID", "FIRST_NAME", "LAST_NAME", "DESCRIPTION", "SEASON", "ALL_NBA_TEAM_NUMBER"},
          {{203999, "Nikola", "Jokić", "NBA Most Valuable Player", "2023-24", nullptr},
           {203999, "Nikola", "Jokić", "NBA All-Star", "2023-24", nullptr}})
          .dump());
  auto awards = rig.live->playerAwards(rig.call, "203999");
  REQUIRE_MESSAGE(awards.ok(), awards.status().message());
  REQUIRE(awards->rows.size() == 1);
  CHECK(awards->rows[0].award == "MVP");
  CHECK(awards->rows[0].season.label() == "2023-24");
  REQUIRE(awards->meta.notes.size() == 1);
  CHECK(awards->meta.notes[0] ==
        "NBA.com lists award wins and team selections, not vote finishes; 1 other honour "
        "(All-Star, Player of the Week or Month, …) not shown.");
  const auto requests = rig.fake.requests();
  REQUIRE(requests.size() == 1);
  CHECK(requests[0].path == "/stats/playerawards");
  CHECK(requests[0].params.at("PlayerID") == "203999");
  // A player NBA.com does not know: its answer is a 404 from the fake here.
  auto unknown = rig.live->playerAwards(rig.call, "1");
  CHECK_FALSE(unknown.ok());
}

}  // namespace
}  // namespace nba::live
