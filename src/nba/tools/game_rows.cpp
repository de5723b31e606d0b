#include "nba/tools/game_rows.h"

#include "nba/tools/arguments.h"
#include "nba/tools/sorted_json_object.h"

namespace nba::tools {

using nlohmann::json;

json gameJson(const Game& game) {
  SortedJsonObject out;  // keys in alphabetical order
  out.add("away", game.away);
  out.add("away_pts", game.away_pts);
  out.add("date", game.date);
  out.add("game_id", game.game_id.empty() ? json(nullptr) : json(game.game_id));
  out.add("home", game.home);
  out.add("home_pts", game.home_pts);
  out.add("kind", gameKindName(game.kind));
  out.add("status", "Final");
  out.add("winner", game.winner());
  return out.release();
}

std::string winnerFirstScore(const Game& game) {
  bool home_won = game.home_pts > game.away_pts;
  int winner_pts = home_won ? game.home_pts : game.away_pts;
  int loser_pts = home_won ? game.away_pts : game.home_pts;
  return game.winner() + " " + std::to_string(winner_pts) + ", " + game.loser() + " " +
         std::to_string(loser_pts);
}

std::string gameKindNote(const Game& game) {
  switch (game.kind) {
    case GameKind::kCupFinal:
      return "NBA Cup final (not counted in standings)";
    case GameKind::kNeutralSite:
      return "neutral site";
    case GameKind::kRegular:
      break;
  }
  return "";
}

Result<Table<Game>> seasonGames(const ToolEnv& env, Season season,
                                const std::optional<std::string>& team,
                                const std::optional<std::string>& date_from,
                                const std::optional<std::string>& date_to) {
  GamesRequest request;
  request.season = season;
  request.team = team;
  request.date_from = date_from;
  request.date_to = date_to;
  return env.data.games(env.call, request);
}

std::string seasonDateSpan(const ToolEnv& env, Season season) {
  auto games = seasonGames(env, season);
  if (!games.ok() || games->rows.empty()) {
    return "";
  }
  return games->rows.front().date + " to " + games->rows.back().date;
}

std::string coveredDateSpans(const ToolEnv& env) {
  std::string out;
  for (const auto& coverage : seasonsForText(env)) {
    std::string span = seasonDateSpan(env, coverage.season);
    if (span.empty()) {
      continue;
    }
    out += (out.empty() ? "" : "; ") + coverage.season.label() + ": " + span;
  }
  return out;
}

}  // namespace nba::tools
