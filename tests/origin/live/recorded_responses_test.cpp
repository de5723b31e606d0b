// The live origin's parsers over real responses NBA.com sent (../shared/data/statsnba-samples):
// the values a user would be told, checked against what NBA.com published.
#include <doctest/doctest.h>

#include <algorithm>

#include "live_fixture.h"
#include "origin/live/stats_parsers.h"
#include "support/shared_data.h"

namespace nba::live {
namespace {

using nlohmann::json;
using testing::franchises;
using testing::recordedResponse;

const Season k2025{2025};

template <typename Row, typename Pred>
const Row& only(const std::vector<Row>& rows, Pred pred) {
  auto count = std::count_if(rows.begin(), rows.end(), pred);
  REQUIRE(count == 1);
  return *std::find_if(rows.begin(), rows.end(), pred);
}

TEST_CASE("recorded leaguedashplayerstats 2025-26: Dončić 33.0 points per game") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto lines = parsePlayerSeasonLines(
      recordedResponse("leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json"),
      k2025);
  REQUIRE_MESSAGE(lines.ok(), lines.status().message());
  CHECK(lines->size() == 535);
  const PlayerSeasonLine& luka =
      only(lines.value(), [](const auto& l) { return l.player_id == "1629029"; });
  CHECK(luka.team == "LAL");
  CHECK(luka.gp == 43);
  CHECK(luka.pts_pg == doctest::Approx(33.0));
  CHECK(luka.season.label() == "2025-26");
  CHECK(luka.stint == 0);
  // Traded in 2025-26 (TEAM_COUNT 2): the combined line, under his last team.
  const PlayerSeasonLine& cj =
      only(lines.value(), [](const auto& l) { return l.player_id == "203468"; });
  CHECK(cj.team == "TOT");
  CHECK(cj.lastTeam() == "ATL");
  CHECK(cj.isCombined());
  CHECK_FALSE(luka.gs.has_value());  // NBA.com totals do not give games started
  CHECK(std::is_sorted(lines->begin(), lines->end(),
                       [](const auto& a, const auto& b) { return a.player_id < b.player_id; }));
}

TEST_CASE("recorded leaguedashplayerstats 2025-26 gives the snapshot's 2025-26 lines") {
  // The snapshot's 2025-26 lines were built from this very response, so the live parser must
  // produce the same domain values: same rounding, same ratios, same units.
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto live_lines = parsePlayerSeasonLines(
      recordedResponse("leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json"),
      k2025);
  REQUIRE(live_lines.ok());
  PlayerSeasonStatsRequest request;
  request.season = k2025;
  request.season_lines_only = true;
  auto snapshot = testing::embeddedSnapshot().playerSeasonStats(testing::testCall(), request);
  REQUIRE(snapshot.ok());
  int compared = 0;
  for (const PlayerSeasonLine& offline : snapshot->rows) {
    auto live = std::find_if(live_lines->begin(), live_lines->end(),
                             [&](const auto& l) { return l.player_id == offline.player_id; });
    if (live == live_lines->end()) continue;
    ++compared;
    INFO(offline.player_id);
    CHECK(live->team == offline.team);  // "TOT" for a player traded in 2025-26
    CHECK(live->lastTeam() == offline.lastTeam());
    CHECK(live->gp == offline.gp);
    CHECK(live->min == offline.min);
    CHECK(live->pts == offline.pts);
    CHECK(live->reb == offline.reb);
    CHECK(live->pts_pg == doctest::Approx(offline.pts_pg));
    CHECK(live->ast_pg == doctest::Approx(offline.ast_pg));
    CHECK(live->fg_pct.has_value() == offline.fg_pct.has_value());
    if (live->ts_pct && offline.ts_pct) CHECK(*live->ts_pct == doctest::Approx(*offline.ts_pct));
  }
  CHECK(compared >= 500);
}

TEST_CASE("recorded leaguestandingsv3 2025-26: Detroit 42-13, first in the East") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto rows = parseStandings(recordedResponse("leaguestandingsv3__2025-26__RegularSeason.json"),
                             k2025, franchises());
  REQUIRE_MESSAGE(rows.ok(), rows.status().message());
  REQUIRE(rows->size() == 30);
  const StandingRow& det = only(rows.value(), [](const auto& r) { return r.team == "DET"; });
  CHECK(det.w == 42);
  CHECK(det.l == 13);
  CHECK(det.conference == "East");
  CHECK(det.conference_rank == 1);
  const StandingRow& okc = only(rows.value(), [](const auto& r) { return r.team == "OKC"; });
  CHECK(okc.w == 43);
  CHECK(okc.home == "23-6");
  CHECK(okc.conference_record == "32-9");  // NBA.com sends "32-9 "
  CHECK(okc.streak == "W1");               // and "W 1"
  CHECK(okc.neutral == "0-1");             // the Cup semifinal in Las Vegas, lost to San Antonio
  const StandingRow& orl = only(rows.value(), [](const auto& r) { return r.team == "ORL"; });
  CHECK(orl.home == "17-9");
  CHECK(orl.road == "11-15");
  CHECK(orl.neutral == "1-2");
  CHECK(rows->front().conference == "East");
  CHECK(rows->front().conference_rank == 1);
}

TEST_CASE("the snapshot's 2025-26 home, road and neutral records are NBA.com's, all 30 teams") {
  // Five 2025-26 games were at neutral sites (Mexico City, Las Vegas, Berlin, London): NBA.com
  // counts them in neither home nor road.
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto published = parseStandings(
      recordedResponse("leaguestandingsv3__2025-26__RegularSeason.json"), k2025, franchises());
  REQUIRE(published.ok());
  auto derived = testing::embeddedSnapshot().standings(testing::testCall(), k2025);
  REQUIRE(derived.ok());
  REQUIRE(derived->rows.size() == 30);
  int neutral_teams = 0;
  for (const StandingRow& ours : derived->rows) {
    CAPTURE(ours.team);
    const StandingRow& theirs =
        only(published.value(), [&](const auto& r) { return r.team == ours.team; });
    CHECK(ours.home == theirs.home);
    CHECK(ours.road == theirs.road);
    CHECK(ours.neutral == theirs.neutral);
    if (ours.neutral != "0-0") ++neutral_teams;
  }
  CHECK(neutral_teams == 7);  // DET, DAL, ORL, NYK, SAS, OKC, MEM
}

TEST_CASE("recorded commonallplayers: every NBA player, LeBron James active with the Lakers") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto players = parsePlayers(recordedResponse("commonallplayers__2025-26__0.json"), franchises());
  REQUIRE_MESSAGE(players.ok(), players.status().message());
  CHECK(players->size() > 5000);
  const Player& lebron =
      only(players.value(), [](const Player& p) { return p.player_id == "2544"; });
  CHECK(lebron.name == "LeBron James");
  CHECK(lebron.active);
  CHECK(lebron.last_team == "LAL");
  CHECK(lebron.from_year == 2003);
  const Player& abdelnaby =
      only(players.value(), [](const Player& p) { return p.player_id == "76001"; });
  CHECK_FALSE(abdelnaby.active);
  CHECK(abdelnaby.last_team.empty());
  CHECK(abdelnaby.to_year == 1994);
}

TEST_CASE("recorded playerindex 2025-26: Jokić a 6-11 center of 284 lb, Dončić 6-8 F-G") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto bios = parsePlayerBios(recordedResponse("playerindex__2025-26.json"));
  REQUIRE_MESSAGE(bios.ok(), bios.status().message());
  CHECK(bios->size() == 557);
  const PlayerBio& jokic = bios->at(203999);
  CHECK(jokic.position == "C");
  CHECK(jokic.height_in == 83);
  CHECK(jokic.weight_lb == 284);
  const PlayerBio& doncic = bios->at(1629029);
  CHECK(doncic.position == "F-G");
  CHECK(doncic.height_in == 80);
  CHECK(doncic.weight_lb == 230);
  // Six rows list no weight: read as unknown, not as 0 lb.
  const auto without_weight = std::count_if(bios->begin(), bios->end(),
                                            [](const auto& bio) { return !bio.second.weight_lb; });
  CHECK(without_weight == 6);

  // Merged into commonallplayers' names: the season's players get them, the retired none.
  auto players = parsePlayers(recordedResponse("commonallplayers__2025-26__0.json"), franchises());
  REQUIRE(players.ok());
  applyPlayerBios(bios.value(), players.value());
  const Player& curry =
      only(players.value(), [](const Player& p) { return p.player_id == "201939"; });
  CHECK(curry.position == "G");
  CHECK(curry.height_in == 74);
  CHECK(curry.weight_lb == 185);
  const Player& abdelnaby =
      only(players.value(), [](const Player& p) { return p.player_id == "76001"; });
  CHECK(abdelnaby.position.empty());
  CHECK_FALSE(abdelnaby.height_in);
}

TEST_CASE("playerindex: malformed heights and weights read as unknown, never a wrong figure") {
  const auto response =
      testing::statsResponse("PlayerIndex", {"PERSON_ID", "POSITION", "HEIGHT", "WEIGHT"},
                             {{1, "G", "6-2", "185"},
                              {2, "F", "6'8\"", "x"},
                              {3, nullptr, "6-", 1.0e9},
                              {4, "C", "-7", -250},
                              {5, "C", "12-0", "250"},
                              {"6", "F-C", "7-1", 301.4},
                              {0, "G", "6-0", "180"}});
  auto bios = parsePlayerBios(response);
  REQUIRE(bios.ok());
  CHECK(bios->size() == 6);  // id 0 is not a player
  CHECK(bios->at(1).height_in == 74);
  CHECK_FALSE(bios->at(2).height_in);
  CHECK_FALSE(bios->at(2).weight_lb);
  CHECK(bios->at(3).position.empty());
  CHECK_FALSE(bios->at(3).height_in);
  CHECK_FALSE(bios->at(3).weight_lb);
  CHECK_FALSE(bios->at(4).height_in);
  CHECK_FALSE(bios->at(4).weight_lb);
  CHECK_FALSE(bios->at(5).height_in);
  CHECK(bios->at(6).height_in == 85);
  CHECK(bios->at(6).weight_lb == 301);

  auto missing = parsePlayerBios(
      testing::statsResponse("PlayerIndex", {"PERSON_ID", "POSITION", "WEIGHT"}, json::array()));
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().find("'HEIGHT'") != std::string::npos);
}

TEST_CASE("recorded playercareerstats: Donovan Mitchell's rookie 2017-18 with Utah") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto lines =
      parsePlayerCareer(recordedResponse("playercareerstats__Totals__1628378.json"), "1628378");
  REQUIRE_MESSAGE(lines.ok(), lines.status().message());
  CHECK(lines->size() == 9);
  const PlayerSeasonLine& rookie = lines->front();
  CHECK(rookie.season.label() == "2017-18");
  CHECK(rookie.team == "UTA");
  CHECK(rookie.gp == 79);
  CHECK(rookie.gs == 71);
  CHECK(rookie.pts == 1616);
  CHECK(rookie.pts_pg == doctest::Approx(20.5));
  CHECK(rookie.age == 21);
}

TEST_CASE("recorded playergamelog: Mitchell's 32 points at Charlotte on 2026-02-20") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto rows = parsePlayerGameLog(
      recordedResponse("playergamelog__2025-26__RegularSeason__1628378.json"), k2025, "1628378");
  REQUIRE_MESSAGE(rows.ok(), rows.status().message());
  CHECK(rows->size() == 53);
  const GameLogRow& last = rows->back();
  CHECK(last.date == "2026-02-20");  // NBA.com wrote "Feb 20, 2026"
  CHECK(last.game_id == "0022500802");
  CHECK(last.team == "CLE");
  CHECK(last.opponent == "CHA");
  CHECK_FALSE(last.home);
  CHECK(last.pts == 32);
  CHECK(last.ftm == 12);
  CHECK(last.plus_minus == -4);
  CHECK(std::is_sorted(rows->begin(), rows->end(),
                       [](const auto& a, const auto& b) { return a.date < b.date; }));
}

TEST_CASE("recorded leaguegamelog 2025-26: two rows per game joined, home and away right") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto games = parseLeagueGameLog(recordedResponse("leaguegamelog__2025-26__RegularSeason__T.json"),
                                  k2025, franchises());
  REQUIRE_MESSAGE(games.ok(), games.status().message());
  CHECK(games->size() == 844);  // 1,688 team rows
  const Game& opener = only(games.value(), [](const Game& g) { return g.game_id == "0022500002"; });
  CHECK(opener.date == "2025-10-21");
  CHECK(opener.home == "LAL");
  CHECK(opener.away == "GSW");
  CHECK(opener.away_pts == 119);
  CHECK(opener.winner() == "GSW");
  // Mexico City, 2025-11-01: "DAL @ DET" and "DET @ DAL"; away is the alphabetically first.
  const Game& mexico = only(games.value(), [](const Game& g) { return g.game_id == "0022500147"; });
  CHECK(mexico.kind == GameKind::kNeutralSite);
  CHECK(mexico.away == "DAL");
  CHECK(mexico.home == "DET");
}

TEST_CASE("recorded leaguegamelog 2025-26 gives the snapshot's 2025-26 games") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  auto games = parseLeagueGameLog(recordedResponse("leaguegamelog__2025-26__RegularSeason__T.json"),
                                  k2025, franchises());
  REQUIRE(games.ok());
  GamesRequest request;
  request.season = k2025;
  auto offline = testing::embeddedSnapshot().games(testing::testCall(), request);
  REQUIRE(offline.ok());
  int matched = 0;
  for (const Game& game : offline->rows) {
    auto live = std::find_if(games->begin(), games->end(), [&](const Game& g) {
      return g.date == game.date && g.home == game.home && g.away == game.away;
    });
    if (live == games->end()) continue;
    ++matched;
    CHECK(live->kind == game.kind);
    CHECK(live->home_pts == game.home_pts);
    CHECK(live->away_pts == game.away_pts);
  }
  CHECK(matched >= 800);
}

}  // namespace
}  // namespace nba::live

namespace nba::live {
namespace {

TEST_CASE("leaguegamelog of an older season: the franchise by TEAM_ID, not the old abbreviation") {
  // 2007-08: Seattle (SEA, today OKC) at New Jersey (NJN, today BKN).
  const nlohmann::json response =
      testing::statsResponse("LeagueGameLog", {"TEAM_ID", "GAME_ID", "GAME_DATE", "MATCHUP", "PTS"},
                             {{1610612760, "0020700001", "2007-10-31", "SEA @ NJN", 98},
                              {1610612751, "0020700001", "2007-10-31", "NJN vs. SEA", 112}});
  auto games = parseLeagueGameLog(response, Season{2007}, testing::franchises());
  REQUIRE_MESSAGE(games.ok(), games.status().message());
  REQUIRE(games->size() == 1);
  CHECK(games->front().home == "BKN");
  CHECK(games->front().away == "OKC");
  CHECK(games->front().winner() == "BKN");
}

TEST_CASE("team lines: impossible counts from NBA.com read as zero, never overflow") {
  using nlohmann::json;
  const json base = testing::statsResponse(
      "LeagueDashTeamStats",
      {"TEAM_ID", "GP", "W", "L", "FGM", "FGA", "FG3M", "FG3A", "FTM", "FTA", "OREB", "DREB", "REB",
       "AST", "STL", "BLK", "TOV", "PF", "PTS"},
      {{1610612738, 1e300, -5, 1e10, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e30}});
  const json advanced =
      testing::statsResponse("LeagueDashTeamStats",
                             {"TEAM_ID", "OFF_RATING", "DEF_RATING", "NET_RATING", "PACE", "TS_PCT",
                              "EFG_PCT", "TM_TOV_PCT", "OREB_PCT", "DREB_PCT"},
                             {{1610612738, 1e300, 0, 0, 0, 0, 0, 0, 0, 0}});
  const json opponent = testing::statsResponse(
      "LeagueDashTeamStats",
      {"TEAM_ID", "OPP_PTS", "OPP_FGM", "OPP_FGA", "OPP_FG3M", "OPP_FTM", "OPP_FTA", "OPP_TOV"},
      {{1610612738, -1e300, 0, 0, 0, 0, 0, 0}});
  auto lines =
      parseTeamSeasonLines(base, advanced, opponent, {}, Season{2025}, testing::franchises());
  REQUIRE_MESSAGE(lines.ok(), lines.status().message());
  CHECK(lines->front().gp == 0);
  CHECK(lines->front().w == 0);
  CHECK(lines->front().l == 0);
  CHECK(lines->front().pts == 0);
  CHECK(lines->front().opp_pts == 0);
}

}  // namespace
}  // namespace nba::live
