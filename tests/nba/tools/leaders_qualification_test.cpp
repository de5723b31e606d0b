#include "nba/tools/leaders_qualification.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

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

namespace {

PlayerSeasonLine playoffLine(const char* id, const char* team, int gp, int pts, int fgm) {
  PlayerSeasonLine out = line(id, gp, pts);
  out.team = team;
  out.teams = {team};
  out.fgm = fgm;
  out.fga = fgm * 2;
  out.fg_pct = 0.5;
  return out;
}

std::vector<std::string> ids(const std::vector<nba::tools::QualifiedLine>& lines) {
  std::vector<std::string> out;
  for (const auto& qualified : lines) out.push_back(qualified.line->player_id);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("qualification in the playoffs: 70% of his own team's playoff games") {
  // Dallas went 22 games deep, New York 13, Phoenix was swept in 4.
  const nba::Rows<PlayerSeasonLine> lines(
      std::vector{playoffLine("dal-star", "DAL", 22, 635, 228),  // 28.9: 22 of 22
                  playoffLine("dal-bench", "DAL", 15, 150, 60),  // 15 of 22 < 16
                  playoffLine("nyk-star", "NYK", 13, 421, 156),  // 32.4: 13 of 13
                  playoffLine("nyk-hurt", "NYK", 9, 90, 36),     // 9 of 13 < 10, ceil(0.7 × 13)
                  playoffLine("phx-star", "PHX", 4, 110, 40),    // 27.5: 4 of 4
                  playoffLine("phx-once", "PHX", 3, 60, 20)});  // 20.0: 3 of 4 ≥ 3, ceil(0.7 × 4)
  auto rule =
      nba::tools::playoffQualificationFor(*findStat("PTS"), PerMode::kPerGame, lines, std::nullopt);
  CHECK(rule.team_games == 22);
  CHECK(rule.min_games == 16);
  CHECK(rule.games_by_team.at("NYK") == 13);
  CHECK(rule.description ==
        "Qualification (playoffs): at least 70% of his team's playoff games (16 of 22 for the "
        "deepest run); a player with fewer still qualifies when his total spread over that many "
        "games would still lead.");
  auto qualified = nba::tools::qualifiedLines(lines, *findStat("PTS"), PerMode::kPerGame, rule);
  CHECK(ids(qualified) == std::vector<std::string>{"dal-star", "nyk-star", "phx-once", "phx-star"});

  // FG%: 300 makes pro-rated to the team's games: 81 for Dallas, 48 for New York, 15 for Phoenix.
  auto fg =
      nba::tools::playoffQualificationFor(*findStat("FG%"), PerMode::kPerGame, lines, std::nullopt);
  CHECK(fg.min_made == 81);
  CHECK(fg.description.find("300 made field goals pro-rated to his team's playoff games (81 for "
                            "the deepest run, 22 games)") != std::string::npos);
  auto shooters = nba::tools::qualifiedLines(lines, *findStat("FG%"), PerMode::kPerGame, fg);
  CHECK(ids(shooters) == std::vector<std::string>{"dal-star", "nyk-star", "phx-once", "phx-star"});

  // The caller's min_games replaces the per-team rule.
  auto five = nba::tools::playoffQualificationFor(*findStat("PTS"), PerMode::kPerGame, lines, 5);
  CHECK(ids(nba::tools::qualifiedLines(lines, *findStat("PTS"), PerMode::kPerGame, five)) ==
        std::vector<std::string>{"dal-bench", "dal-star", "nyk-hurt", "nyk-star"});
}
