#include "nba/tools/team_lines.h"

#include "nba/tools/team_text.h"

namespace nba::tools::teams {

Result<TeamLinesArgs> teamLinesArguments(const nlohmann::json& arguments, const ToolEnv& env) {
  auto season = seasonArgument(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  TeamLinesArgs args;
  args.season = std::move(*season);
  if (auto measure = optionalString(arguments, "measure")) {
    args.measure = parseTeamMeasure(*measure).value_or(TeamMeasure::kBase);
  }
  if (optionalString(arguments, "season_type").value_or("") == "Playoffs") {
    args.season_type = "Playoffs";
  }
  return args;
}

Result<TeamLines> fetchTeamLines(const TeamLinesArgs& args, const ToolEnv& env) {
  TeamLines out;
  out.season = args.season;
  out.measure = args.measure;
  out.season_type = args.season_type;
  const SeasonType type =
      args.season_type == "Playoffs" ? SeasonType::kPlayoffs : SeasonType::kRegularSeason;
  auto lines = env.data.teamSeasonStats(env.call, out.season.season, type);
  if (!lines.ok()) {
    if (lines.status().code() == StatusCode::kUnimplemented) {
      return Status(StatusCode::kUnimplemented, "No playoff figures: " + lines.status().message() +
                                                    ". Ask for season_type \"Regular Season\".");
    }
    return lines.status();
  }
  out.lines = std::move(lines.value());
  if (!out.season.note.empty()) {
    out.notes.push_back(out.season.note);
  }
  if (out.lines.meta.coverage == Coverage::kPartial) {
    out.notes.push_back(out.season.season.label() + " is in progress: team figures through " +
                        out.lines.meta.as_of + " (partial season).");
  }
  return out;
}

Result<const TeamSeasonLine*> teamLine(const TeamLines& lines, const Team& team) {
  for (const auto& line : lines.lines.rows) {
    if (line.team == team.abbr) {
      return &line;
    }
  }
  return notFound("No " + lines.season.season.label() + " figures for the " + team.name +
                  " in the data.");
}

nlohmann::json teamJson(const Team& team) {
  return {{"abbr", team.abbr},
          {"name", team.name},
          {"conference", team.conference},
          {"division", team.division}};
}

}  // namespace nba::tools::teams
