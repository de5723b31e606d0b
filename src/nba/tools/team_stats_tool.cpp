#include <string>
#include <vector>

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

const TeamStat& statByCode(TeamMeasure measure, std::string_view code) {
  for (const auto& stat : teamStats(measure)) {
    if (code == stat.code) {
      return stat;
    }
  }
  return teamStats(measure).front();  // unreachable: callers name codes of the measure
}

// "120.6 (3rd)": a value with its league rank.
std::string ranked(const TeamLines& lines, const TeamSeasonLine& line, std::string_view code) {
  const TeamStat& stat = statByCode(lines.measure, code);
  return formatTeamStat(stat, line) + " (" + ordinal(teamStatRank(stat, line, lines.lines.rows)) +
         ")";
}

std::string answerSentence(const Team& team, const TeamLines& lines, const TeamSeasonLine& line) {
  bool partial = lines.lines.meta.coverage == Coverage::kPartial;
  std::string season = lines.season.season.label();
  std::string record = std::to_string(line.w) + "-" + std::to_string(line.l);
  if (lines.measure == TeamMeasure::kAdvanced) {
    return teamShortName(team) + (partial ? " has" : " had") + " an offensive rating of " +
           ranked(lines, line, "OFF_RATING") + ", a defensive rating of " +
           ranked(lines, line, "DEF_RATING") + " and a net rating of " +
           ranked(lines, line, "NET_RATING") + " in " + season + ", at a pace of " +
           formatFixed(line.pace, 1) + " (" + record + ").";
  }
  return teamShortName(team) + (partial ? " averages " : " averaged ") +
         formatFixed(line.pts_pg, 1) + " points and " + (partial ? "allows " : "allowed ") +
         formatFixed(line.opp_pts_pg, 1) + " per game in " + season +
         (partial ? " (" : ", going ") + record + (partial ? " so far)." : ".");
}

ToolAnswer teamStatsAnswer(const Team& team, const TeamLines& lines, const TeamSeasonLine& line) {
  MarkdownTable table({"Stat", "Value", "NBA rank"}, {false, true, true});
  json stats = json::array();
  for (const auto& stat : teamStats(lines.measure)) {
    int rank = teamStatRank(stat, line, lines.lines.rows);
    std::string display = formatTeamStat(stat, line);
    table.addRow({stat.label, display, ordinal(rank)});
    stats.push_back({{"code", stat.code},
                     {"label", stat.label},
                     {"short_label", stat.short_label},
                     {"value", stat.value(line)},
                     {"display", display},
                     {"league_rank", rank},
                     {"better", betterName(stat.better)}});
  }
  std::vector<std::string> notes = lines.notes;
  notes.push_back("NBA rank is among all " + std::to_string(lines.lines.rows.size()) +
                  " teams (1 = best; for pace, the fastest); ties share a rank.");
  const TableMeta& meta = lines.lines.meta;
  std::string title =
      team.name +
      (lines.measure == TeamMeasure::kAdvanced ? " advanced team stats" : " team stats per game");
  ToolAnswer answer;
  answer.text =
      AnswerSections::of({title, lines.season.season.label(), meta.as_of},
                         answerSentence(team, lines, line), notesMarkdown(notes) + table.render());
  answer.structured = provenanceJson(meta, lines.season.season.label());
  answer.structured.update({{"season_type", lines.season_type},
                            {"measure", teamMeasureName(lines.measure)},
                            {"team", teamJson(team)},
                            {"gp", line.gp},
                            {"w", line.w},
                            {"l", line.l},
                            {"stats", std::move(stats)},
                            {"notes", notes}});
  answer.meta = answerMeta(meta, lines.season.season);
  return answer;
}

struct TeamStatsArgs {
  TeamLinesArgs lines;
  ResolvedTeam team;
};

Result<TeamStatsArgs> decodeTeamStatsArgs(const json& arguments, const ToolEnv& env) {
  auto lines = teamLinesArguments(arguments, env);
  if (!lines.ok()) {
    return lines.status();
  }
  auto team = teamArgument(arguments, env);
  if (!team.ok()) {
    return team.status();
  }
  return TeamStatsArgs{std::move(*lines), std::move(*team)};
}

// The season's 30 lines (for the ranks) and the team's.
struct TeamStatsFound {
  TeamLines lines;
  TeamSeasonLine line;
};

Result<TeamStatsFound> findTeamStats(const TeamStatsArgs& args, const ToolEnv& env) {
  auto lines = fetchTeamLines(args.lines, env);
  if (!lines.ok()) {
    return lines.status();
  }
  auto line = teamLine(*lines, args.team.team);
  if (!line.ok()) {
    return line.status();
  }
  TeamSeasonLine own = **line;
  if (!args.team.note.empty()) {
    lines->notes.push_back(args.team.note);
  }
  return TeamStatsFound{std::move(*lines), std::move(own)};
}

ToolAnswer renderTeamStats(const TeamStatsArgs& args, const TeamStatsFound& found) {
  return teamStatsAnswer(args.team.team, found.lines, found.line);
}

}  // namespace
}  // namespace teams

NbaTool teamStatsTool() {
  return {"get_team_stats", "Team season stats",
          "One team's regular-season figures with its rank among the 30 teams. measure=Base: "
          "per-game points, opponent points, rebounds, assists, steals, blocks, turnovers, "
          "threes, FG%, 3P%, FT% and W-L. measure=Advanced: offensive, defensive and net "
          "rating (per 100 possessions), pace, MOV, SRS, TS% and the four factors for offense "
          "and defense (eFG%, TOV%, ORB%/DRB%, FT/FGA). Source: basketball-reference.",
          false,
          TypedHandler<teams::TeamStatsArgs, teams::TeamStatsFound>{
              teams::decodeTeamStatsArgs, teams::findTeamStats, teams::renderTeamStats}};
}

}  // namespace nba::tools
