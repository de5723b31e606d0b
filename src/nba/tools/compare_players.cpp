#include <algorithm>
#include <set>

#include "core/user_text.h"
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

// Stats shown but not marked: volume and role figures, where more is not "better".
bool marked(const stats::StatDef& stat) {
  static const std::set<std::string> kUnmarked = {"GP",   "GS",  "MIN",    "FGA",
                                                  "FG3A", "FTA", "USG_PCT"};
  return kUnmarked.count(stat.code) == 0;
}

struct Side {
  ResolvedPlayer player;
  PlayerSeason season;
};

// One stat across the players: shown values, and who has the better one.
struct StatRow {
  const stats::StatDef* stat = nullptr;
  std::vector<std::optional<double>> values;
  bool compared = false;             // every value defined and the stat is one where better exists
  std::vector<std::size_t> leaders;  // indexes of the players with the best value
};

StatRow compareStat(const stats::StatDef& stat, const std::vector<Side>& sides, PerMode mode) {
  StatRow row{&stat, {}, false, {}};
  for (const auto& side : sides) {
    row.values.push_back(shownStatValue(side.season.line, stat, mode));
  }
  bool all_defined = std::all_of(row.values.begin(), row.values.end(),
                                 [](const auto& value) { return value.has_value(); });
  row.compared = marked(stat) && all_defined;
  if (!row.compared) {
    return row;
  }
  double best = *row.values.front();
  for (const auto& value : row.values) {
    best = stat.higher_is_better ? std::max(best, *value) : std::min(best, *value);
  }
  for (std::size_t i = 0; i < row.values.size(); ++i) {
    if (*row.values[i] == best) {
      row.leaders.push_back(i);
    }
  }
  return row;
}

struct ComparePlayersArgs {
  SeasonChoice season;
  PerMode mode = PerMode::kPerGame;
  SeasonType type = SeasonType::kRegularSeason;
  std::vector<ResolvedPlayer> players;  // in the order named
};

// Resolves every name; errors name which one failed. Two names for one player are an error.
Result<std::vector<ResolvedPlayer>> playersArgument(const json& names, const ToolEnv& env) {
  std::vector<ResolvedPlayer> players;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string name = names.at(i).get<std::string>();
    auto player = resolvePlayerName(name, env);
    if (!player.ok()) {
      return Status(player.status().code(), "Player " + std::to_string(i + 1) + " ('" +
                                                echoUserText(name) +
                                                "'): " + player.status().message());
    }
    for (std::size_t j = 0; j < players.size(); ++j) {
      if (players[j].player.player_id == player->player.player_id) {
        return invalidArgument("'" + echoUserText(names.at(j).get<std::string>()) + "' and '" +
                               echoUserText(name) + "' are the same player (" +
                               player->player.name + "); name 2-4 different players.");
      }
    }
    players.push_back(std::move(*player));
  }
  return players;
}

Result<ComparePlayersArgs> decodeComparePlayersArgs(const json& arguments, const ToolEnv& env) {
  auto season = seasonArgument(arguments, env);
  if (!season.ok()) {
    return season.status();
  }
  ComparePlayersArgs args{
      std::move(*season), perModeArgument(arguments), seasonTypeArgument(arguments), {}};
  auto players = playersArgument(arguments.at("players"), env);
  if (!players.ok()) {
    return players.status();
  }
  args.players = std::move(*players);
  return args;
}

// Each player with his lines of the season.
Result<std::vector<Side>> sidesOf(const ComparePlayersArgs& args, const ToolEnv& env) {
  std::vector<Side> sides;
  for (const ResolvedPlayer& player : args.players) {
    auto lines = playerSeason(player.player, args.season.season, args.type, env);
    if (!lines.ok()) {
      return lines.status();
    }
    sides.push_back({player, std::move(lines.value())});
  }
  return sides;
}

std::string cell(const StatRow& row, std::size_t i, PerMode mode, bool mark) {
  std::string text = stats::formatStat(*row.stat, mode, row.values[i]);
  bool leads = std::find(row.leaders.begin(), row.leaders.end(), i) != row.leaders.end();
  return mark && leads ? text + " ▲" : text;
}

std::string compareTable(const std::vector<Side>& sides, const std::vector<StatRow>& rows,
                         PerMode mode) {
  std::vector<std::string> headers = {"Stat"};
  for (const auto& side : sides) {
    headers.push_back(side.player.player.name + " (" + joinTeams(side.season.line.teams) + ")");
  }
  std::vector<bool> right_aligned(headers.size(), true);
  right_aligned[0] = false;  // stat names
  MarkdownTable table(headers, right_aligned);
  for (const auto& row : rows) {
    if (std::none_of(row.values.begin(), row.values.end(),
                     [](const auto& value) { return value.has_value(); })) {
      continue;  // not in this season's source (PER before 2024-25)
    }
    bool mark = row.compared && row.leaders.size() < sides.size();  // a full tie marks no one
    std::vector<std::string> cells = {row.stat->short_label};
    for (std::size_t i = 0; i < sides.size(); ++i) {
      cells.push_back(cell(row, i, mode, mark));
    }
    table.addRow(cells);
  }
  return table.render();
}

// "Kevin Durant: 26.6 points, 6.0 rebounds, 4.2 assists per game; LeBron James: …. Better
// values: LeBron James 9, Kevin Durant 8 (of 20 compared stats)."
std::string answerSentence(const std::vector<Side>& sides, const std::vector<StatRow>& rows,
                           PerMode mode, Season season) {
  auto value = [&](const Side& side, const char* code) {
    const stats::StatDef& stat = *stats::findStat(code);
    return stats::formatStat(stat, mode, stats::playerStatValue(side.season.line, stat, mode));
  };
  std::string text = "In " + season.label() + ", ";
  for (std::size_t i = 0; i < sides.size(); ++i) {
    text += (i ? "; " : "") + escapeMarkdown(sides[i].player.player.name) + " had " +
            value(sides[i], "PTS") + " points, " + value(sides[i], "REB") + " rebounds and " +
            value(sides[i], "AST") + " assists";
  }
  text += " " + std::string(perModePhrase(mode)) + ".";
  std::vector<int> wins(sides.size(), 0);
  int compared = 0;
  for (const auto& row : rows) {
    if (row.compared && row.leaders.size() < sides.size()) {
      ++compared;
      for (std::size_t i : row.leaders) {
        ++wins[i];
      }
    }
  }
  std::vector<std::size_t> order(sides.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return wins[a] > wins[b]; });
  text += " Better value in " + std::to_string(compared) + " contested stats: ";
  for (std::size_t k = 0; k < order.size(); ++k) {
    text += (k ? ", " : "") + escapeMarkdown(sides[order[k]].player.player.name) + " " +
            std::to_string(wins[order[k]]);
  }
  return text + ".";
}

json statsJson(const std::vector<Side>& sides, const std::vector<StatRow>& rows) {
  json out = json::array();
  for (const auto& row : rows) {
    json values = json::array();
    for (const auto& value : row.values) {
      values.push_back(value ? json(*value) : json(nullptr));
    }
    json leader_ids = json::array();
    for (std::size_t i : row.leaders) {
      leader_ids.push_back(sides[i].player.player.player_id);
    }
    bool single = row.leaders.size() == 1;
    json entry = json::object();  // member by member: cheaper than an initializer list
    entry["code"] = row.stat->code;
    entry["key"] = statKey(*row.stat);
    entry["label"] = row.stat->label;
    entry["higher_is_better"] = row.stat->higher_is_better;
    entry["compared"] = row.compared;
    entry["values"] = std::move(values);
    entry["leader_id"] = single ? leader_ids[0] : json(nullptr);
    entry["leader_ids"] = std::move(leader_ids);
    out.push_back(std::move(entry));
  }
  return out;
}

// Each player's lines, and every stat compared across them.
struct ComparePlayersFound {
  std::vector<Side> sides;
  std::vector<StatRow> rows;
};

Result<ComparePlayersFound> findCompared(const ComparePlayersArgs& args, const ToolEnv& env) {
  auto sides = sidesOf(args, env);
  if (!sides.ok()) {
    return sides.status();
  }
  std::vector<StatRow> rows;
  for (const stats::StatDef* stat : playerLineStats()) {
    rows.push_back(compareStat(*stat, *sides, args.mode));
  }
  return ComparePlayersFound{std::move(*sides), std::move(rows)};
}

ToolAnswer renderCompared(const ComparePlayersArgs& args, const ComparePlayersFound& found) {
  const PerMode mode = args.mode;
  const SeasonType type = args.type;
  const std::vector<StatRow>& rows = found.rows;
  const TableMeta& meta = found.sides.front().season.meta;
  std::vector<std::string> notes = {args.season.note};
  json players = json::array();
  for (const auto& side : found.sides) {
    notes.push_back(side.player.note);
    json player = playerJson(side.player.player);
    player["team"] = side.season.line.lastTeam();
    player["teams"] = lineTeams(side.season.line);
    player["traded"] = side.season.line.isCombined();
    players.push_back(std::move(player));
  }
  notes.push_back(
      "▲ marks the better value (lower for TOV and PF); percentages are compared "
      "only when every player has attempts; GP, GS, MIN, attempts and USG% are not "
      "marked.");
  if (meta.coverage == Coverage::kPartial) {
    notes.push_back(args.season.season.label() + " is in progress: figures through " + meta.as_of +
                    ".");
  }
  std::string label = args.season.season.label();
  std::string title = "Compare ";
  for (std::size_t i = 0; i < found.sides.size(); ++i) {
    title += (i ? (i + 1 == found.sides.size() ? " and " : ", ") : "") +
             found.sides[i].player.player.name;
  }

  ToolAnswer answer;
  answer.text = AnswerSections::of(
      {title + " (" + std::string(stats::perModeName(mode)) + ")", label, meta.as_of},
      answerSentence(found.sides, rows, mode, args.season.season),
      notesMarkdown(notes) + compareTable(found.sides, rows, mode));
  json note_list = json::array();
  for (const auto& note : notes) {
    if (!note.empty()) {
      note_list.push_back(note);
    }
  }
  answer.structured = provenanceJson(meta, label);
  answer.structured.update({{"season_type", seasonTypeName(type)},
                            {"per_mode", stats::perModeName(mode)},
                            {"players", std::move(players)},
                            {"stats", statsJson(found.sides, rows)},
                            {"notes", std::move(note_list)}});
  answer.meta = answerMeta(meta, args.season.season);
  return answer;
}

}  // namespace

NbaTool comparePlayersTool() {
  return {"compare_players", "Compare players",
          "Side-by-side season lines of 2-4 players (names as people write them: 'LeBron', "
          "'KD', 'Jokic'), with the better value per stat marked ▲ (lower is better for "
          "turnovers and fouls; percentages compared only when every player has attempts) "
          "and, in the structured result, each stat's leader id. per_mode: PerGame "
          "(default), Totals or Per36. Season defaults to this season.",
          false,
          TypedHandler<ComparePlayersArgs, ComparePlayersFound>{decodeComparePlayersArgs,
                                                                findCompared, renderCompared}};
}

}  // namespace nba::tools
