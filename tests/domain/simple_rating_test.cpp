#include "domain/simple_rating.h"

#include <doctest/doctest.h>

#include <cmath>

#include "origin/snapshot_fixture.h"

namespace nba {
namespace {

Game game(std::string home, std::string away, int home_pts, int away_pts) {
  Game g;
  g.home = std::move(home);
  g.away = std::move(away);
  g.home_pts = home_pts;
  g.away_pts = away_pts;
  return g;
}

TEST_CASE("SRS of a small round robin: margin plus schedule strength, summing to zero") {
  // A beats B by 10, B beats C by 10, A beats C by 20, twice over.
  std::vector<Game> games;
  for (int i = 0; i < 2; ++i) {
    games.push_back(game("A", "B", 110, 100));
    games.push_back(game("B", "C", 110, 100));
    games.push_back(game("C", "A", 90, 110));
  }
  const auto srs = simpleRatings(games);
  CHECK(srs.at("A") == doctest::Approx(10.0));
  CHECK(srs.at("B") == doctest::Approx(0.0));
  CHECK(srs.at("C") == doctest::Approx(-10.0));
}

TEST_CASE("SRS on opening night: one game, the margin split between the two") {
  const auto srs = simpleRatings({game("A", "B", 110, 100)});
  CHECK(srs.at("A") == doctest::Approx(5.0));
  CHECK(srs.at("B") == doctest::Approx(-5.0));
}

TEST_CASE("SRS from the 2023-24 games matches basketball-reference's (Boston 10.75)") {
  GamesRequest request;
  request.season = Season{2023};
  auto games = testing::embeddedSnapshot().games(testing::testCall(), request);
  REQUIRE(games.ok());
  const auto srs = simpleRatings(std::vector<Game>(games->rows.begin(), games->rows.end()));
  auto lines = testing::embeddedSnapshot().teamSeasonStats(testing::testCall(), Season{2023},
                                                           SeasonType::kRegularSeason);
  REQUIRE(lines.ok());
  for (const TeamSeasonLine& line : lines->rows) {
    INFO(line.team);
    CHECK(std::fabs(srs.at(line.team) - line.srs) <= 0.02);
  }
}

}  // namespace
}  // namespace nba
