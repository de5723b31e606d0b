#include "nba/tools/day_leaders.h"

#include <algorithm>
#include <map>
#include <memory>

#include "nba/tools/arguments.h"
#include "nba/tools/game_dates.h"
#include "nba/tools/game_rows.h"
#include "nba/tools/markdown.h"
#include "nba/tools/prose.h"
#include "nba/tools/provenance.h"
#include "nba/tools/team_text.h"

namespace nba::tools {
namespace {

using nlohmann::json;

// The counting stats a game line carries, by canonical code.
GameStatGetter gameStatGetter(const std::string& code) {
  static const std::map<std::string, GameStatGetter, std::less<>> kGetters = {
      {"PTS", [](const GameLogRow& r) { return r.pts; }},
      {"REB", [](const GameLogRow& r) { return r.reb; }},
      {"OREB", [](const GameLogRow& r) { return r.oreb; }},
      {"DREB", [](const GameLogRow& r) { return r.dreb; }},
      {"AST", [](const GameLogRow& r) { return r.ast; }},
      {"STL", [](const GameLogRow& r) { return r.stl; }},
      {"BLK", [](const GameLogRow& r) { return r.blk; }},
      {"TOV", [](const GameLogRow& r) { return r.tov; }},
      {"PF", [](const GameLogRow& r) { return r.pf; }},
      {"FGM", [](const GameLogRow& r) { return r.fgm; }},
      {"FGA", [](const GameLogRow& r) { return r.fga; }},
      {"FG3M", [](const GameLogRow& r) { return r.fg3m; }},
      {"FG3A", [](const GameLogRow& r) { return r.fg3a; }},
      {"FTM", [](const GameLogRow& r) { return r.ftm; }},
      {"FTA", [](const GameLogRow& r) { return r.fta; }},
      {"MIN", [](const GameLogRow& r) { return r.min; }}};
  auto it = kGetters.find(code);
  return it == kGetters.end() ? nullptr : it->second;
}

}  // namespace

Result<DayQuery> decodeDayQuery(const json& arguments, const ToolEnv& env) {
  DayQuery query;
  auto date = dateArgumentText(optionalString(arguments, "date").value_or(""), env.call.clock());
  if (!date.ok()) {
    return date.status();
  }
  query.date = *date;
  query.season = seasonOfDate(query.date);
  if (hasValue(arguments, "season")) {
    auto chosen = seasonArgument(arguments, env);
    if (chosen.ok()) {
      if (auto named = checkNamedSeason(query.date, query.season, chosen->season); !named.isOk()) {
        return named;
      }
    }
  }
  if (optionalString(arguments, "season_type").value_or("") == "Playoffs") {
    return invalidArgument(
        "One day's leaders are ranked from regular-season game logs; leave out season_type, or "
        "leave out date for a playoff board.");
  }
  auto stat = statArgument(arguments.at("stat").get<std::string>());
  if (!stat.ok()) {
    return stat.status();
  }
  query.stat = *stat;
  query.value = gameStatGetter((*stat)->code);
  if (query.value == nullptr) {
    return invalidArgument(
        "One day's leaders rank a single game's counting stats: PTS, REB, OREB, DREB, AST, STL, "
        "BLK, TOV, PF, FGM, FGA, FG3M, FG3A, FTM, FTA, MIN. " +
        (*stat)->code + " is ranked over a season: leave out date.");
  }
  if (hasValue(arguments, "position")) {
    return invalidArgument(
        "position applies to season boards (game logs list no positions); leave out date or "
        "position.");
  }
  query.limit = arguments.value("limit", 10);
  query.conference = optionalString(arguments, "conference");
  auto team = teamInConference(arguments, env, query.conference);
  if (!team.ok()) {
    return team.status();
  }
  query.team = std::move(team).value();
  if (query.team && !query.team->note.empty()) query.notes.push_back(query.team->note);
  return query;
}

namespace {

// The day's lines, with the players' names; kNotFound when nobody played that day.
struct DayLines {
  TableMeta meta;
  std::vector<GameLogRow> rows;  // every line of the day, before the scope's filter
  std::vector<Game> games;       // the day's games (their final scores)
};

Result<DayLines> readDay(const DayQuery& query, const ToolEnv& env) {
  auto games = seasonGames(env, query.season, std::nullopt, query.date, query.date);
  if (games.ok() && games->rows.empty()) {
    return notFound("No NBA games were played on " + weekdayName(query.date) + ", " + query.date +
                    " (regular season).");
  }
  auto logs = env.data.seasonGameLogs(env.call, query.season);
  if (!logs.ok()) {
    return logs.status();
  }
  DayLines day;
  day.meta = logs->meta;
  for (const GameLogRow& row : logs->rows) {
    if (row.date == query.date) day.rows.push_back(row);
  }
  if (games.ok()) day.games = games->rows.copy();
  if (day.rows.empty()) {
    return notFound("The " + query.season.label() + " game logs have no player lines for " +
                    query.date + (day.games.empty() ? "" : " (its games were played)") +
                    "; one day's leaders need them.");
  }
  return day;
}

// The lines the scope keeps: a team's, a conference's teams', or all.
std::vector<const GameLogRow*> inScope(const DayQuery& query, const DayLines& day,
                                       const ToolEnv& env) {
  std::vector<std::string> conference_teams;
  if (query.conference && !query.team) {
    auto teams = env.data.teams(env.call);
    if (teams.ok()) {
      for (const Team& team : teams->rows) {
        if (team.conference == *query.conference) conference_teams.push_back(team.abbr);
      }
    }
  }
  std::vector<const GameLogRow*> kept;
  for (const GameLogRow& row : day.rows) {
    if (query.team && row.team != query.team->team.abbr) continue;
    if (query.conference && !query.team &&
        std::find(conference_teams.begin(), conference_teams.end(), row.team) ==
            conference_teams.end()) {
      continue;
    }
    kept.push_back(&row);
  }
  return kept;
}

struct RankedLine {
  GameLogRow row;
  int rank = 0;
  int value = 0;
  std::string player;
};

// Best first; equal values share a rank (1, 2, 2, 4).
std::vector<RankedLine> rankLines(std::vector<const GameLogRow*> lines, const DayQuery& query,
                                  const ToolEnv& env) {
  const std::size_t shown = std::min(query.limit, lines.size());
  std::partial_sort(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(shown), lines.end(),
                    [&](const GameLogRow* a, const GameLogRow* b) {
                      const int x = query.value(*a);
                      const int y = query.value(*b);
                      return x != y ? x > y : a->player_id < b->player_id;
                    });
  std::vector<RankedLine> ranked;
  for (std::size_t i = 0; i < shown; ++i) {
    RankedLine line{*lines[i], static_cast<int>(i) + 1, query.value(*lines[i]), ""};
    if (i > 0 && line.value == ranked.back().value) line.rank = ranked.back().rank;
    auto player = env.data.player(env.call, line.row.player_id);
    line.player = player.ok() ? player->name : line.row.player_id;
    ranked.push_back(std::move(line));
  }
  return ranked;
}

std::string scopeName(const DayQuery& query) {
  if (query.team) return "the " + query.team->team.name;
  if (query.conference) return "the " + *query.conference + "ern Conference";
  return "the NBA";
}

// "vs PHX" at home, "@ PHX" on the road.
std::string opponentText(const GameLogRow& row) { return (row.home ? "vs " : "@ ") + row.opponent; }

// "Luka Dončić (DAL @ PHX) led the NBA on Monday, 2023-12-25 with 50 points in one game."
std::string answerSentence(const DayQuery& query, const std::vector<RankedLine>& ranked) {
  const std::string day = weekdayName(query.date) + ", " + query.date;
  if (ranked.empty()) {
    return "No player of " + scopeName(query) + " is in the game logs of " + day + ".";
  }
  std::vector<std::string> leaders;
  for (const RankedLine& line : ranked) {
    if (line.rank != 1) break;
    leaders.push_back(line.player + " (" + line.row.team + " " + opponentText(line.row) + ")");
  }
  return joinNames(leaders) + (leaders.size() > 1 ? " shared the lead of " : " led ") +
         scopeName(query) + " on " + day + " with " + std::to_string(ranked.front().value) + " " +
         lowerFirst(query.stat->label) + " in one game.";
}

// How much of the day the logs hold: NBA.com's own lines are complete; the offline logs miss
// players, so the listed points are set against the final scores.
std::string coverageNote(const DayLines& day) {
  if (day.meta.source == "live") return "";
  int listed = 0;
  for (const GameLogRow& row : day.rows) listed += row.pts;
  int scored = 0;
  for (const Game& game : day.games) scored += game.home_pts + game.away_pts;
  if (scored == 0) return "";
  if (listed >= scored) {
    return "Built from the " + day.games.front().season.label() +
           " player game logs, which miss some players league-wide; on this day the listed "
           "players account for every point scored.";
  }
  return "Partial: built from the " + day.games.front().season.label() +
         " player game logs, which miss some players; the listed players account for " +
         formatCount(listed) + " of the " + formatCount(scored) + " points scored that day.";
}

std::string markdownTable(const DayQuery& query, const std::vector<RankedLine>& ranked) {
  MarkdownTable table({"Rank", "Player", "Team", "Game", "W/L", query.stat->short_label},
                      {true, false, false, false, false, true});
  for (const RankedLine& line : ranked) {
    table.addRow({std::to_string(line.rank), line.player, line.row.team, opponentText(line.row),
                  line.row.wl, std::to_string(line.value)});
  }
  return table.render();
}

json leaderJson(const RankedLine& line) {
  const GameLogRow& row = line.row;
  json out = json::object();
  out["rank"] = line.rank;
  out["player_id"] = row.player_id;
  out["player"] = line.player;
  out["team"] = row.team;
  out["teams"] = json::array({row.team});
  out["gp"] = 1;
  out["value"] = line.value;
  out["display"] = std::to_string(line.value);
  out["by_exception"] = false;
  out["made"] = nullptr;
  out["game"] = {{"game_id", row.game_id},
                 {"date", row.date},
                 {"opponent", row.opponent},
                 {"home", row.home},
                 {"wl", row.wl}};
  return out;
}

constexpr const char* kRule = "One day's games: every player who played that day counts.";

}  // namespace

// The day's lines and the best of them in scope.
struct DayLeadersFound {
  DayLines day;
  std::vector<RankedLine> ranked;  // best first, at most the limit
  std::size_t qualified = 0;       // lines in scope
  std::size_t tied_beyond = 0;     // lines level with the last shown that the limit cut off
};

// How many lines share the last shown value but did not fit under the limit: five players
// had 10 rebounds for 7th and only four were listed, with nothing said (blind audit).
std::size_t tiedBeyondLimit(const std::vector<const GameLogRow*>& lines,
                            const std::vector<RankedLine>& ranked, const DayQuery& query) {
  if (ranked.empty() || ranked.size() == lines.size()) return 0;
  const int last = ranked.back().value;
  const auto level = [&](const GameLogRow* row) { return query.value(*row) == last; };
  const auto shown = std::count_if(ranked.begin(), ranked.end(),
                                   [&](const RankedLine& line) { return line.value == last; });
  return static_cast<std::size_t>(std::count_if(lines.begin(), lines.end(), level) - shown);
}

Result<std::shared_ptr<const DayLeadersFound>> findDayLeaders(const DayQuery& query,
                                                              const ToolEnv& env) {
  auto day = readDay(query, env);
  if (!day.ok()) {
    return day.status();
  }
  std::vector<const GameLogRow*> lines = inScope(query, *day, env);
  const std::size_t qualified = lines.size();
  std::vector<RankedLine> ranked = rankLines(lines, query, env);
  const std::size_t tied_beyond = tiedBeyondLimit(lines, ranked, query);
  return std::make_shared<const DayLeadersFound>(
      DayLeadersFound{std::move(*day), std::move(ranked), qualified, tied_beyond});
}

ToolAnswer renderDayLeaders(const DayQuery& query, const DayLeadersFound& found) {
  const std::vector<RankedLine>& ranked = found.ranked;
  const std::size_t qualified = found.qualified;
  std::vector<std::string> notes = query.notes;
  notes.push_back(kRule);
  if (std::string note = coverageNote(found.day); !note.empty()) notes.push_back(note);
  if (found.tied_beyond > 0) {
    const RankedLine& last = ranked.back();
    notes.push_back(
        std::to_string(found.tied_beyond) +
        (found.tied_beyond == 1 ? " more player also had " : " more players also had ") +
        std::to_string(last.value) + " " + lowerFirst(query.stat->label) + " (tied at " +
        teams::ordinal(last.rank) + "); a larger limit lists them.");
  }

  const TableMeta& meta = found.day.meta;
  std::string title =
      scopeName(query).substr(4) + " leaders: " + query.stat->label + ", " + query.date;
  ToolAnswer answer;
  answer.text = AnswerSections::of(
      {title, query.season.label(), meta.as_of}, escapeMarkdown(answerSentence(query, ranked)),
      notesMarkdown(notes) + (ranked.empty() ? "" : markdownTable(query, ranked)));
  json leaders = json::array();
  for (const RankedLine& line : ranked) leaders.push_back(leaderJson(line));
  answer.structured = provenanceJson(meta, query.season.label());
  answer.structured.update(
      {{"season_type", "Regular Season"},
       {"date", query.date},
       {"complete", meta.coverage == Coverage::kComplete},
       {"stat",
        {{"code", query.stat->code},
         {"label", query.stat->label},
         {"short_label", query.stat->short_label}}},
       {"per_mode", "Totals"},
       {"conference", query.conference ? json(*query.conference) : json(nullptr)},
       {"team", query.team ? json(query.team->team.abbr) : json(nullptr)},
       {"qualification",
        {{"rule", kRule},
         {"team_games", 1},
         {"min_games", 0},
         {"min_made", nullptr},
         {"made_stat", nullptr},
         {"min_games_overridden", false}}},
       {"qualified_count", qualified},
       {"leaders", std::move(leaders)},
       {"notes", notes}});
  answer.meta = answerMeta(meta, query.season);
  return answer;
}

}  // namespace nba::tools
