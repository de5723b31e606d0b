#include "domain/team_streaks.h"

#include <doctest/doctest.h>

namespace nba {
namespace {

Game game(std::string date, std::string home, std::string away, int home_pts, int away_pts,
          GameKind kind = GameKind::kRegular) {
  Game g;
  g.date = std::move(date);
  g.home = std::move(home);
  g.away = std::move(away);
  g.home_pts = home_pts;
  g.away_pts = away_pts;
  g.kind = kind;
  return g;
}

TEST_CASE("team streaks: the longest runs, oldest first, the Cup final not counted") {
  // OKC: W W L [W W W (Cup final lost) W] L, out of date order.
  const std::vector<Game> games = {
      game("2024-12-10", "OKC", "DAL", 118, 104),
      game("2024-11-01", "OKC", "SAS", 105, 93),
      game("2024-11-03", "LAC", "OKC", 90, 100),
      game("2024-11-05", "OKC", "DEN", 100, 124),
      game("2024-12-01", "UTA", "OKC", 99, 120),
      game("2024-12-03", "OKC", "MEM", 120, 110),
      game("2024-12-17", "OKC", "MIL", 81, 97, GameKind::kCupFinal),
      game("2024-12-19", "OKC", "ORL", 105, 99),
      game("2024-12-20", "LAL", "BOS", 120, 110),
      game("2024-12-23", "OKC", "MIA", 90, 104),
  };
  const TeamStreaks okc = teamStreaks(games, "OKC");
  CHECK(okc.longest_win.games == 4);
  CHECK(okc.longest_win.from == "2024-12-01");
  CHECK(okc.longest_win.to == "2024-12-19");
  CHECK(okc.longest_loss.games == 1);
  CHECK(okc.longest_loss.from == "2024-11-05");  // the first of the equal runs
  CHECK(okc.longest_loss.to == "2024-11-05");
  const TeamStreaks none = teamStreaks(games, "NYK");
  CHECK(none.longest_win.games == 0);
  CHECK(none.longest_loss.games == 0);
}

}  // namespace
}  // namespace nba
