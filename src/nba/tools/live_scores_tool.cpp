#include <algorithm>

#include "nba/tools/arguments.h"
#include "nba/tools/game_dates.h"
#include "nba/tools/game_rows.h"
#include "nba/tools/game_tools.h"
#include "nba/tools/markdown.h"

namespace nba::tools {
namespace {

using nlohmann::json;

constexpr const char* kFinalOnlyNote =
    "Final scores only: this data has no game clock and no game leaders (the live NBA.com "
    "scoreboard has them).";

// Why a date has no games: outside the data, or a day off (with the nearest game days).
ToolAnswer noGamesAnswer(const ToolEnv& env, const std::string& date, Season season,
                         const std::string& as_of) {
  auto season_games = seasonGames(env, season);
  if (!season_games.ok() || season_games->rows.empty() || date < season_games->rows.front().date ||
      date > as_of) {
    return ToolAnswer::error("The data has no games for " + date + ": it covers " +
                             coveredDateSpans(env) +
                             " (regular season only). Scores for other dates need the live "
                             "NBA.com origin.");
  }
  const auto& rows = season_games->rows;
  auto next =
      std::lower_bound(rows.begin(), rows.end(), date,
                       [](const Game& game, const std::string& d) { return game.date < d; });
  std::string message = "No NBA games on " + weekdayName(date) + ", " + date + ".";
  if (next != rows.begin()) {
    message += " The previous game day was " + std::prev(next)->date + ";";
  }
  if (next != rows.end()) {
    message += " the next is " + next->date + ".";
  }
  return ToolAnswer::error(message);
}

std::string scoresMarkdown(const Table<Game>& games, const std::string& date,
                           const std::string& relative_note) {
  std::string text = heading("NBA scores, " + weekdayName(date) + " " + date,
                             games.meta.season ? games.meta.season->label() : "", games.meta.as_of);
  std::size_t count = games.rows.size();
  text += std::to_string(count) + (count == 1 ? " game was" : " games were") + " played on " +
          weekdayName(date) + ", " + date + ", all final";
  if (count == 1) {
    text += ": " + winnerFirstScore(games.rows.front());
  }
  text += ".\n\n";
  if (!relative_note.empty()) {
    text += relative_note + "\n\n";
  }
  text += std::string(kFinalOnlyNote) + "\n\n";
  MarkdownTable table({"Away", "Pts", "Home", "Pts", "Status", "Winner", "Game id", "Note"},
                      {false, true, false, true, false, false, false, false});
  for (const auto& game : games.rows) {
    table.addRow({game.away, std::to_string(game.away_pts), game.home,
                  std::to_string(game.home_pts), "Final", game.winner(),
                  game.game_id.empty() ? "—" : game.game_id, gameKindNote(game)});
  }
  return text + table.render();
}

ToolAnswer liveScores(const json& arguments, const ToolEnv& env) {
  std::string requested = optionalString(arguments, "date").value_or("today");
  auto date = dateArgumentText(requested, env.clock);
  if (!date.ok()) {
    return errorAnswer(date.status());
  }
  Season season = seasonOfDate(*date);
  auto games = seasonGames(env, season, std::nullopt, *date, *date);
  if (!games.ok()) {
    return ToolAnswer::error("The data has no games for " + *date + ": it covers " +
                             coveredDateSpans(env) +
                             " (regular season only). Scores for other dates need the live "
                             "NBA.com origin.");
  }
  if (games->rows.empty()) {
    return noGamesAnswer(env, *date, season, games->meta.as_of);
  }
  std::string relative_note;
  if (requested != *date) {
    relative_note =
        "\"" + escapeMarkdown(requested) + "\" is " + *date + " in US/Eastern (taken as UTC-5).";
  }
  ToolAnswer answer;
  answer.markdown = scoresMarkdown(*games, *date, relative_note);
  json rows = json::array();
  for (const auto& game : games->rows) {
    json row = gameJson(game);
    row["clock"] = nullptr;
    row["leaders"] = nullptr;
    rows.push_back(std::move(row));
  }
  answer.structured = {{"date", *date},
                       {"requested", requested},
                       {"season", season.label()},
                       {"as_of", games->meta.as_of},
                       {"source", games->meta.source},
                       {"game_count", games->rows.size()},
                       {"leaders_available", false},
                       {"note", kFinalOnlyNote},
                       {"games", std::move(rows)}};
  answer.meta = answerMeta(games->meta, season);
  return answer;
}

}  // namespace

NbaTool liveScoresTool() {
  return {"get_live_scores", "Scores of a day's games",
          "The NBA games of one date with their scores and status. `date` is YYYY-MM-DD, "
          "\"today\" or \"yesterday\" (US/Eastern; default today). On the offline snapshot "
          "every game is final and there is no game clock or leaders. A date without games "
          "is an error that names the nearest game days; a date outside the data names the "
          "dates the data covers.",
          true, liveScores};
}

}  // namespace nba::tools
