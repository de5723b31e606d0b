#include <algorithm>

#include "nba/tools/arguments.h"
#include "nba/tools/game_dates.h"
#include "nba/tools/game_rows.h"
#include "nba/tools/game_tools.h"
#include "nba/tools/markdown.h"
#include "nba/tools/provenance.h"
#include "nba/tools/team_text.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 20;

struct ScheduleQuery {
  std::optional<Team> team;
  std::optional<std::string> date_from, date_to;
  std::vector<Season> seasons;  // oldest first
  std::string season_note;
  std::string team_note;
  std::optional<std::string> home_away;  // "home" | "away": only the team's games there
  int limit = kDefaultLimit;
  std::optional<int> last_n;  // only the most recent N played games
};

Result<std::optional<std::string>> dateMember(const json& arguments, const char* key) {
  auto text = optionalString(arguments, key);
  if (!text) {
    return std::optional<std::string>();
  }
  auto date = parseCalendarDate(*text);
  if (!date) {
    return invalidArgument(std::string(key) + " '" + text->substr(0, 40) +
                           "' is not a real calendar date; use YYYY-MM-DD, e.g. 2024-10-22.");
  }
  return std::optional<std::string>(*date);
}

// The seasons to read: the `season` argument, or — when only dates are given — every season
// with data that the date range touches.
Status chooseSeasons(const json& arguments, const ToolEnv& env, ScheduleQuery& query) {
  bool has_season = hasValue(arguments, "season");
  if (has_season || (!query.date_from && !query.date_to)) {
    auto season = seasonArgument(arguments, env);
    if (!season.ok()) {
      return season.status();
    }
    query.seasons = {season->season};
    query.season_note = season->note;
    return Status::ok();
  }
  Season first = seasonOfDate(query.date_from.value_or(*query.date_to));
  Season last = seasonOfDate(query.date_to.value_or(*query.date_from));
  auto covered = env.data.seasons(env.call);
  if (!covered.ok()) {
    return covered.status();
  }
  std::vector<Season> available;
  for (const auto& coverage : covered.value()) {
    available.push_back(coverage.season);
    if (coverage.season >= first && coverage.season <= last) {
      query.seasons.push_back(coverage.season);
    }
  }
  if (query.seasons.empty()) {
    return notFound("The data has no games in that date range: it covers " + coveredDateSpans(env) +
                    " (regular season, played games only).");
  }
  if (!query.date_to) {
    query.seasons.resize(1);  // an open range: the season date_from falls in
  }
  return Status::ok();
}

Result<ScheduleQuery> decodeScheduleQuery(const json& arguments, const ToolEnv& env) {
  ScheduleQuery query;
  if (optionalString(arguments, "team")) {
    auto team = teamArgument(arguments, env);
    if (!team.ok()) {
      return team.status();
    }
    query.team = team->team;
    query.team_note = team->note;
  }
  query.home_away = optionalString(arguments, "home_away");
  if (query.home_away && *query.home_away != "home" && *query.home_away != "away") {
    return invalidArgument("home_away must be \"home\" or \"away\", not \"" + *query.home_away +
                           "\".");
  }
  if (query.home_away && !query.team) {
    return invalidArgument("home_away needs a team: home or road games of which team?");
  }
  auto from = dateMember(arguments, "date_from");
  if (!from.ok()) {
    return from.status();
  }
  auto to = dateMember(arguments, "date_to");
  if (!to.ok()) {
    return to.status();
  }
  query.date_from = *from;
  query.date_to = *to;
  if (query.date_from && query.date_to && *query.date_from > *query.date_to) {
    return invalidArgument("date_from " + *query.date_from + " is after date_to " + *query.date_to +
                           "; swap them.");
  }
  query.limit = arguments.value("limit", kDefaultLimit);
  if (query.limit < 1 || query.limit > 100) {
    return invalidArgument("limit must be between 1 and 100.");
  }
  if (arguments.contains("last_n")) {
    query.last_n = arguments.value("last_n", 0);
    if (*query.last_n < 1 || *query.last_n > 82) {
      return invalidArgument("last_n must be between 1 and 82.");
    }
    // The N games asked for are all shown, unless a smaller limit says otherwise.
    if (!arguments.contains("limit")) query.limit = *query.last_n;
  }
  if (Status chosen = chooseSeasons(arguments, env, query); !chosen.isOk()) {
    return chosen;
  }
  return query;
}

std::string seasonLabel(const ScheduleQuery& query) {
  std::string label = query.seasons.front().label();
  if (query.seasons.size() > 1) {
    label += " to " + query.seasons.back().label();
  }
  return label;
}

std::string rangeText(const ScheduleQuery& query) {
  if (query.date_from && query.date_to && *query.date_from == *query.date_to) {
    return " on " + *query.date_from;  // one day: "from 2024-12-25 to 2024-12-25" read oddly
  }
  if (query.date_from && query.date_to) {
    return " from " + *query.date_from + " to " + *query.date_to;
  }
  if (query.date_from) {
    return " from " + *query.date_from;
  }
  if (query.date_to) {
    return " up to " + *query.date_to;
  }
  return "";
}

json scheduleRow(const Game& game, const std::optional<Team>& team) {
  json row = gameJson(game);
  if (team) {
    bool home = game.home == team->abbr;
    row["opponent"] = home ? game.away : game.home;
    row["home_game"] = home;
    row["result"] = game.winner() == team->abbr ? "W" : "L";
  }
  return row;
}

// A game not final yet: the points so far (0-0 before tip-off), no winner, and when it starts.
json upcomingRow(const ScoreboardGame& row, const std::optional<Team>& team) {
  json out = gameJson(row.game);
  out["status"] = gameStatusName(row.status);
  out["winner"] = nullptr;
  out["status_text"] = row.status_text;
  out["start_utc"] = row.start_utc.empty() ? json(nullptr) : json(row.start_utc);
  if (team) {
    bool home = row.game.home == team->abbr;
    out["opponent"] = home ? row.game.away : row.game.home;
    out["home_game"] = home;
  }
  return out;
}

// "7:30 pm ET", "Q3 5:12", "PPD": NBA.com's status text, else the status's name.
std::string statusText(const ScoreboardGame& row) {
  return row.status_text.empty() ? gameStatusName(row.status) : row.status_text;
}

// The games ahead, from a source that has the season's schedule (the live origin). The snapshot
// has played games only: then `available` stays false and, when the source failed for another
// reason, `problem` says why.
struct GamesAhead {
  std::vector<ScoreboardGame> games;
  bool available = false;
  std::string problem;
};

// "vs Brooklyn Nets": a team's schedule names each opponent in full (people ask about "the
// Nets game"); the abbreviation stays in the score. The abbreviation when the list lacks it.
std::string opponentName(const std::optional<Table<Team>>& teams, const std::string& abbr) {
  auto team = teams ? teams::teamByAbbr(teams->rows, abbr) : Result<Team>(notFound(abbr));
  return team.ok() ? team->name : abbr;
}

GamesAhead gamesAhead(const ScheduleQuery& query, const ToolEnv& env) {
  GamesAhead ahead;
  for (Season season : query.seasons) {
    UpcomingGamesRequest request;
    request.season = season;
    if (query.team) request.team = query.team->abbr;
    request.date_from = query.date_from;
    request.date_to = query.date_to;
    auto upcoming = env.data.upcomingGames(env.call, request);
    if (!upcoming.ok()) {
      if (upcoming.status().code() != StatusCode::kUnimplemented) {
        ahead.problem = "The schedule ahead could not be read: " + upcoming.status().message();
      }
      ahead.games.clear();
      ahead.available = false;
      return ahead;
    }
    ahead.available = true;
    for (const ScoreboardGame& row : upcoming->rows) {
      if (query.home_away && (row.game.home == query.team->abbr) != (*query.home_away == "home")) {
        continue;
      }
      ahead.games.push_back(row);
    }
  }
  return ahead;
}

// The games shown: played ones (lent by the source, not copied), then the ones ahead.
struct ScheduleFound {
  TableMeta meta;
  Rows<Game> games;                  // played, at most the limit
  std::size_t played = 0;            // played games in the range, before the limit
  std::size_t total = 0;             // played and ahead, before the limit
  GamesAhead ahead;                  // at most what the limit leaves
  std::optional<Table<Team>> teams;  // to name opponents; none when the list failed
};

Result<ScheduleFound> findSchedule(const ScheduleQuery& query, const ToolEnv& env) {
  std::optional<std::string> team_abbr;
  if (query.team) {
    team_abbr = query.team->abbr;
  }
  Rows<Game> games;  // lent by the source, not copied
  TableMeta meta;
  for (Season season : query.seasons) {
    auto table = seasonGames(env, season, team_abbr, query.date_from, query.date_to);
    if (!table.ok()) {
      return table.status();
    }
    meta = table->meta;
    games.append(table->rows);
  }
  if (query.home_away) {
    const bool home = *query.home_away == "home";
    games.dropIf([&](const Game& game) { return (game.home == *team_abbr) != home; });
  }
  const std::size_t played = games.size();
  // "Last N games": the latest played ones; the games ahead are not what was asked.
  if (query.last_n) games.keepLast(static_cast<std::size_t>(*query.last_n));
  GamesAhead ahead = query.last_n ? GamesAhead{} : gamesAhead(query, env);
  if (!ahead.available && query.date_from && *query.date_from > meta.as_of) {
    return notFound("The data holds played games only, up to " + meta.as_of + "; games from " +
                    *query.date_from + " on (the upcoming schedule) need the live NBA.com origin." +
                    (ahead.problem.empty() ? "" : " " + ahead.problem));
  }
  std::size_t total = played + ahead.games.size();
  games.keepFirst(static_cast<std::size_t>(query.limit));
  const std::size_t ahead_shown =
      std::min(ahead.games.size(), static_cast<std::size_t>(query.limit) - games.size());
  ahead.games.resize(ahead_shown);
  ScheduleFound found{std::move(meta), std::move(games), played, total, std::move(ahead), {}};
  if (auto teams = env.data.teams(env.call); teams.ok()) {
    found.teams = std::move(*teams);
  }
  return found;
}

ToolAnswer renderSchedule(const ScheduleQuery& query, const ScheduleFound& found) {
  const TableMeta& meta = found.meta;
  const Rows<Game>& games = found.games;
  const std::size_t played = found.played;
  const std::size_t total = found.total;
  const GamesAhead& ahead = found.ahead;
  const std::size_t ahead_shown = ahead.games.size();
  const std::size_t returned = games.size() + ahead_shown;
  std::string who = query.team ? "The " + query.team->name + " played " : "There were ";
  std::string where = !query.home_away             ? ""
                      : *query.home_away == "home" ? " at home"
                                                   : " on the road";
  std::string label = seasonLabel(query);

  ToolAnswer answer;
  answer.text.heading = {query.team ? query.team->name + " schedule" : "NBA schedule", label,
                         meta.as_of};
  int wins = 0;
  const auto opponent = [&](const std::string& abbr) { return opponentName(found.teams, abbr); };
  MarkdownTable table(
      query.team ? std::vector<std::string>{"Date", "Opponent", "Result", "Score", "Note"}
                 : std::vector<std::string>{"Date", "Away", "Pts", "Home", "Pts", "Note"},
      query.team ? std::vector<bool>{} : std::vector<bool>{false, false, true, false, true, false});
  json rows = json::array();
  for (const auto& game : games) {
    if (query.team) {
      bool home = game.home == query.team->abbr;
      bool won = game.winner() == query.team->abbr;
      wins += won ? 1 : 0;
      table.addRow({game.date, (home ? "vs " : "@ ") + opponent(home ? game.away : game.home),
                    won ? "W" : "L", winnerFirstScore(game), gameKindNote(game)});
    } else {
      table.addRow({game.date, game.away, std::to_string(game.away_pts), game.home,
                    std::to_string(game.home_pts), gameKindNote(game)});
    }
    rows.push_back(scheduleRow(game, query.team));
  }
  for (const ScoreboardGame& row : ahead.games) {
    const Game& game = row.game;
    const bool started = row.status == GameStatus::kInProgress;
    if (query.team) {
      bool home = game.home == query.team->abbr;
      table.addRow({game.date, (home ? "vs " : "@ ") + opponent(home ? game.away : game.home),
                    statusText(row),
                    started ? game.away + " " + std::to_string(game.away_pts) + ", " + game.home +
                                  " " + std::to_string(game.home_pts)
                            : "",
                    gameKindNote(game)});
    } else {
      table.addRow(
          {game.date, game.away, started ? std::to_string(game.away_pts) : "", game.home,
           started ? std::to_string(game.home_pts) : "",
           statusText(row) + (gameKindNote(game).empty() ? "" : "; " + gameKindNote(game))});
    }
    rows.push_back(upcomingRow(row, query.team));
  }
  const std::size_t upcoming = total - played;
  const std::string count = played == 0   ? "no games"
                            : played == 1 ? "1 game"
                                          : std::to_string(played) + " games";
  std::string sentence = who + count + where + " in " + label + rangeText(query);
  if (query.team && !games.empty()) {
    sentence += (query.last_n ? "; the last " + std::to_string(games.size())
                              : "; the " + std::to_string(games.size()) + " shown") +
                " went " + std::to_string(wins) + "-" +
                std::to_string(static_cast<int>(games.size()) - wins);
  }
  if (ahead.available) {
    sentence += std::string(played > 0 ? ", and " : "; ") + std::to_string(upcoming) +
                (upcoming == 1 ? " is" : " are") + " still to come or under way";
  }
  sentence += ".";
  answer.text.sentence = escapeMarkdown(sentence);
  std::string& body = answer.text.body;
  if (total > returned && query.last_n) {
    body += "Showing the last " + std::to_string(returned) + " of " + std::to_string(total) +
            "; raise `last_n` for more.\n\n";
  } else if (total > returned) {
    body += "Showing the first " + std::to_string(returned) + " of " + std::to_string(total) +
            "; raise `limit` or set `date_from` for more.\n\n";
  }
  for (const std::string& note : {query.season_note, query.team_note}) {
    if (!note.empty()) {
      body += escapeMarkdown(note) + "\n\n";
    }
  }
  std::string played_note =
      ahead.available ? "Played games to " + meta.as_of +
                            ", then the games still to come from NBA.com's season schedule."
                      : "Played games only, to " + meta.as_of +
                            ": upcoming games are not in this data (the live NBA.com origin "
                            "has the schedule ahead).";
  body += played_note + "\n\n";
  // When the played games came from the offline snapshot because NBA.com failed, the source's
  // note says so already; the schedule's own failure is the same news.
  if (!ahead.problem.empty() && meta.notes.empty()) {
    body += escapeMarkdown(ahead.problem) + "\n\n";
  }
  if (table.rowCount() > 0) {
    body += table.render();
  }
  answer.structured = provenanceJson(meta, label);
  answer.structured.update({{"team", query.team ? json(query.team->abbr) : json(nullptr)},
                            {"home_away", query.home_away ? json(*query.home_away) : json(nullptr)},
                            {"date_from", query.date_from ? json(*query.date_from) : json(nullptr)},
                            {"date_to", query.date_to ? json(*query.date_to) : json(nullptr)},
                            {"total", total},
                            {"returned", returned},
                            {"truncated", total > returned},
                            {"note", played_note},
                            {"games", std::move(rows)}});
  answer.meta = answerMeta(meta, query.seasons.front());
  return answer;
}

}  // namespace

NbaTool scheduleTool() {
  return {"get_schedule", "Schedule and results",
          "Games in a season or date range, oldest first, with results where played; "
          "optionally one team's games (with W/L and opponent), or only the most recent "
          "(last_n). Dates are YYYY-MM-DD "
          "(US/Eastern). Without dates: the season's games from its start (default this "
          "season); with dates and no season: the seasons the range touches. The offline "
          "snapshot holds played games only; upcoming games need the live NBA.com origin.",
          true,
          TypedHandler<ScheduleQuery, ScheduleFound>{decodeScheduleQuery, findSchedule,
                                                     renderSchedule}};
}

}  // namespace nba::tools
