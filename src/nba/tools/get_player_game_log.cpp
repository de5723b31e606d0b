#include <algorithm>
#include <cmath>

#include "nba/tools/arguments.h"
#include "nba/tools/markdown.h"
#include "nba/tools/player_lines.h"
#include "nba/tools/player_tools.h"
#include "nba/tools/provenance.h"
#include "nba/tools/sorted_json_object.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

constexpr int kDefaultLastN = 10;  // without a date range, the most recent games

struct Filters {
  std::optional<std::string> date_from, date_to;
  std::optional<int> last_n;
  std::optional<std::string> opponent;  // NBA.com abbreviation: only games against that team
};

// The season a date falls in: games from August on belong to the season starting that year.
Season seasonOfDate(const std::string& date) {
  int year = std::stoi(date.substr(0, 4));
  int month = std::stoi(date.substr(5, 2));
  return Season{month >= 8 ? year : year - 1};
}

// The season to read: the argument, else the season of a given date, else this season.
Result<SeasonChoice> logSeason(const json& arguments, const Filters& filters, const ToolEnv& env) {
  auto it = arguments.find("season");
  if ((it == arguments.end() || it->is_null()) && (filters.date_from || filters.date_to)) {
    Season season = seasonOfDate(filters.date_from ? *filters.date_from : *filters.date_to);
    return seasonArgument(json{{"season", season.label()}}, env);
  }
  return seasonArgument(arguments, env);
}

// Without an explicit season, a season with no game logs falls back to the latest older one
// that has this player's log (the snapshot has 2023-24 logs only); the note says so.
Result<Table<GameLogRow>> findLog(const Player& player, SeasonChoice& choice, bool explicit_season,
                                  const ToolEnv& env) {
  auto log = env.data.playerGameLog(env.call, player.player_id, choice.season);
  if (log.ok() || explicit_season || log.status().code() != StatusCode::kNotFound) {
    return log;
  }
  std::vector<SeasonCoverage> seasons = seasonsForText(env);
  for (auto it = seasons.rbegin(); it != seasons.rend(); ++it) {
    if (it->season >= choice.season) {
      continue;
    }
    auto older = env.data.playerGameLog(env.call, player.player_id, it->season);
    if (older.ok()) {
      choice.note = "No " + choice.season.label() + " game log in the data; showing " +
                    it->season.label() + ", the latest season with game logs for " + player.name +
                    ".";
      choice.season = it->season;
      return older;
    }
  }
  return log;
}

std::string errorText(const Player& player, Season season, const Status& status) {
  std::string message = status.message();
  std::string id = "player '" + player.player_id + "'";
  if (auto pos = message.find(id); pos != std::string::npos) {
    message.replace(pos, id.size(), player.name);
  }
  return "No " + season.label() + " game log for " + player.name + ": " + message + ".";
}

// Newest first, filtered by dates, then the most recent last_n. The rows stay the source's,
// and so does what keeps them alive (a live or cached log owns its rows: borrowing them into a
// new list would leave that list pointing at freed rows once `log` is gone).
Rows<GameLogRow> selectRows(Rows<GameLogRow> log, const Filters& filters) {
  log.dropIf([&](const GameLogRow& row) {
    return (filters.date_from && row.date < *filters.date_from) ||
           (filters.date_to && row.date > *filters.date_to) ||
           (filters.opponent && row.opponent != *filters.opponent);
  });
  if (filters.last_n) log.keepLast(static_cast<std::size_t>(*filters.last_n));
  log.reverse();  // the DataSource gives them oldest first
  return log;
}

json pct(int made, int attempts) {
  return attempts > 0 ? json(std::round(1000.0 * made / attempts) / 1000.0) : json(nullptr);
}

json avg(long long total, std::size_t games) {
  return std::round(10.0 * static_cast<double>(total) / static_cast<double>(games)) / 10.0;
}

json averagesJson(const Rows<GameLogRow>& rows) {
  GameLogRow sum;
  int pm_games = 0, pm_total = 0;
  for (const auto& r : rows) {
    sum.min += r.min, sum.pts += r.pts, sum.reb += r.reb, sum.ast += r.ast, sum.stl += r.stl;
    sum.blk += r.blk, sum.tov += r.tov, sum.pf += r.pf, sum.fgm += r.fgm, sum.fga += r.fga;
    sum.fg3m += r.fg3m, sum.fg3a += r.fg3a, sum.ftm += r.ftm, sum.fta += r.fta;
    if (r.plus_minus) {
      ++pm_games, pm_total += *r.plus_minus;
    }
  }
  std::size_t n = rows.size();
  return {{"games", n},
          {"min", avg(sum.min, n)},
          {"pts", avg(sum.pts, n)},
          {"reb", avg(sum.reb, n)},
          {"ast", avg(sum.ast, n)},
          {"stl", avg(sum.stl, n)},
          {"blk", avg(sum.blk, n)},
          {"tov", avg(sum.tov, n)},
          {"pf", avg(sum.pf, n)},
          {"fgm", avg(sum.fgm, n)},
          {"fga", avg(sum.fga, n)},
          {"fg_pct", pct(sum.fgm, sum.fga)},
          {"fg3m", avg(sum.fg3m, n)},
          {"fg3a", avg(sum.fg3a, n)},
          {"fg3_pct", pct(sum.fg3m, sum.fg3a)},
          {"ftm", avg(sum.ftm, n)},
          {"fta", avg(sum.fta, n)},
          {"ft_pct", pct(sum.ftm, sum.fta)},
          {"plus_minus", pm_games ? avg(pm_total, pm_games) : json(nullptr)}};
}

// Member by member in key order (SortedJsonObject): a log of 82 rows builds ~2,000 members,
// and an initializer list would first build each one as a two-element array.
json rowJson(const GameLogRow& r) {
  SortedJsonObject out;  // keys in alphabetical order
  out.add("ast", r.ast).add("blk", r.blk).add("date", r.date).add("dreb", r.dreb);
  out.add("fg3a", r.fg3a).add("fg3m", r.fg3m).add("fga", r.fga).add("fgm", r.fgm);
  out.add("fta", r.fta).add("ftm", r.ftm).add("game_id", r.game_id).add("home", r.home);
  out.add("min", r.min).add("opponent", r.opponent).add("oreb", r.oreb).add("pf", r.pf);
  out.add("plus_minus", r.plus_minus ? json(*r.plus_minus) : json(nullptr));
  out.add("pts", r.pts).add("reb", r.reb).add("stl", r.stl).add("team", r.team);
  out.add("tov", r.tov).add("wl", r.wl);
  return out.release();
}

std::string made(int m, int a) { return std::to_string(m) + "-" + std::to_string(a); }

std::string logTable(const Rows<GameLogRow>& rows, const json& averages) {
  MarkdownTable table(
      {"Date", "Opp", "W/L", "MIN", "PTS", "REB", "AST", "STL", "BLK", "TOV", "FG", "3P", "FT",
       "+/-"},
      {false, false, false, true, true, true, true, true, true, true, true, true, true, true});
  for (const auto& r : rows) {
    std::string pm =
        r.plus_minus ? (*r.plus_minus > 0 ? "+" : "") + std::to_string(*r.plus_minus) : "—";
    table.addRow({r.date, (r.home ? "vs " : "@ ") + r.opponent, r.wl, std::to_string(r.min),
                  std::to_string(r.pts), std::to_string(r.reb), std::to_string(r.ast),
                  std::to_string(r.stl), std::to_string(r.blk), std::to_string(r.tov),
                  made(r.fgm, r.fga), made(r.fg3m, r.fg3a), made(r.ftm, r.fta), pm});
  }
  auto f = [&](const char* key) {
    return averages.at(key).is_null() ? "—" : formatFixed(averages.at(key).get<double>(), 1);
  };
  auto p = [&](const char* key) {
    return averages.at(key).is_null() ? "—" : formatPercent(averages.at(key).get<double>());
  };
  table.addRow({"Average", std::to_string(rows.size()) + (rows.size() == 1 ? " game" : " games"),
                "", f("min"), f("pts"), f("reb"), f("ast"), f("stl"), f("blk"), f("tov"),
                p("fg_pct"), p("fg3_pct"), p("ft_pct"), f("plus_minus")});
  return table.render();
}

std::string answerSentence(const Player& player, const Rows<GameLogRow>& rows, const json& averages,
                           Season season, const std::optional<std::string>& opponent) {
  int wins = static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [](const GameLogRow& r) { return r.wl == "W"; }));
  std::string span = rows.size() == 1 ? "on " + rows.front().date
                                      : "from " + rows.back().date + " to " + rows.front().date;
  return "Over " + std::to_string(rows.size()) + (rows.size() == 1 ? " game" : " games") + " of " +
         season.label() + (opponent ? " against " + *opponent : "") + " (" + span + ", " +
         std::to_string(wins) + "-" + std::to_string(rows.size() - wins) + "), " +
         escapeMarkdown(player.name) + " averaged " +
         formatFixed(averages.at("pts").get<double>(), 1) + " points, " +
         formatFixed(averages.at("reb").get<double>(), 1) + " rebounds and " +
         formatFixed(averages.at("ast").get<double>(), 1) + " assists in " +
         formatFixed(averages.at("min").get<double>(), 1) + " minutes.";
}

json logSummary(const Rows<GameLogRow>& all) {
  long long pts = 0, reb = 0, ast = 0;
  for (const auto& r : all) {
    pts += r.pts, reb += r.reb, ast += r.ast;
  }
  return {{"games", all.size()},
          {"pts", pts},
          {"reb", reb},
          {"ast", ast},
          {"first_date", all.empty() ? "" : all.front().date},
          {"last_date", all.empty() ? "" : all.back().date}};
}

struct GameLogArgs {
  Filters filters;
  ResolvedPlayer player;
  SeasonChoice season;
  bool explicit_season = false;  // named or implied by dates: what the user asked for
  std::string opponent_note;     // how the opponent's name was read, when it needed choosing
};

Result<GameLogArgs> decodeGameLogArgs(const json& arguments, const ToolEnv& env) {
  Filters filters{optionalString(arguments, "date_from"), optionalString(arguments, "date_to"),
                  std::nullopt, std::nullopt};
  std::string opponent_note;
  if (hasValue(arguments, "opponent")) {
    auto opponent = teamArgument(arguments, env, "opponent");
    if (!opponent.ok()) {
      return opponent.status();
    }
    filters.opponent = opponent->team.abbr;
    opponent_note = opponent->note;
  }
  if (auto it = arguments.find("last_n"); it != arguments.end() && it->is_number_integer()) {
    filters.last_n = it->get<int>();
  }
  if (filters.date_from && filters.date_to && *filters.date_from > *filters.date_to) {
    return invalidArgument("date_from (" + *filters.date_from + ") is after date_to (" +
                           *filters.date_to + "); swap them.");
  }
  // Against one team, every game of the season with it (four at most); else the latest.
  if (!filters.last_n && !filters.date_from && !filters.date_to && !filters.opponent) {
    filters.last_n = kDefaultLastN;
  }
  auto player = playerArgument(arguments, env);
  if (!player.ok()) {
    return player.status();
  }
  auto season = logSeason(arguments, filters, env);
  if (!season.ok()) {
    return season.status();
  }
  const bool explicit_season =
      hasValue(arguments, "season") || filters.date_from || filters.date_to;
  return GameLogArgs{std::move(filters), std::move(*player), std::move(*season), explicit_season,
                     std::move(opponent_note)};
}

// The games the filters keep, and the season's whole log summed.
struct GameLogFound {
  SeasonChoice season;  // the asked one, or the older one it fell back to
  TableMeta meta;
  Rows<GameLogRow> rows;
  json summary;  // logSummary() of the whole season's log
};

Result<GameLogFound> findGameLog(const GameLogArgs& args, const ToolEnv& env) {
  const Filters& filters = args.filters;
  SeasonChoice season = args.season;
  auto log = findLog(args.player.player, season, args.explicit_season, env);
  if (!log.ok()) {
    return Status(log.status().code(), errorText(args.player.player, season.season, log.status()));
  }
  json summary = logSummary(log->rows);
  Rows<GameLogRow> rows = selectRows(std::move(log->rows), filters);
  if (rows.empty() && filters.opponent) {
    return notFound("No games for " + args.player.player.name + " against " + *filters.opponent +
                    " in his " + season.season.label() + " log" +
                    (filters.date_from || filters.date_to ? " between those dates" : "") + ".");
  }
  if (rows.empty()) {
    return notFound("No games for " + args.player.player.name + " between " +
                    filters.date_from.value_or("the start of the season") + " and " +
                    filters.date_to.value_or("the end of the season") + "; his " +
                    season.season.label() + " log runs from " +
                    summary["first_date"].get<std::string>() + " to " +
                    summary["last_date"].get<std::string>() + ".");
  }
  return GameLogFound{std::move(season), log->meta, std::move(rows), std::move(summary)};
}

ToolAnswer renderGameLog(const GameLogArgs& args, const GameLogFound& found) {
  const Filters& filters = args.filters;
  const SeasonChoice& season = found.season;
  const Rows<GameLogRow>& rows = found.rows;
  json summary = found.summary;
  std::vector<std::string> notes = {season.note, args.player.note, args.opponent_note};
  if (found.meta.coverage == Coverage::kPartial) {
    notes.push_back("The " + season.season.label() +
                    " game logs are partial (some players are missing), but a player who is "
                    "present has all his games: " +
                    std::to_string(summary["games"].get<int>()) + " games, " +
                    formatCount(summary["pts"].get<long long>()) + " points in this log.");
  }
  json averages = averagesJson(rows);
  std::string label = season.season.label();

  ToolAnswer answer;
  answer.text = AnswerSections::of(
      {args.player.player.name + " — game log", label, found.meta.as_of},
      answerSentence(args.player.player, rows, averages, season.season, filters.opponent),
      notesMarkdown(notes) + logTable(rows, averages));
  json games = json::array();
  for (const auto& row : rows) {
    games.push_back(rowJson(row));
  }
  json note_list = json::array();
  for (const auto& note : notes) {
    if (!note.empty()) {
      note_list.push_back(note);
    }
  }
  answer.structured = provenanceJson(found.meta, label);
  answer.structured.update(
      {{"player", playerJson(args.player.player)},
       {"filters",
        {{"last_n", filters.last_n ? json(*filters.last_n) : json(nullptr)},
         {"date_from", filters.date_from ? json(*filters.date_from) : json(nullptr)},
         {"date_to", filters.date_to ? json(*filters.date_to) : json(nullptr)},
         {"opponent", filters.opponent ? json(*filters.opponent) : json(nullptr)}}},
       {"games", std::move(games)},
       {"averages", std::move(averages)},
       {"season_log", std::move(summary)},
       {"notes", std::move(note_list)}});
  answer.meta = answerMeta(found.meta, season.season);
  return answer;
}

}  // namespace

NbaTool getPlayerGameLogTool() {
  return {"get_player_game_log", "Player game log",
          "One player's games in a season, newest first: date, opponent, home/away, result, "
          "minutes, points, rebounds, assists, steals, blocks, turnovers, FG/3P/FT made-"
          "attempted and plus-minus, with averages over the games shown. Filter with last_n "
          "(1-82; default the last 10 when no dates are given), date_from/date_to "
          "(YYYY-MM-DD, inclusive) and opponent (every game against that team). The offline data "
          "has game logs for 2023-24 only (partial: "
          "some players missing); without a season the latest season with a log is used.",
          false,
          TypedHandler<GameLogArgs, GameLogFound>{decodeGameLogArgs, findGameLog, renderGameLog}};
}

}  // namespace nba::tools
