#include "core/ascii.h"
#include "nba/tools/arguments.h"
#include "nba/tools/markdown.h"
#include "nba/tools/player_lines.h"
#include "nba/tools/player_tools.h"
#include "nba/tools/provenance.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;
using stats::PerMode;

std::string shown(const PlayerSeasonLine& line, const char* code, PerMode mode) {
  const stats::StatDef& stat = *stats::findStat(code);
  return stats::formatStat(stat, mode, stats::playerStatValue(line, stat, mode));
}

// "Luka Dončić (DAL then LAL, traded) averaged 28.2 points, 8.2 rebounds and 7.7 assists per
// game over 50 games in 2024-25, shooting 45.0% from the field and 36.8% on threes."
std::string answerSentence(const Player& player, const PlayerSeasonLine& line, PerMode mode) {
  std::string teams = line.teams.size() > 1
                          ? joinTeams(line.teams) + "; traded, last with " + line.lastTeam()
                          : line.lastTeam();
  std::string text = escapeMarkdown(player.name) + " (" + teams + ") ";
  text += mode == PerMode::kTotals ? "had " : "averaged ";
  text += shown(line, "PTS", mode) + " points, " + shown(line, "REB", mode) + " rebounds and " +
          shown(line, "AST", mode) + " assists " + std::string(perModePhrase(mode));
  text += " over " + std::to_string(line.gp) + (line.gp == 1 ? " game" : " games") + " in " +
          line.season.label();
  if (line.fg_pct) {
    text += ", shooting " + formatPercent(line.fg_pct) + " from the field";
    if (line.fg3_pct) {
      text += " and " + formatPercent(line.fg3_pct) + " on threes";
    }
  }
  return text + ".";
}

// One row per stat; one column per line (the season line, then a traded player's teams).
std::string lineTable(const PlayerSeason& season, PerMode mode) {
  std::vector<const PlayerSeasonLine*> lines = {&season.line};
  std::vector<std::string> headers = {"Stat"};
  headers.push_back(season.line.isCombined() ? "Season (all teams)" : season.line.lastTeam());
  for (const auto& stint : season.stints) {
    lines.push_back(&stint);
    headers.push_back(stint.team);
  }
  std::vector<bool> right_aligned(headers.size(), true);
  right_aligned[0] = false;  // stat names
  MarkdownTable table(headers, right_aligned);
  for (const stats::StatDef* stat : playerLineStats()) {
    std::vector<std::string> row = {stat->short_label};
    bool any = false;
    for (const PlayerSeasonLine* line : lines) {
      auto value = stats::playerStatValue(*line, *stat, mode);
      any = any || value.has_value();
      row.push_back(stats::formatStat(*stat, mode, value));
    }
    if (any) {  // stats the source lacks this season (PER in 2023-24) stay out of the table
      table.addRow(row);
    }
  }
  return table.render();
}

struct PlayerStatsArgs {
  SeasonChoice season;
  ResolvedPlayer player;
  PerMode mode = PerMode::kPerGame;
  SeasonType type = SeasonType::kRegularSeason;
};

// "rookie" (or "rookie season") as the season: the player's first NBA season, from the
// player index. "Wembanyama rookie season stats" gave his 2025-26 line (blind audit).
bool asksRookieSeason(const json& arguments) {
  const auto text = optionalString(arguments, "season");
  if (!text) return false;
  const std::string key = asciiLower(trimAscii(*text));
  return key == "rookie" || key == "rookie season" || key == "rookie year";
}

Result<SeasonChoice> rookieSeason(const ResolvedPlayer& player) {
  if (!player.player.from_year) {
    return notFound("The data does not say which season was " + player.player.name +
                    "'s first; name the season.");
  }
  const Season first{*player.player.from_year};
  return SeasonChoice{first, player.player.name + "'s rookie season was " + first.label() + "."};
}

Result<PlayerStatsArgs> decodePlayerStatsArgs(const json& arguments, const ToolEnv& env) {
  const bool rookie = asksRookieSeason(arguments);
  auto season = rookie ? Result<SeasonChoice>(SeasonChoice{}) : seasonArgument(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  auto player = playerArgument(arguments, env);
  if (!player.ok()) {
    return player.status();
  }
  if (rookie) {
    season = rookieSeason(*player);
    if (!season.ok()) return season.status();
  }
  return PlayerStatsArgs{std::move(*season), std::move(*player), perModeArgument(arguments),
                         seasonTypeArgument(arguments)};
}

Result<PlayerSeason> findPlayerSeason(const PlayerStatsArgs& args, const ToolEnv& env) {
  return playerSeason(args.player.player, args.season.season, args.type, env);
}

ToolAnswer renderPlayerStats(const PlayerStatsArgs& args, const PlayerSeason& found) {
  const PerMode mode = args.mode;
  const SeasonType type = args.type;
  std::vector<std::string> notes = {args.season.note, args.player.note};
  if (found.meta.coverage == Coverage::kPartial) {
    notes.push_back(args.season.season.label() + " is in progress: figures through " +
                    found.meta.as_of + ".");
  }
  if (!found.stints.empty()) {
    notes.push_back(
        "Traded during the season: the first column is his combined line, then one "
        "column per team in the order he played for them.");
  } else if (found.line.isCombined()) {
    notes.push_back(
        "Traded during the season: this is his combined line; the data has no "
        "line per team for " +
        args.season.season.label() + ".");
  }
  const PlayerSeasonLine& line = found.line;
  std::string label = args.season.season.label();

  ToolAnswer answer;
  answer.text =
      AnswerSections::of({args.player.player.name + " — " + std::string(seasonTypeName(type)) +
                              " stats (" + std::string(stats::perModeName(mode)) + ")",
                          label, found.meta.as_of},
                         answerSentence(args.player.player, line, mode),
                         notesMarkdown(notes) + lineTable(found, mode));
  json stints = json::array();
  for (const auto& stint : found.stints) {
    stints.push_back(statLineJson(stint, mode));
  }
  json note_list = json::array();
  for (const auto& note : notes) {
    if (!note.empty()) {
      note_list.push_back(note);
    }
  }
  answer.structured = provenanceJson(found.meta, label);
  answer.structured.update({{"player", playerJson(args.player.player)},
                            {"season_type", seasonTypeName(type)},
                            {"per_mode", stats::perModeName(mode)},
                            {"team", line.lastTeam()},
                            {"teams", lineTeams(line)},
                            {"traded", found.line.isCombined()},
                            {"line", statLineJson(line, mode)},
                            {"stints", std::move(stints)},
                            {"notes", std::move(note_list)}});
  answer.meta = answerMeta(found.meta, args.season.season);
  return answer;
}

}  // namespace

NbaTool getPlayerStatsTool() {
  return {"get_player_stats", "Player season stats",
          "One player's regular-season line: games, minutes, points, rebounds (offensive, "
          "defensive), assists, steals, blocks, turnovers, fouls, shooting splits (FG, 3P, FT "
          "made/attempted/%), eFG%, and advanced figures where the data has them (TS%, USG%, "
          "PER, win shares, BPM). per_mode: PerGame (default), Totals or Per36. A traded "
          "player gets his combined line plus one line per team, in order. Season defaults "
          "to this season.",
          false,
          TypedHandler<PlayerStatsArgs, PlayerSeason>{decodePlayerStatsArgs, findPlayerSeason,
                                                      renderPlayerStats}};
}

}  // namespace nba::tools
