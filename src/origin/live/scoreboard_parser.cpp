#include <algorithm>

#include "origin/live/json_fields.h"
#include "origin/live/nba_date.h"
#include "origin/live/stats_parsers.h"

namespace nba::live {
namespace {

using nlohmann::json;

GameStatus statusOf(long long code) {
  return code == 2   ? GameStatus::kInProgress
         : code == 3 ? GameStatus::kFinal
                     : GameStatus::kScheduled;
}

std::optional<GameLeader> leaderOf(const json& leader) {
  const long long id = wholeField(leader, "personId");
  if (id <= 0) return std::nullopt;  // before tip-off NBA.com sends an empty leader
  return GameLeader{std::to_string(id),
                    textField(leader, "name"),
                    textField(leader, "teamTricode"),
                    static_cast<int>(wholeField(leader, "points")),
                    static_cast<int>(wholeField(leader, "rebounds")),
                    static_cast<int>(wholeField(leader, "assists"))};
}

Status badGame(std::string_view endpoint, std::size_t index, const std::string& what) {
  return dataLoss(std::string(endpoint) + ": game " + std::to_string(index + 1) + " " + what);
}

}  // namespace

std::string gameClockText(std::string_view iso) {
  // "PT07M15.00S" → "7:15"; "PT00M04.20S" → "0:04".
  if (iso.size() < 7 || iso.substr(0, 2) != "PT") return "";
  const auto m = iso.find('M');
  const auto s = iso.find('S');
  if (m == std::string_view::npos || s == std::string_view::npos || s < m) return "";
  int minutes = 0, seconds = 0;
  for (char c : iso.substr(2, m - 2)) {
    if (c < '0' || c > '9' || minutes > 99) return "";
    minutes = minutes * 10 + (c - '0');
  }
  for (char c : iso.substr(m + 1, s - m - 1)) {
    if (c == '.') break;
    if (c < '0' || c > '9' || seconds > 59) return "";
    seconds = seconds * 10 + (c - '0');
  }
  if (seconds > 59) return "";
  return std::to_string(minutes) + ":" + (seconds < 10 ? "0" : "") + std::to_string(seconds);
}

Result<std::vector<ScoreboardGame>> parseScoreboard(const json& response, std::string_view endpoint,
                                                    Season season, const TeamDirectory& teams) {
  const json& board = objectField(response, "scoreboard");  // find() is end() on a non-object
  auto games = board.find("games");
  if (games == board.end() || !games->is_array()) {
    return dataLoss(std::string(endpoint) + ": the response has no scoreboard.games array");
  }
  const auto board_date = parseNbaDate(textField(board, "gameDate"));
  std::vector<ScoreboardGame> out;
  for (std::size_t i = 0; i < games->size(); ++i) {
    const json& g = games->at(i);  // i < size(): never throws
    if (!g.is_object()) return badGame(endpoint, i, "is not an object");
    const json& home = objectField(g, "homeTeam");
    const json& away = objectField(g, "awayTeam");
    ScoreboardGame row;
    row.game.season = season;
    row.game.game_id = textField(g, "gameId");
    row.game.home = textField(home, "teamTricode");
    row.game.away = textField(away, "teamTricode");
    if (!teams.byAbbr(row.game.home) || !teams.byAbbr(row.game.away)) {
      continue;  // an All-Star or exhibition team: not one of the 30, and not ours to score
    }
    const auto eastern = parseNbaDate(textField(g, "gameEt").substr(0, 10));
    if (!eastern && !board_date) return badGame(endpoint, i, "has no date");
    row.game.date = eastern ? *eastern : *board_date;
    row.game.home_pts = static_cast<int>(wholeField(home, "score"));
    row.game.away_pts = static_cast<int>(wholeField(away, "score"));
    if (flagField(g, "isNeutral")) row.game.kind = GameKind::kNeutralSite;
    row.status = statusOf(wholeField(g, "gameStatus"));
    row.status_text = textField(g, "gameStatusText");
    row.period = static_cast<int>(wholeField(g, "period"));
    if (row.status == GameStatus::kInProgress) row.clock = gameClockText(textField(g, "gameClock"));
    row.start_utc = textField(g, "gameTimeUTC");
    const json& leaders = objectField(g, "gameLeaders");
    row.home_leader = leaderOf(objectField(leaders, "homeLeaders"));
    row.away_leader = leaderOf(objectField(leaders, "awayLeaders"));
    out.push_back(std::move(row));
  }
  std::sort(out.begin(), out.end(), [](const ScoreboardGame& a, const ScoreboardGame& b) {
    return a.game.game_id < b.game.game_id;
  });
  return out;
}

}  // namespace nba::live
