#include <algorithm>

#include "nba/tools/arguments.h"
#include "nba/tools/game_rows.h"
#include "nba/tools/game_tools.h"
#include "nba/tools/markdown.h"
#include "nba/tools/provenance.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

struct Series {
  std::vector<Game> games;  // every game between the two, by date
  int a_wins = 0;
  int b_wins = 0;
};

// The cup final is listed but left out of the record, as the NBA leaves it out of
// standings and tiebreakers.
Series seriesBetween(const Table<Game>& a_games, const std::string& a, const std::string& b) {
  Series series;
  for (const auto& game : a_games.rows) {
    if (game.home != b && game.away != b) {
      continue;
    }
    series.games.push_back(game);
    if (!game.countsInStandings()) {
      continue;
    }
    (game.winner() == a ? series.a_wins : series.b_wins) += 1;
  }
  return series;
}

std::string scoreOf(const Game& game) {
  bool home_won = game.home_pts > game.away_pts;
  return game.winner() + " " + std::to_string(home_won ? game.home_pts : game.away_pts) + "–" +
         std::to_string(home_won ? game.away_pts : game.home_pts) + " on " + game.date;
}

std::string summarySentence(const Series& series, const Team& a, const Team& b,
                            const std::string& season, bool complete, const std::string& as_of) {
  std::string record = std::to_string(std::max(series.a_wins, series.b_wins)) + "-" +
                       std::to_string(std::min(series.a_wins, series.b_wins));
  if (series.games.empty()) {
    return "The " + a.name + " and the " + b.name + " did not play each other in " + season +
           (complete ? "" : " (games to " + as_of + ")") + ".";
  }
  std::string sentence;
  if (series.a_wins == series.b_wins) {
    sentence = "The " + a.name + " and the " + b.name + (complete ? " split" : " are level in") +
               " their " + season + " series " + record;
  } else {
    const Team& leader = series.a_wins > series.b_wins ? a : b;
    const Team& other = series.a_wins > series.b_wins ? b : a;
    sentence = "The " + leader.name + (complete ? " won" : " lead") + " their " + season +
               " series with the " + other.name + " " + record;
  }
  std::string scores;
  for (const auto& game : series.games) {
    scores += (scores.empty() ? "" : ", ") + scoreOf(game);
  }
  // How many times they met, said outright ("how many times did they play?"). The NBA Cup
  // final is listed but not counted: "2-0 in 3 games" read wrong (blind audit).
  const std::size_t met = series.games.size();
  const auto counted =
      static_cast<std::size_t>(std::count_if(series.games.begin(), series.games.end(),
                                             [](const Game& g) { return g.countsInStandings(); }));
  const std::string games = std::to_string(counted) + (counted == 1 ? " game" : " games");
  const std::string cup =
      counted == met ? "" : " (and the NBA Cup final, which the series does not count)";
  return sentence + " in " + games + cup + ": " + scores + ".";
}

json teamJson(const Team& team) { return {{"abbr", team.abbr}, {"name", team.name}}; }

struct HeadToHeadArgs {
  ResolvedTeam a;
  ResolvedTeam b;
  SeasonChoice season;
};

Result<HeadToHeadArgs> decodeHeadToHeadArgs(const json& arguments, const ToolEnv& env) {
  auto a = teamArgument(arguments, env, "team_a");
  if (!a.ok()) {
    return a.status();
  }
  auto b = teamArgument(arguments, env, "team_b");
  if (!b.ok()) {
    return b.status();
  }
  if (a->team.abbr == b->team.abbr) {
    return invalidArgument("team_a and team_b are both the " + a->team.name +
                           "; name two different teams.");
  }
  auto season = seasonArgument(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  return HeadToHeadArgs{std::move(*a), std::move(*b), std::move(*season)};
}

// The two teams' games of the season, and the schedule's provenance.
struct HeadToHeadFound {
  TableMeta meta;
  Series series;
};

Result<HeadToHeadFound> findSeries(const HeadToHeadArgs& args, const ToolEnv& env) {
  auto games = seasonGames(env, args.season.season, args.a.team.abbr);
  if (!games.ok()) {
    return games.status();
  }
  return HeadToHeadFound{games->meta, seriesBetween(*games, args.a.team.abbr, args.b.team.abbr)};
}

ToolAnswer renderSeries(const HeadToHeadArgs& args, const HeadToHeadFound& found) {
  const Series& series = found.series;
  std::string label = args.season.season.label();
  bool complete = found.meta.coverage == Coverage::kComplete;

  ToolAnswer answer;
  answer.text.heading = {args.a.team.name + " vs " + args.b.team.name, label, found.meta.as_of};
  answer.text.sentence = escapeMarkdown(
      summarySentence(series, args.a.team, args.b.team, label, complete, found.meta.as_of));
  for (const std::string& note : {args.season.note, args.a.note, args.b.note}) {
    if (!note.empty()) {
      answer.text.body += escapeMarkdown(note) + "\n\n";
    }
  }
  MarkdownTable table({"Date", "Away", "Pts", "Home", "Pts", "Winner", "Note"},
                      {false, false, true, false, true, false, false});
  json rows = json::array();
  for (const auto& game : series.games) {
    table.addRow({game.date, game.away, std::to_string(game.away_pts), game.home,
                  std::to_string(game.home_pts), game.winner(), gameKindNote(game)});
    json row = gameJson(game);
    row["counts_in_series"] = game.countsInStandings();
    rows.push_back(std::move(row));
  }
  if (table.rowCount() > 0) {
    answer.text.body += table.render();
  }
  json leader = nullptr;
  if (series.a_wins != series.b_wins) {
    leader = series.a_wins > series.b_wins ? args.a.team.abbr : args.b.team.abbr;
  }
  answer.structured = provenanceJson(found.meta, label);
  answer.structured.update(
      {{"team_a", teamJson(args.a.team)},
       {"team_b", teamJson(args.b.team)},
       {"series",
        {{"team_a_wins", series.a_wins}, {"team_b_wins", series.b_wins}, {"leader", leader}}},
       {"season_complete", complete},
       {"games", std::move(rows)}});
  if (!args.season.note.empty()) {
    answer.structured["note"] = args.season.note;
  }
  answer.meta = answerMeta(found.meta, args.season.season);
  return answer;
}

}  // namespace

NbaTool headToHeadTool() {
  return {"get_head_to_head", "Head-to-head games of two teams",
          "Every game between two teams in a season, with dates, home and away, scores and "
          "the winner, plus the series record (the NBA Cup final is listed but not counted, "
          "as in the standings). Teams by name, city, nickname, abbreviation or slang "
          "(\"Lakers\", \"Celts\", \"BRK\"). Default season: this season.",
          true,
          TypedHandler<HeadToHeadArgs, HeadToHeadFound>{decodeHeadToHeadArgs, findSeries,
                                                        renderSeries}};
}

}  // namespace nba::tools
