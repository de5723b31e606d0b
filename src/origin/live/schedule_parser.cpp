#include <algorithm>

#include "origin/live/json_fields.h"
#include "origin/live/nba_date.h"
#include "origin/live/stats_parsers.h"

namespace nba::live {
namespace {

using nlohmann::json;

// NBA.com game ids: "002" regular season, "006" the NBA Cup final; "001" preseason, "003"
// All-Star, "004" playoffs and "005" the play-in are not the regular season's schedule.
std::optional<GameKind> regularSeasonKind(const std::string& game_id) {
  if (game_id.rfind("002", 0) == 0) return GameKind::kRegular;
  if (game_id.rfind("006", 0) == 0) return GameKind::kCupFinal;
  return std::nullopt;
}

GameStatus statusOf(long long code) {
  return code == 2   ? GameStatus::kInProgress
         : code == 3 ? GameStatus::kFinal
                     : GameStatus::kScheduled;
}

Status badGame(std::string_view endpoint, std::size_t day, std::size_t index,
               const std::string& what) {
  return dataLoss(std::string(endpoint) + ": game date " + std::to_string(day + 1) + ", game " +
                  std::to_string(index + 1) + " " + what);
}

}  // namespace

Result<std::vector<ScoreboardGame>> parseSchedule(const json& response, std::string_view endpoint,
                                                  Season season, const TeamDirectory& teams) {
  const json& schedule = objectField(response, "leagueSchedule");
  auto days = schedule.find("gameDates");
  if (days == schedule.end() || !days->is_array()) {
    return dataLoss(std::string(endpoint) + ": the response has no leagueSchedule.gameDates array");
  }
  std::vector<ScoreboardGame> out;
  for (std::size_t d = 0; d < days->size(); ++d) {
    const json& day = days->at(d);  // d < size(): never throws
    auto games = day.find("games");
    if (games == day.end() || !games->is_array()) continue;  // a date with nothing on it
    const auto day_date = parseNbaDate(textField(day, "gameDate"));
    for (std::size_t i = 0; i < games->size(); ++i) {
      const json& g = games->at(i);
      if (!g.is_object()) return badGame(endpoint, d, i, "is not an object");
      ScoreboardGame row;
      row.game.game_id = textField(g, "gameId");
      const auto kind = regularSeasonKind(row.game.game_id);
      if (!kind) continue;
      const json& home = objectField(g, "homeTeam");
      const json& away = objectField(g, "awayTeam");
      row.game.season = season;
      row.game.kind =
          flagField(g, "isNeutral") && *kind == GameKind::kRegular ? GameKind::kNeutralSite : *kind;
      row.game.home = textField(home, "teamTricode");
      row.game.away = textField(away, "teamTricode");
      if (!teams.byAbbr(row.game.home) || !teams.byAbbr(row.game.away)) {
        continue;  // a final whose teams are not known yet ("TBD") is not a game to list
      }
      const auto eastern = parseNbaDate(textField(g, "gameDateEst").substr(0, 10));
      if (!eastern && !day_date) return badGame(endpoint, d, i, "has no date");
      row.game.date = eastern ? *eastern : *day_date;
      row.game.home_pts = static_cast<int>(wholeField(home, "score"));
      row.game.away_pts = static_cast<int>(wholeField(away, "score"));
      row.status = statusOf(wholeField(g, "gameStatus"));
      row.status_text = textField(g, "gameStatusText");
      row.start_utc = textField(g, "gameDateTimeUTC");
      out.push_back(std::move(row));
    }
  }
  std::sort(out.begin(), out.end(), [](const ScoreboardGame& a, const ScoreboardGame& b) {
    return a.game.date != b.game.date ? a.game.date < b.game.date : a.game.game_id < b.game.game_id;
  });
  return out;
}

}  // namespace nba::live
