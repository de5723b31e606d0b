#include <algorithm>
#include <cctype>
#include <set>

#include "nba/tools/arguments.h"
#include "nba/tools/game_dates.h"
#include "nba/tools/game_rows.h"
#include "nba/tools/game_tools.h"
#include "nba/tools/markdown.h"
#include "nba/tools/provenance.h"
#include "nba/tools/sorted_json_object.h"
#include "nba/tools/team_text.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

constexpr const char* kWhereBoxScoresAre =
    "box scores need the live NBA.com origin; the offline snapshot has player lines only for "
    "2023-24 (partial game logs)";

// What the logs cover for this game: the listed players' points against each final score
// tell whether anyone who scored is missing.
std::string coverageNote(const nlohmann::json& teams, const TableMeta& box, bool& partial) {
  if (box.source == "live") {  // NBA.com's own box score: every player who played
    partial = false;
    return "NBA.com's box score: every player who played.";
  }
  std::string missing;
  for (const auto& team : teams) {
    int listed = team.at("listed_pts").get<int>();
    int pts = team.at("pts").get<int>();
    if (listed < pts) {
      missing += (missing.empty() ? "" : "; ") + std::to_string(listed) + " of " +
                 team.at("team").get<std::string>() + "'s " + std::to_string(pts) + " points";
    }
  }
  partial = !missing.empty();
  if (partial) {
    return "Partial: built from the 2023-24 player game logs, which miss some players; the "
           "listed players account for " +
           missing + ".";
  }
  return "Built from the 2023-24 player game logs, which miss some players league-wide; here "
         "the listed players account for every point of both teams (a scoreless player could "
         "still be missing).";
}

struct PlayerLine {
  std::string name;
  GameLogRow row;
};

// A game id names its season and type: "0022300403" = 00, type 2 (regular season),
// season start 23, number 00403.
Result<Season> seasonOfGameId(const std::string& game_id) {
  bool shape = game_id.size() == 10 && game_id.starts_with("00") &&
               std::all_of(game_id.begin(), game_id.end(),
                           [](unsigned char c) { return std::isdigit(c) != 0; });
  if (!shape || game_id[2] < '1' || game_id[2] > '5') {
    return invalidArgument("game_id '" + game_id.substr(0, 40) +
                           "' is not an NBA.com game id: 10 digits like 0022300403 (00, the "
                           "type 1-5, the season's start year, the game number).");
  }
  if (game_id[2] != '2') {
    static constexpr const char* kTypes[] = {"", "preseason", "", "All-Star", "playoff", "play-in"};
    return notFound("game " + game_id + " is a " + kTypes[game_id[2] - '0'] +
                    " game; the data holds regular-season games only; " + kWhereBoxScoresAre + ".");
  }
  int year = std::stoi(game_id.substr(3, 2));
  return Season{year >= 46 ? 1900 + year : 2000 + year};
}

// The game the caller named: by id (its season read from the id), or by team and date.
struct BoxScoreArgs {
  std::optional<std::string> game_id;
  Season id_season;
  std::optional<ResolvedTeam> team;
  std::string date;              // YYYY-MM-DD, with team
  std::optional<Season> season;  // a season the caller gave too, checked against the game's
};

Result<BoxScoreArgs> decodeBoxScoreArgs(const json& arguments, const ToolEnv& env) {
  BoxScoreArgs args;
  args.game_id = optionalString(arguments, "game_id");
  const bool has_team = arguments.contains("team");
  const bool has_date = arguments.contains("date");
  if (args.game_id && (has_team || has_date)) {
    return invalidArgument("Give either game_id, or team and date, not both.");
  }
  if (!args.game_id && !(has_team && has_date)) {
    return invalidArgument(
        "Say which game: game_id (e.g. \"0022300403\"), or team and date (e.g. team \"Lakers\", "
        "date \"2024-02-01\").");
  }
  if (args.game_id) {
    auto season = seasonOfGameId(*args.game_id);
    if (!season.ok()) {
      return season.status();
    }
    args.id_season = *season;
  } else {
    auto team = teamArgument(arguments, env);
    if (!team.ok()) {
      return team.status();
    }
    args.team = std::move(*team);
    std::string text = optionalString(arguments, "date").value_or("");
    auto date = parseCalendarDate(text);
    if (!date) {
      return invalidArgument("date '" + text.substr(0, 40) +
                             "' is not a real calendar date; use YYYY-MM-DD, e.g. 2024-02-01.");
    }
    args.date = *date;
  }
  if (hasValue(arguments, "season")) {
    // A season that does not parse is left out: the game names its own season.
    if (auto chosen = seasonArgument(arguments, env); chosen.ok()) {
      args.season = chosen->season;
    }
  }
  return args;
}

Result<Game> gameById(const std::string& game_id, Season season, const ToolEnv& env) {
  auto games = seasonGames(env, season);
  if (!games.ok()) {
    return notFound("game " + game_id + " is in " + season.label() +
                    ", which the data does not cover; " + kWhereBoxScoresAre + ".");
  }
  for (const auto& game : games->rows) {
    if (game.game_id == game_id) {
      return game;
    }
  }
  return notFound("No game with id " + game_id + " in the data" +
                  (season == Season{2024} ? " (the 2024-25 games have no ids offline; ask by "
                                            "team and date)"
                                          : "") +
                  "; " + kWhereBoxScoresAre + ".");
}

Result<Game> gameByTeamDate(const ResolvedTeam& team, const std::string& date, const ToolEnv& env) {
  Season season = seasonOfDate(date);
  auto games = seasonGames(env, season, team.team.abbr);
  if (!games.ok()) {
    return notFound("The data has no games for " + date + ": it covers " + coveredDateSpans(env) +
                    " (regular season only).");
  }
  const auto& rows = games->rows;
  auto next =
      std::lower_bound(rows.begin(), rows.end(), date,
                       [](const Game& game, const std::string& d) { return game.date < d; });
  if (next != rows.end() && next->date == date) {
    return *next;
  }
  std::string message = "The " + team.team.name + " did not play on " + date + " in the data.";
  if (next != rows.begin()) {
    message += " Their previous game was on " + std::prev(next)->date + ".";
  }
  if (next != rows.end()) {
    message += " Their next game was on " + next->date + ".";
  }
  return notFound(message);
}

// The source's player lines of the game (offline: the partial 2023-24 logs), most minutes
// first; `meta` gets the box score's provenance.
Result<std::vector<PlayerLine>> gameLines(const Game& game, const ToolEnv& env, TableMeta& meta) {
  auto box = env.data.boxScore(env.call, {game.season, game.game_id});
  if (!box.ok()) {
    return box.status();
  }
  meta = box->meta;
  std::vector<PlayerLine> out;
  for (const BoxScorePlayer& player : box->rows) {
    out.push_back({player.name.empty() ? player.line.player_id : player.name, player.line});
  }
  std::sort(out.begin(), out.end(), [](const PlayerLine& x, const PlayerLine& y) {
    return std::tie(y.row.min, y.row.pts, x.name) < std::tie(x.row.min, x.row.pts, y.name);
  });
  return out;
}

std::string shots(int made, int attempts) {
  return std::to_string(made) + "-" + std::to_string(attempts);
}

json lineJson(const PlayerLine& line) {
  const GameLogRow& r = line.row;
  SortedJsonObject out;  // keys in alphabetical order
  out.add("ast", r.ast);
  out.add("blk", r.blk);
  out.add("dreb", r.dreb);
  out.add("fg3a", r.fg3a);
  out.add("fg3m", r.fg3m);
  out.add("fga", r.fga);
  out.add("fgm", r.fgm);
  out.add("fta", r.fta);
  out.add("ftm", r.ftm);
  out.add("min", r.min);
  out.add("name", line.name);
  out.add("oreb", r.oreb);
  out.add("pf", r.pf);
  out.add("player_id", r.player_id);
  out.add("plus_minus", r.plus_minus ? json(*r.plus_minus) : json(nullptr));
  out.add("pts", r.pts);
  out.add("reb", r.reb);
  out.add("stl", r.stl);
  out.add("tov", r.tov);
  return out.release();
}

// One team's section: its table (markdown) and its JSON.
json teamSection(const Game& game, const std::string& abbr, const std::vector<PlayerLine>& lines,
                 std::string& markdown) {
  MarkdownTable table(
      {"Player", "MIN", "PTS", "REB", "AST", "STL", "BLK", "TOV", "FG", "3P", "FT", "+/-"},
      {false, true, true, true, true, true, true, true, true, true, true, true});
  json players = json::array();
  int listed_pts = 0;
  for (const auto& line : lines) {
    const GameLogRow& r = line.row;
    if (r.team != abbr) {
      continue;
    }
    listed_pts += r.pts;
    table.addRow({line.name, std::to_string(r.min), std::to_string(r.pts), std::to_string(r.reb),
                  std::to_string(r.ast), std::to_string(r.stl), std::to_string(r.blk),
                  std::to_string(r.tov), shots(r.fgm, r.fga), shots(r.fg3m, r.fg3a),
                  shots(r.ftm, r.fta), r.plus_minus ? std::to_string(*r.plus_minus) : "—"});
    players.push_back(lineJson(line));
  }
  int team_pts = abbr == game.home ? game.home_pts : game.away_pts;
  markdown += "### " + abbr + " — " + std::to_string(team_pts) +
              " points (listed players: " + std::to_string(listed_pts) + ")\n\n";
  markdown += table.rowCount() > 0 ? table.render() + "\n"
                                   : "No player of " + abbr + " is in the partial log.\n\n";
  return {{"team", abbr},
          {"pts", team_pts},
          {"listed_pts", listed_pts},
          {"home", abbr == game.home},
          {"players", std::move(players)}};
}

// "the Boston Celtics" for "BOS"; the abbreviation when the team list cannot say.
std::string teamName(const std::string& abbr, const ToolEnv& env) {
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) return abbr;
  auto team = teams::teamByAbbr(teams->rows, abbr);
  return team.ok() ? "the " + team->name : abbr;
}

// The game, its player lines, and both tables' provenance.
struct BoxScoreFound {
  Game game;
  std::vector<PlayerLine> lines;  // most minutes first
  TableMeta meta;                 // the schedule's
  TableMeta box_meta;             // the box score's
  std::string winner_name;        // "the Washington Wizards"
  std::string loser_name;
};

ToolAnswer renderBoxScore(const BoxScoreArgs& /*args*/, const BoxScoreFound& found) {
  const Game& game = found.game;
  const std::vector<PlayerLine>& lines = found.lines;
  const TableMeta& meta = found.meta;
  const TableMeta& box_meta = found.box_meta;
  ToolAnswer answer;
  std::string title = "Box score: " + game.away + " @ " + game.home + ", " + game.date;
  answer.text.heading = {title, game.season.label(), meta.as_of};
  int high = std::max(game.home_pts, game.away_pts);
  int low = std::min(game.home_pts, game.away_pts);
  // Names, not abbreviations: "who won game 0022300926" is answered by "the Washington Wizards".
  std::string sentence = found.winner_name + " beat " + found.loser_name + " " +
                         std::to_string(high) + "–" + std::to_string(low) + " on " + game.date +
                         " (game " + game.game_id + ")";
  if (!sentence.empty()) sentence[0] = static_cast<char>(std::toupper(sentence[0]));
  auto top = std::max_element(lines.begin(), lines.end(),
                              [](const auto& x, const auto& y) { return x.row.pts < y.row.pts; });
  if (top != lines.end()) {
    sentence +=
        std::string(box_meta.source == "live" ? "; top scorer: " : "; top scorer in the log: ") +
        top->name + " (" + top->row.team + ") with " + std::to_string(top->row.pts) + " points";
  }
  std::string tables;
  json teams = json::array();
  for (const std::string& abbr : {game.away, game.home}) {
    teams.push_back(teamSection(game, abbr, lines, tables));
  }
  bool partial = true;
  std::string note = coverageNote(teams, box_meta, partial);
  answer.text.sentence = escapeMarkdown(sentence + ".");
  answer.text.body = note + "\n\n" + tables;
  answer.structured = provenanceJson(meta, game.season.label());
  answer.structured.update({{"game", gameJson(game)},
                            {"partial", partial},
                            {"note", note},
                            {"teams", std::move(teams)}});
  answer.meta = answerMeta(meta, game.season);
  return answer;
}

Result<BoxScoreFound> findBoxScore(const BoxScoreArgs& args, const ToolEnv& env) {
  auto game = args.game_id ? gameById(*args.game_id, args.id_season, env)
                           : gameByTeamDate(*args.team, args.date, env);
  if (!game.ok()) {
    return game.status();
  }
  if (args.season) {
    if (auto named = checkNamedSeason("That game", game->season, *args.season); !named.isOk()) {
      return named;
    }
  }
  const std::string no_box_score = "No box score for " + game->away + " @ " + game->home + " on " +
                                   game->date + " (final: " + winnerFirstScore(*game) + "): ";
  if (game->game_id.empty()) {
    return notFound(no_box_score + kWhereBoxScoresAre + ".");
  }
  BoxScoreFound found;
  auto lines = gameLines(*game, env, found.box_meta);
  if (!lines.ok()) {
    if (lines.status().code() == StatusCode::kNotFound) {
      return notFound(no_box_score + lines.status().message() + ".");
    }
    return lines.status();
  }
  auto games_meta = seasonGames(env, game->season, std::nullopt, game->date, game->date);
  found.meta = games_meta.ok() ? games_meta->meta : TableMeta{};
  found.winner_name = teamName(game->winner(), env);
  found.loser_name = teamName(game->loser(), env);
  found.game = std::move(*game);
  found.lines = std::move(*lines);
  return found;
}

}  // namespace

NbaTool boxScoreTool() {
  return {
      "get_box_score", "Box score of one game",
      "Player lines (minutes, points, rebounds, assists, steals, blocks, turnovers, "
      "shooting, +/-) for both teams of one game, named by NBA.com game_id "
      "(\"0022300403\") or by team + date. Offline, only 2023-24 games have player lines, "
      "and those are partial (the game logs miss some players); other games get an error "
      "with the final score that says box scores need the live NBA.com origin.",
      true,
      TypedHandler<BoxScoreArgs, BoxScoreFound>{decodeBoxScoreArgs, findBoxScore, renderBoxScore}};
}

}  // namespace nba::tools
