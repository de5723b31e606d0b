// get_team_rankings: every team in scope ranked by one team statistic, in one call (the
// question pipeline's "best defensive team in the West" used to take 30 get_team_stats).
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

struct RankedTeam {
  Team team;
  TeamSeasonLine line;
  double value;
};

// The stat named by `code` in either measure (codes are unique across them).
const TeamStat* findTeamStat(std::string_view code) {
  for (TeamMeasure measure : {TeamMeasure::kBase, TeamMeasure::kAdvanced}) {
    for (const TeamStat& stat : teamStats(measure)) {
      if (code == stat.code) return &stat;
    }
  }
  return nullptr;
}

// Every code once (W_PCT is in both measures).
std::string statCodes() {
  std::vector<std::string_view> codes;
  for (TeamMeasure measure : {TeamMeasure::kBase, TeamMeasure::kAdvanced}) {
    for (const TeamStat& stat : teamStats(measure)) {
      if (std::find(codes.begin(), codes.end(), stat.code) == codes.end()) {
        codes.push_back(stat.code);
      }
    }
  }
  std::string out;
  for (std::string_view code : codes) out += (out.empty() ? "" : ", ") + std::string(code);
  return out;
}

// "Offensive rating (points scored per 100 possessions)" → "offensive rating".
std::string statPhrase(const TeamStat& stat) {
  std::string phrase = std::string(stat.label).substr(0, std::string(stat.label).find(" ("));
  if (phrase.size() > 1 && std::isupper(static_cast<unsigned char>(phrase[0])) &&
      !std::isupper(static_cast<unsigned char>(phrase[1]))) {
    phrase[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[0])));
  }
  return phrase;
}

std::string scopeText(const std::string& conference, const std::string& division) {
  if (!division.empty()) return "in the " + division + " Division";
  if (!conference.empty()) return "in the " + conference;
  return "in the NBA";
}

std::string answerSentence(const TeamStat& stat, const RankedTeam& first, bool lowest, bool partial,
                           const std::string& scope, const std::string& season) {
  const std::string display = formatTeamStat(stat, first.line);
  if (std::string_view(stat.code) == "PTS" && !lowest) {
    return "The " + first.team.name + (partial ? " score" : " scored") +
           " the most points per game " + scope + " in " + season + ": " + display + ".";
  }
  const char* extreme = stat.better == Better::kNeither ? (lowest ? "the lowest " : "the highest ")
                        : lowest                        ? "the worst "
                                                        : "the best ";
  return "The " + first.team.name + (partial ? " have " : " had ") + extreme + statPhrase(stat) +
         " " + scope + " in " + season + ": " + display + ".";
}

struct TeamRankingsArgs {
  TeamLinesArgs lines;
  const TeamStat* stat = nullptr;
  std::string conference;  // empty: every conference
  std::string division;    // empty: every division
  bool lowest = false;     // worst first
};

Result<TeamRankingsArgs> decodeTeamRankingsArgs(const json& arguments, const ToolEnv& env) {
  auto lines = teamLinesArguments(arguments, env);
  if (!lines.ok()) return lines.status();
  TeamRankingsArgs args;
  args.lines = std::move(*lines);
  const std::string code = arguments.value("stat", std::string("W_PCT"));
  args.stat = findTeamStat(code);
  if (args.stat == nullptr) {
    return invalidArgument("No team stat '" + echoUserText(code) + "'. Team stats: " + statCodes() +
                           ".");
  }
  args.conference = optionalString(arguments, "conference").value_or("");
  args.division = optionalString(arguments, "division").value_or("");
  if (!args.division.empty()) {
    if (Status agrees = checkDivisionInConference(args.division, args.conference); !agrees.isOk()) {
      return agrees;
    }
  }
  args.lowest = arguments.value("lowest", false);
  return args;
}

// Best first is ascending when lower is better, and lowest=true turns it round; pace
// ("neither") reads highest first.
bool rankedAscending(const TeamRankingsArgs& args) {
  return (args.stat->better == Better::kLower) != args.lowest;
}

// The teams in scope ranked, best first, and the season's lines they come from.
struct TeamRankingsFound {
  TeamLines lines;
  std::vector<RankedTeam> ranked;
};

Result<TeamRankingsFound> findRankings(const TeamRankingsArgs& args, const ToolEnv& env) {
  auto lines = fetchTeamLines(args.lines, env);
  if (!lines.ok()) return lines.status();
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) return teams.status();
  std::vector<RankedTeam> ranked;
  for (const Team& team : teams->rows) {
    if ((!args.conference.empty() && team.conference != args.conference) ||
        (!args.division.empty() && team.division != args.division)) {
      continue;
    }
    auto line = teamLine(*lines, team);
    if (line.ok()) ranked.push_back({team, **line, args.stat->value(**line)});
  }
  const bool ascending = rankedAscending(args);
  std::stable_sort(ranked.begin(), ranked.end(), [ascending](const auto& a, const auto& b) {
    return ascending ? a.value < b.value : a.value > b.value;
  });
  if (ranked.empty()) {
    return notFound("No team lines " + scopeText(args.conference, args.division) + " in " +
                    lines->season.season.label() + ".");
  }
  return TeamRankingsFound{std::move(*lines), std::move(ranked)};
}

ToolAnswer renderRankings(const TeamRankingsArgs& args, const TeamRankingsFound& found) {
  const std::vector<RankedTeam>& ranked = found.ranked;
  const TeamStat* stat = args.stat;
  const std::string& conference = args.conference;
  const std::string& division = args.division;
  const bool lowest = args.lowest;
  const bool ascending = rankedAscending(args);
  const TableMeta& meta = found.lines.lines.meta;
  const bool partial = meta.coverage == Coverage::kPartial;
  const std::string season = found.lines.season.season.label();
  const std::string scope = scopeText(conference, division);
  // Ranked by record, the stat's column is the record: one W-L column, not two alike.
  const bool by_record = std::string_view(stat->code) == "W_PCT";
  std::vector<std::string> header = {"Rank", "Team", stat->short_label};
  if (!by_record) header.push_back("W-L");
  MarkdownTable table(header, {true, false, true, true});
  json rows = json::array();
  int rank = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (i == 0 || ranked[i].value != ranked[i - 1].value) rank = static_cast<int>(i) + 1;
    const TeamSeasonLine& line = ranked[i].line;
    const std::string display = formatTeamStat(*stat, line);
    const std::string record = std::to_string(line.w) + "-" + std::to_string(line.l);
    std::vector<std::string> cells = {std::to_string(rank), ranked[i].team.name, display};
    if (!by_record) cells.push_back(record);
    table.addRow(cells);
    json& row = rows.emplace_back(json::object());
    row["rank"] = rank;
    row["team"] = teamJson(ranked[i].team);
    row["value"] = ranked[i].value;
    row["display"] = display;
    row["w"] = line.w;
    row["l"] = line.l;
  }
  std::string order = ascending ? "Ranked from lowest to highest" : "Ranked from highest to lowest";
  if (stat->better == Better::kLower) order += " (lower is better)";
  std::vector<std::string> notes = found.lines.notes;
  ToolAnswer answer;
  answer.text =
      AnswerSections::of({"Teams " + scope + " by " + statPhrase(*stat), season, meta.as_of},
                         answerSentence(*stat, ranked.front(), lowest, partial, scope, season),
                         notesMarkdown(notes) + order + ".\n\n" + table.render());
  json& out = answer.structured;
  out = provenanceJson(meta, season);
  out["season_type"] = found.lines.season_type;
  out["stat"] = {{"code", stat->code},
                 {"label", stat->label},
                 {"short_label", stat->short_label},
                 {"better", betterName(stat->better)}};
  out["conference"] = conference.empty() ? json(nullptr) : json(conference);
  out["division"] = division.empty() ? json(nullptr) : json(division);
  out["lowest"] = lowest;
  out["rows"] = std::move(rows);
  out["notes"] = notes;
  answer.meta = answerMeta(meta, found.lines.season.season);
  return answer;
}

}  // namespace
}  // namespace teams

NbaTool teamRankingsTool() {
  return {"get_team_rankings", "Team rankings",
          "Every team (or a conference's or division's) ranked by one team statistic, best "
          "first: W_PCT, PTS, OPP_PTS, REB, AST, STL, BLK, TOV, FG3M, FG_PCT, FG3_PCT, "
          "FT_PCT (per game) or OFF_RATING, DEF_RATING, NET_RATING, PACE, MOV, SRS, TS_PCT and "
          "the four factors. lowest=true ranks from the worst. Ties share a rank. Source: "
          "basketball-reference.",
          false,
          TypedHandler<teams::TeamRankingsArgs, teams::TeamRankingsFound>{
              teams::decodeTeamRankingsArgs, teams::findRankings, teams::renderRankings}};
}

}  // namespace nba::tools
