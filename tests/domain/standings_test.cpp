#include "domain/standings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "origin/snapshot_fixture.h"

namespace nba {
namespace {

using testing::embeddedSnapshot;
using testing::testCall;

template <typename RowList>  // a table's Rows or deriveStandings' vector
const StandingRow& rowOf(const RowList& rows, const std::string& team) {
  auto it =
      std::find_if(rows.begin(), rows.end(), [&](const StandingRow& r) { return r.team == team; });
  REQUIRE(it != rows.end());
  return *it;
}

TEST_CASE("derived W-L equals basketball-reference's for all 30 teams in both complete seasons") {
  for (int year : {2023, 2024}) {
    CAPTURE(year);
    Result<Table<StandingRow>> standings = embeddedSnapshot().standings(testCall(), Season{year});
    Result<Table<TeamSeasonLine>> lines =
        embeddedSnapshot().teamSeasonStats(testCall(), Season{year}, SeasonType::kRegularSeason);
    REQUIRE(standings.ok());
    REQUIRE(lines.ok());
    REQUIRE(standings->rows.size() == 30);
    for (const TeamSeasonLine& line : lines->rows) {
      CAPTURE(line.team);
      const StandingRow& row = rowOf(standings->rows, line.team);
      CHECK(row.w == line.w);
      CHECK(row.l == line.l);
      CHECK(row.pts_for == line.pts);
      CHECK(row.pts_against == line.opp_pts);
    }
  }
}

TEST_CASE("2024-25 East: Cleveland 64-18 first, Boston 61-21 second, 3 games back") {
  Result<Table<StandingRow>> standings = embeddedSnapshot().standings(testCall(), Season{2024});
  REQUIRE(standings.ok());
  const StandingRow& cle = rowOf(standings->rows, "CLE");
  CHECK(cle.w == 64);
  CHECK(cle.l == 18);
  CHECK(cle.conference_rank == 1);
  CHECK(cle.league_rank == 2);  // OKC 68-14 first
  CHECK(cle.games_back == 0);
  const StandingRow& bos = rowOf(standings->rows, "BOS");
  CHECK(bos.w == 61);
  CHECK(bos.l == 21);
  CHECK(bos.conference_rank == 2);
  CHECK(bos.games_back == doctest::Approx(3.0));
  // Counted from /work/shared/data/derived/games_2024-25.csv (regular season only).
  CHECK(cle.home == "34-7");
  CHECK(cle.road == "30-11");
  CHECK(bos.home == "28-13");
  CHECK(bos.road == "33-8");
  CHECK(standings->rows.front().team == "CLE");  // East first, by rank
}

TEST_CASE("2024-25 West three-way tie at 50-32 follows the official seeds LAL 3, DEN 4, LAC 5") {
  Result<Table<StandingRow>> standings = embeddedSnapshot().standings(testCall(), Season{2024});
  REQUIRE(standings.ok());
  CHECK(rowOf(standings->rows, "LAL").conference_rank == 3);
  CHECK(rowOf(standings->rows, "DEN").conference_rank == 4);
  CHECK(rowOf(standings->rows, "LAC").conference_rank == 5);
  CHECK(rowOf(standings->rows, "OKC").conference_rank == 1);
}

// Once a criterion separates a team from a tie of three or more, the rest start over (two
// left: the two-team rules). 2023-24 East, ORL/IND/PHI at 47-35: ORL leads the Southeast and
// goes first; then IND beat PHI 2-1, so IND is 6th. Evaluated once over all three, PHI's 3-0
// against ORL put PHI ahead (a blind audit found it).
TEST_CASE("2023-24 East three-way tie at 47-35 follows the official seeds ORL 5, IND 6, PHI 7") {
  Result<Table<StandingRow>> standings = embeddedSnapshot().standings(testCall(), Season{2023});
  REQUIRE(standings.ok());
  CHECK(rowOf(standings->rows, "ORL").conference_rank == 5);
  CHECK(rowOf(standings->rows, "IND").conference_rank == 6);
  CHECK(rowOf(standings->rows, "PHI").conference_rank == 7);
  CHECK(rowOf(standings->rows, "CLE").conference_rank == 4);
  CHECK(rowOf(standings->rows, "MIA").conference_rank == 8);
}

TEST_CASE("last 10 and streak come from the latest games") {
  std::vector<Team> teams(2);
  teams[0].abbr = "AAA";
  teams[1].abbr = "BBB";
  for (Team& t : teams) {
    t.conference = "East";
    t.division = "Atlantic";
  }
  std::vector<Game> games;
  for (int day = 1; day <= 12; ++day) {
    Game g;
    g.season = Season{2024};
    g.date = "2024-11-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    g.home = "AAA";
    g.away = "BBB";
    g.home_pts = day <= 9 ? 100 : 90;  // AAA wins 9, then loses 3
    g.away_pts = 95;
    games.push_back(g);
  }
  Game cup = games.back();
  cup.date = "2024-12-17";
  cup.kind = GameKind::kCupFinal;
  games.push_back(cup);
  const std::vector<StandingRow> rows = deriveStandings(Season{2024}, games, teams);
  const StandingRow& a = rowOf(rows, "AAA");
  CHECK(a.w == 9);
  CHECK(a.l == 3);
  CHECK(a.last10 == "7-3");
  CHECK(a.streak == "L3");
  CHECK(a.home == "9-3");
  const StandingRow& b = rowOf(rows, "BBB");
  CHECK(b.streak == "W3");
  CHECK(b.games_back == doctest::Approx(6.0));
  CHECK(b.road == "3-9");
}

}  // namespace
}  // namespace nba
