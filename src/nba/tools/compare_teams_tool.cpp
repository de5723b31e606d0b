#include <algorithm>
#include <string>
#include <vector>

#include "core/user_text.h"
#include "nba/tools/arguments.h"
#include "nba/tools/markdown.h"
#include "nba/tools/provenance.h"
#include "nba/tools/team_lines.h"
#include "nba/tools/team_measures.h"
#include "nba/tools/team_text.h"
#include "nba/tools/team_tools.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace teams {
namespace {

using nlohmann::json;

struct Side {
  Team team;
  TeamSeasonLine line;
  int categories_led = 0;
};

struct CompareTeamsArgs {
  TeamLinesArgs lines;
  std::vector<ResolvedTeam> teams;  // in the order named
};

// Resolves every name; two names for one team are an error (the schema only rejects two
// identical strings, not "Boston" and "Celtics").
Result<CompareTeamsArgs> decodeCompareTeamsArgs(const json& arguments, const ToolEnv& env) {
  auto lines = teamLinesArguments(arguments, env);
  if (!lines.ok()) {
    return lines.status();
  }
  CompareTeamsArgs args{std::move(*lines), {}};
  std::vector<std::string> names;
  for (const auto& item : arguments.at("teams")) {
    std::string name = item.get<std::string>();
    auto team = resolveTeamName(name, env);
    if (!team.ok()) {
      return team.status();
    }
    for (std::size_t i = 0; i < args.teams.size(); ++i) {
      if (args.teams[i].team.abbr == team->team.abbr) {
        return invalidArgument("'" + echoUserText(names[i]) + "' and '" + echoUserText(name) +
                               "' both name the " + team->team.name +
                               "; name 2-4 different teams.");
      }
    }
    args.teams.push_back(std::move(*team));
    names.push_back(std::move(name));
  }
  if (args.teams.size() < 2) {
    return invalidArgument("Name 2-4 different teams to compare.");
  }
  return args;
}

// Each team with its line in `lines`; a team without one is an error.
Result<std::vector<Side>> sidesOf(const std::vector<ResolvedTeam>& teams, const TeamLines& lines,
                                  std::vector<std::string>& notes) {
  std::vector<Side> sides;
  for (const ResolvedTeam& team : teams) {
    auto line = teamLine(lines, team.team);
    if (!line.ok()) {
      return line.status();
    }
    if (!team.note.empty()) {
      notes.push_back(team.note);
    }
    sides.push_back({team.team, **line, 0});
  }
  return sides;
}

// The abbrs holding the best value of `stat` (all of them on a tie); none when neither
// direction is better.
std::vector<std::string> bestOf(const TeamStat& stat, const std::vector<Side>& sides) {
  std::vector<std::string> best;
  if (stat.better == Better::kNeither) {
    return best;
  }
  auto better = [&](const Side& a, const Side& b) {
    return stat.better == Better::kLower ? stat.value(a.line) < stat.value(b.line)
                                         : stat.value(a.line) > stat.value(b.line);
  };
  const Side& top = *std::min_element(sides.begin(), sides.end(), better);
  for (const auto& side : sides) {
    if (!better(top, side)) {
      best.push_back(side.team.abbr);
    }
  }
  return best;
}

std::string answerSentence(std::vector<Side> sides, int categories, const TeamLines& lines) {
  std::stable_sort(sides.begin(), sides.end(), [](const Side& a, const Side& b) {
    return a.categories_led > b.categories_led;
  });
  std::string text;
  for (std::size_t i = 0; i < sides.size(); ++i) {
    const Side& side = sides[i];
    std::string who = teamShortName(side.team) + " (" + std::to_string(side.line.w) + "-" +
                      std::to_string(side.line.l) + ")";
    if (i == 0) {
      text = who + " has the better value in " + std::to_string(side.categories_led) + " of " +
             std::to_string(categories) + " categories";
    } else {
      text += (i + 1 == sides.size() ? " and " : ", ") + who + " in " +
              std::to_string(side.categories_led);
    }
  }
  return text + " (" + std::string(teamMeasureName(lines.measure)) + ", " +
         lines.season.season.label() + "; ties count for each).";
}

// "a, b" of the short labels of the measure's stats whose better direction is `better`.
std::string labelsWhere(TeamMeasure measure, Better better) {
  std::string list;
  for (const auto& stat : teamStats(measure)) {
    if (stat.better == better) {
      list += (list.empty() ? "" : ", ") + std::string(stat.short_label);
    }
  }
  return list;
}

std::string markingNote(TeamMeasure measure) {
  std::string note =
      "✓ marks the better value; lower is better for " + labelsWhere(measure, Better::kLower);
  std::string neither = labelsWhere(measure, Better::kNeither);
  return note + (neither.empty() ? "." : "; " + neither + " is not marked.");
}

// The teams with their lines, and the season's lines they come from.
struct CompareTeamsFound {
  TeamLines lines;
  std::vector<Side> sides;
  std::vector<std::string> notes;  // the season's, then the names'
};

Result<CompareTeamsFound> findCompared(const CompareTeamsArgs& args, const ToolEnv& env) {
  auto lines = fetchTeamLines(args.lines, env);
  if (!lines.ok()) {
    return lines.status();
  }
  std::vector<std::string> notes = lines->notes;
  auto sides = sidesOf(args.teams, *lines, notes);
  if (!sides.ok()) {
    return sides.status();
  }
  return CompareTeamsFound{std::move(*lines), std::move(*sides), std::move(notes)};
}

ToolAnswer renderCompared(const CompareTeamsArgs& /*args*/, const CompareTeamsFound& found) {
  std::vector<Side> sides = found.sides;  // each gets its count of categories led
  const TeamLines& lines = found.lines;
  std::vector<std::string> notes = found.notes;
  std::vector<std::string> headers = {"Stat"};
  for (const auto& side : sides) {
    headers.push_back(side.team.name);
  }
  std::vector<bool> right_aligned(headers.size(), true);
  right_aligned[0] = false;
  MarkdownTable table(headers, right_aligned);
  json stats = json::array();
  int categories = 0;
  for (const auto& stat : teamStats(lines.measure)) {
    std::vector<std::string> best = bestOf(stat, sides);
    categories += best.empty() ? 0 : 1;
    std::vector<std::string> cells = {stat.label};
    json values = json::array();
    json display = json::array();
    for (auto& side : sides) {
      bool is_best = std::find(best.begin(), best.end(), side.team.abbr) != best.end();
      side.categories_led += is_best ? 1 : 0;
      std::string text = formatTeamStat(stat, side.line);
      cells.push_back(is_best ? text + " ✓" : text);
      values.push_back(stat.value(side.line));
      display.push_back(text);
    }
    table.addRow(cells);
    stats.push_back({{"code", stat.code},
                     {"label", stat.label},
                     {"short_label", stat.short_label},
                     {"better", betterName(stat.better)},
                     {"values", std::move(values)},
                     {"display", std::move(display)},
                     {"best", best}});
  }
  notes.push_back(markingNote(lines.measure));
  json teams = json::array();
  for (const auto& side : sides) {
    json team = teamJson(side.team);
    team["gp"] = side.line.gp;
    team["w"] = side.line.w;
    team["l"] = side.line.l;
    team["categories_led"] = side.categories_led;
    teams.push_back(std::move(team));
  }
  const TableMeta& meta = lines.lines.meta;
  std::string title;
  for (const auto& side : sides) {
    title += (title.empty() ? "" : " vs ") + side.team.abbr;
  }
  ToolAnswer answer;
  answer.text = AnswerSections::of({title, lines.season.season.label(), meta.as_of},
                                   answerSentence(sides, categories, lines),
                                   notesMarkdown(notes) + table.render());
  answer.structured = provenanceJson(meta, lines.season.season.label());
  answer.structured.update({{"season_type", lines.season_type},
                            {"measure", teamMeasureName(lines.measure)},
                            {"teams", std::move(teams)},
                            {"stats", std::move(stats)},
                            {"notes", notes}});
  answer.meta = answerMeta(meta, lines.season.season);
  return answer;
}

}  // namespace
}  // namespace teams

NbaTool compareTeamsTool() {
  return {"compare_teams", "Compare teams",
          "Puts 2-4 teams' regular-season figures side by side and marks the better value per "
          "stat (lower is better for opponent points, turnovers, defensive rating, TOV% and the "
          "opponent's eFG% and FT/FGA). measure=Base: per-game box score and W-L; "
          "measure=Advanced: ratings, pace, MOV, SRS and the four factors. Source: "
          "basketball-reference.",
          false,
          TypedHandler<teams::CompareTeamsArgs, teams::CompareTeamsFound>{
              teams::decodeCompareTeamsArgs, teams::findCompared, teams::renderCompared}};
}

}  // namespace nba::tools
