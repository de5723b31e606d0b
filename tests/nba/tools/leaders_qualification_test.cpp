#include "nba/tools/leaders_qualification.h"

#include <doctest/doctest.h>

using nba::PlayerSeasonLine;
using nba::stats::findStat;
using nba::stats::PerMode;
using nba::tools::qualificationFor;
using nba::tools::QualificationRule;

namespace {

PlayerSeasonLine line(const char* id, int gp, int pts) {
  PlayerSeasonLine out;
  out.player_id = id;
  out.gp = gp;
  out.pts = pts;
  out.pts_pg = static_cast<double>(pts) / gp;
  out.min = gp * 30;
  return out;
}

}  // namespace

TEST_CASE("qualification: the NBA's minimums, full season and pro-rated") {
  auto pts = qualificationFor(*findStat("PTS"), PerMode::kPerGame, 82, std::nullopt);
  CHECK(pts.kind == QualificationRule::Kind::kGames);
  CHECK(pts.min_games == 58);
  CHECK(pts.spread_exception);
  auto pts_partial = qualificationFor(*findStat("PTS"), PerMode::kPerGame, 58, std::nullopt);
  CHECK(pts_partial.min_games == 41);  // ceil(0.7 × 58)
  CHECK(pts_partial.description.find("70% of 58 team games") != std::string::npos);
  auto per36 = qualificationFor(*findStat("PTS"), PerMode::kPer36, 82, std::nullopt);
  CHECK(per36.min_games == 58);
  CHECK_FALSE(per36.spread_exception);
  auto totals = qualificationFor(*findStat("PTS"), PerMode::kTotals, 82, std::nullopt);
  CHECK(totals.kind == QualificationRule::Kind::kNone);
  CHECK(totals.min_games == 0);

  auto fg = qualificationFor(*findStat("FG%"), PerMode::kPerGame, 82, std::nullopt);
  CHECK(fg.kind == QualificationRule::Kind::kMade);
  CHECK(fg.made_code == "FGM");
  CHECK(fg.min_made == 300);
  auto ft = qualificationFor(*findStat("FT%"), PerMode::kPerGame, 41, std::nullopt);
  CHECK(ft.min_made == 63);  // ceil(125 × 41 / 82) = ceil(62.5)
  auto three = qualificationFor(*findStat("3P%"), PerMode::kPerGame, 82, std::nullopt);
  CHECK(three.made_code == "FG3M");
  CHECK(three.min_made == 82);
  CHECK(three.description.find("pro-rated") == std::string::npos);
}

TEST_CASE("qualification: min_games replaces the games rule and filters the others") {
  auto pts = qualificationFor(*findStat("PTS"), PerMode::kPerGame, 82, 10);
  CHECK(pts.min_games == 10);
  CHECK(pts.overridden);
  CHECK_FALSE(pts.spread_exception);
  auto fg = qualificationFor(*findStat("FG%"), PerMode::kPerGame, 82, 20);
  CHECK(fg.min_made == 300);
  CHECK(fg.min_games == 20);
  CHECK(fg.description.find("at least 20 games played") != std::string::npos);
}

TEST_CASE("qualification: a short player qualifies only when his total over the minimum leads") {
  const nba::Rows<PlayerSeasonLine> lines(std::vector{line("a", 60, 1800),  // 30.0, qualified
                                                      line("b", 50, 1750),  // 35.0; 1750/58 = 30.2
                                                      line("c", 40, 1400),  // 35.0; 1400/58 = 24.1
                                                      line("d", 0, 0)});  // no games: never listed
  auto rule = qualificationFor(*findStat("PTS"), PerMode::kPerGame, 82, std::nullopt);
  auto qualified = nba::tools::qualifiedLines(lines, *findStat("PTS"), PerMode::kPerGame, rule);
  REQUIRE(qualified.size() == 2);
  CHECK(qualified[0].line->player_id == "a");
  CHECK_FALSE(qualified[0].by_exception);
  CHECK(qualified[1].line->player_id == "b");
  CHECK(qualified[1].by_exception);
  auto everyone =
      nba::tools::qualifiedLines(lines, *findStat("PTS"), PerMode::kPerGame,
                                 qualificationFor(*findStat("PTS"), PerMode::kPerGame, 82, 0));
  CHECK(everyone.size() == 3);
}
