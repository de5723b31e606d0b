#include "origin/snapshot/snapshot_source.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "snapshot_fixture.h"

namespace nba {
namespace {

using testing::embeddedSnapshot;
using testing::seasonLine;
using testing::testCall;

constexpr const char* kGilgeousAlexander = "1628983";
constexpr const char* kSabonis = "1627734";
constexpr const char* kTraeYoung = "1629027";
constexpr const char* kDoncic = "1629029";
constexpr const char* kLeBron = "2544";

TEST_CASE("snapshot covers 2023-24 and 2024-25 complete, 2025-26 partial") {
  const std::vector<SeasonCoverage> seasons = embeddedSnapshot().seasons(testCall()).value();
  REQUIRE(seasons.size() == 3);
  CHECK(seasons[0].season.label() == "2023-24");
  CHECK(seasons[0].coverage == Coverage::kComplete);
  CHECK(seasons[1].season.label() == "2024-25");
  CHECK(seasons[1].as_of == "2025-04-13");
  CHECK(seasons[2].season.label() == "2025-26");
  CHECK(seasons[2].coverage == Coverage::kPartial);
}

TEST_CASE("2024-25 Gilgeous-Alexander: 76 GP, 32.7 PPG, 2,484 points") {
  const PlayerSeasonLine line = seasonLine(kGilgeousAlexander, 2024);
  CHECK(line.gp == 76);
  CHECK(line.gs == 76);
  CHECK(line.pts == 2484);
  CHECK(line.pts_pg == doctest::Approx(32.7));
  CHECK(line.team == "OKC");
  CHECK(line.fg_pct.value() == doctest::Approx(0.519));
  CHECK(line.ts_pct.value() == doctest::Approx(0.637));
  CHECK(line.usg_pct.value() == doctest::Approx(0.348));  // bbref shows 34.8
}

TEST_CASE("2024-25 rebound and assist leaders: Sabonis 13.9 RPG, Trae Young 11.6 APG") {
  CHECK(seasonLine(kSabonis, 2024).reb_pg == doctest::Approx(13.9));
  CHECK(seasonLine(kTraeYoung, 2024).ast_pg == doctest::Approx(11.6));
}

TEST_CASE("2023-24 Dončić: 70 GP, 2,370 points, TS% computed, no PER") {
  const PlayerSeasonLine line = seasonLine(kDoncic, 2023);
  CHECK(line.gp == 70);
  CHECK(line.pts == 2370);
  CHECK(line.pts_pg == doctest::Approx(33.9));
  CHECK(line.ts_pct.has_value());
  CHECK_FALSE(line.per.has_value());
}

TEST_CASE("a traded player has a combined line and one per team; his team is the last") {
  PlayerSeasonStatsRequest request;
  request.season = Season{2024};
  request.player_id = kDoncic;
  Result<Table<PlayerSeasonLine>> table = embeddedSnapshot().playerSeasonStats(testCall(), request);
  REQUIRE(table.ok());
  REQUIRE(table->rows.size() == 3);
  const PlayerSeasonLine& combined = table->rows[0];
  CHECK(combined.isCombined());
  CHECK(combined.stint == 0);
  CHECK(combined.teams == std::vector<std::string>{"DAL", "LAL"});
  CHECK(combined.lastTeam() == "LAL");
  CHECK(combined.gp == 50);
  CHECK(table->rows[1].team == "DAL");
  CHECK(table->rows[1].stint == 1);
  CHECK(table->rows[2].team == "LAL");
  CHECK(table->rows[2].stint == 2);
  CHECK(table->rows[1].gp + table->rows[2].gp == combined.gp);
  CHECK(table->rows[1].pts + table->rows[2].pts == combined.pts);

  request.player_id.reset();
  request.team = "LAL";
  request.season_lines_only = true;
  Result<Table<PlayerSeasonLine>> lakers =
      embeddedSnapshot().playerSeasonStats(testCall(), request);
  REQUIRE(lakers.ok());
  CHECK(std::any_of(lakers->rows.begin(), lakers->rows.end(),
                    [](const PlayerSeasonLine& l) { return l.player_id == kDoncic; }));
}

TEST_CASE("2025-26 lines come from NBA.com totals, partial, with their as-of date") {
  PlayerSeasonStatsRequest request;
  request.season = Season{2025};
  request.player_id = kGilgeousAlexander;
  Result<Table<PlayerSeasonLine>> table = embeddedSnapshot().playerSeasonStats(testCall(), request);
  REQUIRE(table.ok());
  CHECK(table->meta.coverage == Coverage::kPartial);
  CHECK(table->meta.as_of == "2026-02-21");
  CHECK(table->meta.source == "snapshot");
  REQUIRE(table->rows.size() == 1);
  CHECK_FALSE(table->rows[0].gs.has_value());
  // statsnba-samples/leaguedashplayerstats__2025-26…: PLAYER_ID 1628983, GP 49, PTS 1558.
  CHECK(table->rows[0].gp == 49);
  CHECK(table->rows[0].pts == 1558);
  CHECK(table->rows[0].pts_pg == doctest::Approx(31.8));
}

TEST_CASE("team lines: Boston 2024-25 ORtg 120.6, NetRtg 9.5, pace 95.7") {
  Result<Table<TeamSeasonLine>> table =
      embeddedSnapshot().teamSeasonStats(testCall(), Season{2024}, SeasonType::kRegularSeason);
  REQUIRE(table.ok());
  REQUIRE(table->rows.size() == 30);
  auto bos = std::find_if(table->rows.begin(), table->rows.end(),
                          [](const TeamSeasonLine& t) { return t.team == "BOS"; });
  REQUIRE(bos != table->rows.end());
  CHECK(bos->o_rtg == doctest::Approx(120.6));
  CHECK(bos->d_rtg == doctest::Approx(111.1));
  CHECK(bos->n_rtg == doctest::Approx(9.5));
  CHECK(bos->pace == doctest::Approx(95.7));
  CHECK(bos->w == 61);
  CHECK(bos->l == 21);
}

TEST_CASE("Lakers-Celtics 2024-25: LAL 117-96 on 2025-01-23, BOS 111-101 on 2025-03-08") {
  GamesRequest request;
  request.season = Season{2024};
  request.team = "LAL";
  Result<Table<Game>> table = embeddedSnapshot().games(testCall(), request);
  REQUIRE(table.ok());
  std::vector<Game> versus;
  for (const Game& g : table->rows) {
    if (g.home == "BOS" || g.away == "BOS") {
      versus.push_back(g);
    }
  }
  REQUIRE(versus.size() == 2);
  CHECK(versus[0].date == "2025-01-23");
  CHECK(versus[0].winner() == "LAL");
  CHECK(versus[0].home_pts == 117);
  CHECK(versus[0].away_pts == 96);
  CHECK(versus[1].date == "2025-03-08");
  CHECK(versus[1].winner() == "BOS");
  CHECK(versus[1].home_pts == 111);
  CHECK(versus[1].away_pts == 101);
}

TEST_CASE("the 2024-25 NBA Cup final is kept but does not count") {
  GamesRequest request;
  request.season = Season{2024};
  request.date_from = "2024-12-17";
  request.date_to = "2024-12-17";
  Result<Table<Game>> table = embeddedSnapshot().games(testCall(), request);
  REQUIRE(table.ok());
  REQUIRE(table->rows.size() == 1);
  CHECK(table->rows[0].kind == GameKind::kCupFinal);
  CHECK_FALSE(table->rows[0].countsInStandings());
  CHECK(table->rows[0].winner() == "MIL");
}

TEST_CASE("2023-24 game log: LeBron 71 games, 1,822 points, marked partial") {
  Result<Table<GameLogRow>> log =
      embeddedSnapshot().playerGameLog(testCall(), kLeBron, Season{2023});
  REQUIRE(log.ok());
  CHECK(log->meta.coverage == Coverage::kPartial);
  CHECK(log->rows.size() == 71);
  int points = 0;
  for (const GameLogRow& row : log->rows) {
    points += row.pts;
  }
  CHECK(points == 1822);
  CHECK(log->rows.front().date == "2023-10-24");
  CHECK(log->rows.front().opponent == "DEN");
}

TEST_CASE("awards: 2024-25 MVP Gilgeous-Alexander with voting share") {
  Result<Table<AwardEntry>> awards = embeddedSnapshot().awards(testCall(), Season{2024});
  REQUIRE(awards.ok());
  auto mvp = std::find_if(awards->rows.begin(), awards->rows.end(),
                          [](const AwardEntry& a) { return a.award == "MVP" && a.winner; });
  REQUIRE(mvp != awards->rows.end());
  CHECK(mvp->player_id == kGilgeousAlexander);
  CHECK(mvp->rank == 1);
  CHECK(mvp->share.value() == doctest::Approx(0.913));
  const auto all_nba_first =
      std::count_if(awards->rows.begin(), awards->rows.end(),
                    [](const AwardEntry& a) { return a.award == "ALL_NBA_1"; });
  CHECK(all_nba_first == 5);
}

TEST_CASE("players: NBA.com ids, accents kept, active flag, prominence") {
  Result<Player> jokic = embeddedSnapshot().player(testCall(), "203999");
  REQUIRE(jokic.ok());
  CHECK(jokic->name == "Nikola Jokić");
  CHECK(jokic->bbref_id == "jokicni01");
  CHECK(jokic->active);
  CHECK(jokic->last_team == "DEN");
  CHECK(jokic->prominence > 4000);
  Result<Player> lebron = embeddedSnapshot().player(testCall(), kLeBron);
  REQUIRE(lebron.ok());
  CHECK(lebron->height_in == 81);
  CHECK(lebron->birth_date == "1984-12-30");
}

TEST_CASE("errors name what is missing and what exists") {
  Result<Table<StandingRow>> none = embeddedSnapshot().standings(testCall(), Season{2019});
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kNotFound);
  CHECK(none.status().message() ==
        "no data for season 2019-20 in the offline snapshot; available: 2023-24, 2024-25, "
        "2025-26");
  Result<Table<AwardEntry>> awards = embeddedSnapshot().awards(testCall(), Season{2025});
  REQUIRE_FALSE(awards.ok());
  CHECK(awards.status().message().find("awards exist for 2023-24, 2024-25") != std::string::npos);
  CHECK(embeddedSnapshot().player(testCall(), "nobody").status().code() == StatusCode::kNotFound);
  CHECK(embeddedSnapshot()
            .teamSeasonStats(testCall(), Season{2024}, SeasonType::kPlayoffs)
            .status()
            .code() == StatusCode::kUnimplemented);
  Result<Table<GameLogRow>> log =
      embeddedSnapshot().playerGameLog(testCall(), kLeBron, Season{2024});
  CHECK(log.status().code() == StatusCode::kNotFound);
}

}  // namespace
}  // namespace nba
