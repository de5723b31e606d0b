#include <algorithm>
#include <map>

#include "origin/live/nba_date.h"
#include "origin/live/stats_parsers.h"
#include "origin/live/stats_table.h"

namespace nba::live {
namespace {

// "IND vs. ATL" (IND at home) or "LAL @ NOP" (LAL away).
struct Matchup {
  std::string team, opponent;
  bool home = false;
};

std::optional<Matchup> parseMatchup(std::string_view text) {
  for (auto [separator, home] :
       {std::pair{std::string_view(" vs. "), true}, std::pair{std::string_view(" @ "), false}}) {
    const auto at = text.find(separator);
    if (at != std::string_view::npos && at > 0 && at + separator.size() < text.size()) {
      return Matchup{std::string(text.substr(0, at)),
                     std::string(text.substr(at + separator.size())), home};
    }
  }
  return std::nullopt;
}

Status badCell(std::string_view endpoint, std::size_t row, std::string_view column,
               const std::string& value) {
  return dataLoss("stats.nba.com " + std::string(endpoint) + ": row " + std::to_string(row + 1) +
                  " has " + std::string(column) + " '" + value + "'");
}

// One team's side of a game, from leaguegamelog.
struct Side {
  std::string date;
  Matchup matchup;
  int pts = 0;
};

}  // namespace

Result<std::vector<Game>> parseLeagueGameLog(const nlohmann::json& response, Season season,
                                             const TeamDirectory& teams) {
  constexpr std::string_view kEndpoint = "leaguegamelog";
  auto table = StatsTable::find(response, kEndpoint, "LeagueGameLog");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto cols = t.columns({"GAME_ID", "GAME_DATE", "MATCHUP", "PTS"});
  if (!cols.ok()) {
    return cols.status();
  }
  const auto& c = cols.value();
  // The team is its franchise's abbreviation today: older seasons write the one of their time
  // (SEA, NJN, NOH), the TEAM_ID is the franchise's for good.
  const auto team_id = t.optionalColumn("TEAM_ID");
  std::map<std::string, std::vector<Side>> sides;  // by game id
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    auto date = parseNbaDate(t.text(row, c[1]));
    auto matchup = parseMatchup(t.text(row, c[2]));
    if (!date) return badCell(kEndpoint, row, "GAME_DATE", t.text(row, c[1]));
    if (!matchup) return badCell(kEndpoint, row, "MATCHUP", t.text(row, c[2]));
    if (const Team* franchise =
            team_id ? teams.byId(t.whole(row, *team_id).value_or(0)) : nullptr) {
      matchup->team = franchise->abbr;
    } else if (!teams.byAbbr(matchup->team)) {
      return badCell(kEndpoint, row, "MATCHUP", t.text(row, c[2]));
    }
    sides[t.text(row, c[0])].push_back(
        {*date, *matchup, static_cast<int>(t.whole(row, c[3]).value_or(0))});
  }
  std::vector<Game> games;
  for (const auto& [game_id, both] : sides) {
    if (both.size() != 2) continue;  // a game still being played has one side logged
    // A neutral-site game (Mexico City, Berlin, the Cup's Las Vegas semi-finals) is "@" on
    // both rows; as in the snapshot, its away team is then the alphabetically first.
    const bool neutral = both[0].matchup.home == both[1].matchup.home;
    const bool first_is_home =
        neutral ? both[0].matchup.team > both[1].matchup.team : both[0].matchup.home;
    const Side& home = first_is_home ? both[0] : both[1];
    const Side& away = first_is_home ? both[1] : both[0];
    Game game;
    game.season = season;
    game.date = home.date;
    game.game_id = game_id;
    game.home = home.matchup.team;
    game.away = away.matchup.team;
    game.home_pts = home.pts;
    game.away_pts = away.pts;
    if (neutral) game.kind = GameKind::kNeutralSite;
    games.push_back(std::move(game));
  }
  std::sort(games.begin(), games.end(), [](const Game& a, const Game& b) {
    return std::tie(a.date, a.game_id) < std::tie(b.date, b.game_id);
  });
  return games;
}

namespace {

// The columns of a game-log row after its player and game ids, in GameLogRow's order.
const std::initializer_list<std::string_view> kLogColumns = {
    "GAME_DATE", "MATCHUP", "WL", "MIN", "PTS", "REB",  "OREB", "DREB", "AST", "STL",
    "BLK",       "TOV",     "PF", "FGM", "FGA", "FG3M", "FG3A", "FTM",  "FTA"};

// One game-log row: `c` holds the positions of kLogColumns; the ids are read by the caller.
Result<GameLogRow> readLogRow(const StatsTable& t, std::size_t row,
                              const std::vector<std::size_t>& c,
                              const std::optional<std::size_t>& plus_minus, Season season) {
  auto date = parseNbaDate(t.text(row, c[0]));
  auto matchup = parseMatchup(t.text(row, c[1]));
  if (!date) return badCell(t.endpoint(), row, "GAME_DATE", t.text(row, c[0]));
  if (!matchup) return badCell(t.endpoint(), row, "MATCHUP", t.text(row, c[1]));
  GameLogRow r;
  r.season = season;
  r.date = *date;
  r.team = matchup->team;
  r.opponent = matchup->opponent;
  r.home = matchup->home;
  r.wl = t.text(row, c[2]);
  int* counts[] = {&r.min, &r.pts, &r.reb, &r.oreb, &r.dreb, &r.ast,  &r.stl, &r.blk,
                   &r.tov, &r.pf,  &r.fgm, &r.fga,  &r.fg3m, &r.fg3a, &r.ftm, &r.fta};
  for (std::size_t i = 0; i < std::size(counts); ++i) {
    *counts[i] = static_cast<int>(t.whole(row, c[i + 3]).value_or(0));
  }
  if (plus_minus) {
    if (auto value = t.whole(row, *plus_minus)) r.plus_minus = static_cast<int>(*value);
  }
  return r;
}

}  // namespace

Result<std::vector<GameLogRow>> parsePlayerGameLog(const nlohmann::json& response, Season season,
                                                   const std::string& player_id) {
  auto table = StatsTable::find(response, "playergamelog", "PlayerGameLog");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto ids = t.columns({"Game_ID"});  // playergamelog's ids are mixed case
  auto cols = t.columns(kLogColumns);
  if (!ids.ok() || !cols.ok()) {
    return ids.ok() ? cols.status() : ids.status();
  }
  const auto plus_minus = t.optionalColumn("PLUS_MINUS");
  std::vector<GameLogRow> rows;
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    auto r = readLogRow(t, row, cols.value(), plus_minus, season);
    if (!r.ok()) return r.status();
    r->player_id = player_id;
    r->game_id = t.text(row, ids.value()[0]);
    rows.push_back(std::move(r).value());
  }
  std::sort(rows.begin(), rows.end(), [](const GameLogRow& a, const GameLogRow& b) {
    return std::tie(a.date, a.game_id) < std::tie(b.date, b.game_id);
  });
  return rows;
}

Result<std::vector<GameLogRow>> parseLeagueGameLogPlayers(const nlohmann::json& response,
                                                          Season season) {
  auto table = StatsTable::find(response, "leaguegamelog", "LeagueGameLog");
  if (!table.ok()) {
    return table.status();
  }
  const StatsTable& t = table.value();
  auto ids = t.columns({"PLAYER_ID", "GAME_ID"});
  auto cols = t.columns(kLogColumns);
  if (!ids.ok() || !cols.ok()) {
    return ids.ok() ? cols.status() : ids.status();
  }
  const auto plus_minus = t.optionalColumn("PLUS_MINUS");
  std::vector<GameLogRow> rows;
  rows.reserve(t.rowCount());
  for (std::size_t row = 0; row < t.rowCount(); ++row) {
    const auto player = t.whole(row, ids.value()[0]);
    if (!player || *player <= 0) {
      return badCell(t.endpoint(), row, "PLAYER_ID", t.text(row, ids.value()[0]));
    }
    auto r = readLogRow(t, row, cols.value(), plus_minus, season);
    if (!r.ok()) return r.status();
    r->player_id = std::to_string(*player);
    r->game_id = t.text(row, ids.value()[1]);
    rows.push_back(std::move(r).value());
  }
  std::sort(rows.begin(), rows.end(), [](const GameLogRow& a, const GameLogRow& b) {
    return std::tie(a.player_id, a.date, a.game_id) < std::tie(b.player_id, b.date, b.game_id);
  });
  return rows;
}

}  // namespace nba::live
