#include <algorithm>

#include "nba/tools/arguments.h"
#include "nba/tools/game_dates.h"
#include "nba/tools/game_rows.h"
#include "nba/tools/game_tools.h"
#include "nba/tools/markdown.h"
#include "nba/tools/provenance.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

constexpr const char* kFinalOnlyNote =
    "Final scores only: this data has no game clock and no game leaders (the live NBA.com "
    "scoreboard has them).";

// Why a date has no games: outside the data, or a day off (with the nearest game days).
Status noGamesError(const ToolEnv& env, const std::string& date, Season season,
                    const std::string& as_of) {
  auto season_games = seasonGames(env, season);
  if (!season_games.ok() || season_games->rows.empty() || date < season_games->rows.front().date ||
      date > as_of) {
    return notFound("The data has no games for " + date + ": it covers " + coveredDateSpans(env) +
                    " (regular season only). Scores for other dates need the live NBA.com "
                    "origin.");
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
  return notFound(message);
}

constexpr const char* kLiveNote =
    "Live from NBA.com: a game in progress shows its score and clock as of this answer.";

bool allFinalWithoutLeaders(const Table<ScoreboardGame>& board) {
  return std::all_of(board.rows.begin(), board.rows.end(), [](const ScoreboardGame& g) {
    return g.status == GameStatus::kFinal && !g.home_leader && !g.away_leader;
  });
}

// "2 final, 1 in progress, 3 scheduled".
std::string statusCounts(const Table<ScoreboardGame>& board) {
  std::string out;
  for (GameStatus status : {GameStatus::kFinal, GameStatus::kInProgress, GameStatus::kScheduled}) {
    auto n = std::count_if(board.rows.begin(), board.rows.end(),
                           [status](const ScoreboardGame& g) { return g.status == status; });
    if (n == 0) continue;
    std::string name = gameStatusName(status);
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
    out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + name;
  }
  return out;
}

std::string leaderText(const std::optional<GameLeader>& leader) {
  if (!leader) return "—";
  return escapeMarkdown(leader->name) + " " + std::to_string(leader->pts) + " pts, " +
         std::to_string(leader->reb) + " reb, " + std::to_string(leader->ast) + " ast";
}

// The snapshot's day: every game final, no clock, no leaders.
AnswerSections finalScoresText(const Table<ScoreboardGame>& board, const std::string& date,
                               const std::string& relative_note) {
  AnswerSections text;
  text.heading = {"NBA scores, " + weekdayName(date) + " " + date,
                  board.meta.season ? board.meta.season->label() : "", board.meta.as_of};
  std::size_t count = board.rows.size();
  text.sentence = std::to_string(count) + (count == 1 ? " game was" : " games were") +
                  " played on " + weekdayName(date) + ", " + date + ", all final";
  if (count == 1) {
    text.sentence += ": " + winnerFirstScore(board.rows.front().game);
  }
  text.sentence += ".";
  if (!relative_note.empty()) {
    text.body += relative_note + "\n\n";
  }
  text.body += std::string(kFinalOnlyNote) + "\n\n";
  MarkdownTable table({"Away", "Pts", "Home", "Pts", "Status", "Winner", "Game id", "Note"},
                      {false, true, false, true, false, false, false, false});
  for (const auto& row : board.rows) {
    const Game& game = row.game;
    table.addRow({game.away, std::to_string(game.away_pts), game.home,
                  std::to_string(game.home_pts), "Final", game.winner(),
                  game.game_id.empty() ? "—" : game.game_id, gameKindNote(game)});
  }
  text.body += table.render();
  return text;
}

// NBA.com's scoreboard: games final, in progress (with the clock) and ahead, with leaders.
AnswerSections liveScoresText(const Table<ScoreboardGame>& board, const std::string& date,
                              const std::string& relative_note) {
  AnswerSections text;
  text.heading = {"NBA scores, " + weekdayName(date) + " " + date,
                  board.meta.season ? board.meta.season->label() : "", board.meta.as_of};
  const std::size_t count = board.rows.size();
  text.sentence = std::to_string(count) + (count == 1 ? " game" : " games") + " on " +
                  weekdayName(date) + ", " + date + ": " + statusCounts(board) + ".";
  if (!relative_note.empty()) {
    text.body += relative_note + "\n\n";
  }
  text.body += std::string(kLiveNote) + "\n\n";
  MarkdownTable table(
      {"Away", "Pts", "Home", "Pts", "Status", "Away leader", "Home leader", "Game id"},
      {false, true, false, true, false, false, false, false});
  for (const auto& row : board.rows) {
    const Game& game = row.game;
    const bool ahead = row.status == GameStatus::kScheduled;
    table.addRow(
        {game.away, ahead ? "—" : std::to_string(game.away_pts), game.home,
         ahead ? "—" : std::to_string(game.home_pts),
         escapeMarkdown(row.status_text.empty() ? gameStatusName(row.status) : row.status_text),
         leaderText(row.away_leader), leaderText(row.home_leader),
         game.game_id.empty() ? "—" : game.game_id});
  }
  text.body += table.render();
  return text;
}

json leaderJson(const std::optional<GameLeader>& leader) {
  if (!leader) return nullptr;
  return {{"player_id", leader->player_id},
          {"name", leader->name},
          {"team", leader->team},
          {"pts", leader->pts},
          {"reb", leader->reb},
          {"ast", leader->ast}};
}

json scoreboardRowJson(const ScoreboardGame& row, bool live) {
  json out = gameJson(row.game);
  out["status"] = gameStatusName(row.status);
  if (row.status != GameStatus::kFinal) out["winner"] = nullptr;
  out["clock"] = row.clock.empty() ? json(nullptr) : json(row.clock);
  out["leaders"] = row.home_leader || row.away_leader ? json{{"home", leaderJson(row.home_leader)},
                                                             {"away", leaderJson(row.away_leader)}}
                                                      : json(nullptr);
  if (live) {
    out["status_text"] = row.status_text;
    out["period"] = row.period;
  }
  return out;
}

struct LiveScoresArgs {
  std::string requested;  // as the caller wrote it: "today", "yesterday" or the date
  std::string date;       // YYYY-MM-DD
  Season season;          // the date's
};

Result<LiveScoresArgs> decodeLiveScoresArgs(const json& arguments, const ToolEnv& env) {
  std::string requested = optionalString(arguments, "date").value_or("today");
  auto date = dateArgumentText(requested, env.clock);
  if (!date.ok()) {
    return date.status();
  }
  const Season season = seasonOfDate(*date);
  return LiveScoresArgs{std::move(requested), std::move(*date), season};
}

// The day's scoreboard: never empty (a day without games is an error that says why).
Result<Table<ScoreboardGame>> findScoreboard(const LiveScoresArgs& args, const ToolEnv& env) {
  auto board = env.data.scoreboard(env.call, {args.season, args.date});
  if (!board.ok()) {
    const StatusCode code = board.status().code();
    if (code == StatusCode::kCancelled || code == StatusCode::kUnavailable ||
        code == StatusCode::kDeadlineExceeded || code == StatusCode::kDataLoss) {
      return board.status();  // NBA.com's trouble, not a date without data
    }
    return notFound("The data has no games for " + args.date + ": it covers " +
                    coveredDateSpans(env) +
                    " (regular season only). Scores for other dates need the live NBA.com "
                    "origin.");
  }
  if (board->rows.empty()) {
    return noGamesError(env, args.date, args.season, board->meta.as_of);
  }
  return board;
}

ToolAnswer renderScoreboard(const LiveScoresArgs& args, const Table<ScoreboardGame>& board) {
  const std::string& requested = args.requested;
  const Season season = args.season;
  std::string relative_note;
  if (requested != args.date) {
    relative_note = "\"" + escapeMarkdown(requested) + "\" is " + args.date +
                    " in US/Eastern (taken as UTC-5).";
  }
  const bool final_only = allFinalWithoutLeaders(board) && board.meta.source != "live";
  ToolAnswer answer;
  answer.text = final_only ? finalScoresText(board, args.date, relative_note)
                           : liveScoresText(board, args.date, relative_note);
  json rows = json::array();
  bool leaders = false;
  for (const auto& row : board.rows) {
    rows.push_back(scoreboardRowJson(row, !final_only));
    leaders = leaders || row.home_leader || row.away_leader;
  }
  answer.structured = provenanceJson(board.meta, season.label());
  answer.structured.update({{"date", args.date},
                            {"requested", requested},
                            {"game_count", board.rows.size()},
                            {"leaders_available", leaders},
                            {"note", final_only ? kFinalOnlyNote : kLiveNote},
                            {"games", std::move(rows)}});
  answer.meta = answerMeta(board.meta, season);
  return answer;
}

}  // namespace

NbaTool liveScoresTool() {
  return {"get_live_scores", "Scores of a day's games",
          "The NBA games of one date with their scores and status. `date` is YYYY-MM-DD, "
          "\"today\" or \"yesterday\" (US/Eastern; default today). From NBA.com the day's "
          "games come with their status (final, in progress with the game clock, or "
          "scheduled) and each team's leading scorer; on the offline snapshot every game is "
          "final, without clock or leaders. A date without games "
          "is an error that names the nearest game days; a date outside the data names the "
          "dates the data covers.",
          true,
          TypedHandler<LiveScoresArgs, Table<ScoreboardGame>>{decodeLiveScoresArgs, findScoreboard,
                                                              renderScoreboard}};
}

}  // namespace nba::tools
