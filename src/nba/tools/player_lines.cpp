#include "nba/tools/player_lines.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/ascii.h"
#include "domain/season_resolver.h"
#include "nba/tools/arguments.h"
#include "nba/tools/markdown.h"
#include "nba/tools/sorted_json_object.h"

namespace nba::tools {

using nlohmann::json;

namespace {

double roundTo(double value, int decimals) {
  static constexpr double kScale[] = {1.0, 10.0, 100.0, 1000.0};
  double scale = kScale[std::clamp(decimals, 0, 3)];
  return std::round(value * scale) / scale;
}

// Decimals a stat is shown with in `mode`.
int shownDecimals(const stats::StatDef& stat, stats::PerMode mode) {
  switch (stat.kind) {
    case stats::StatKind::kPercentage:
      return 3;
    case stats::StatKind::kRate:
      return 1;
    case stats::StatKind::kCounting:
      break;
  }
  if (stat.code == "GP" || stat.code == "GS" || mode == stats::PerMode::kTotals) {
    return 0;
  }
  return 1;
}

// The seasons in which a player has a line, for "he has …" in error messages.
std::string seasonsWithLines(const Player& player, const ToolEnv& env) {
  auto career = env.data.playerCareer(env.call, player.player_id);
  std::vector<Season> seasons;
  if (career.ok()) {
    for (const auto& line : career->rows) {
      if (line.stint == 0) {
        seasons.push_back(line.season);
      }
    }
  }
  return seasons.empty() ? "he has no season line in the data at all"
                         : "he has lines for " + seasonList(seasons);
}

}  // namespace

const std::vector<const stats::StatDef*>& playerLineStats() {
  static const auto* list = [] {
    auto* out = new std::vector<const stats::StatDef*>();
    for (const char* code : {"GP",      "GS",     "MIN",     "PTS",     "REB", "OREB", "DREB",
                             "AST",     "STL",    "BLK",     "TOV",     "PF",  "FGM",  "FGA",
                             "FG_PCT",  "FG3M",   "FG3A",    "FG3_PCT", "FTM", "FTA",  "FT_PCT",
                             "EFG_PCT", "TS_PCT", "USG_PCT", "PER",     "WS",  "BPM",  "EFF"}) {
      out->push_back(stats::findStat(code));
    }
    return out;
  }();
  return *list;
}

std::string statKey(const stats::StatDef& stat) { return asciiLower(stat.code); }

std::optional<double> shownStatValue(const PlayerSeasonLine& line, const stats::StatDef& stat,
                                     stats::PerMode mode) {
  std::optional<double> value = stats::playerStatValue(line, stat, mode);
  if (!value) {
    return std::nullopt;
  }
  return roundTo(*value, shownDecimals(stat, mode));
}

std::vector<std::string> lineTeams(const PlayerSeasonLine& line) {
  return line.teams.empty() ? std::vector<std::string>{line.team} : line.teams;
}

json statLineJson(const PlayerSeasonLine& line, stats::PerMode mode) {
  // Members in key order, worked out once: this runs for every line of every answer.
  static constexpr int kTeam = -1, kTeams = -2;
  static const auto* members = [] {
    auto* out = new std::vector<std::pair<std::string, int>>{{"team", kTeam}, {"teams", kTeams}};
    const auto& stats_list = playerLineStats();
    for (std::size_t i = 0; i < stats_list.size(); ++i) {
      out->emplace_back(statKey(*stats_list[i]), static_cast<int>(i));
    }
    std::sort(out->begin(), out->end());
    return out;
  }();
  const auto& stats_list = playerLineStats();
  SortedJsonObject out;
  for (const auto& [key, index] : *members) {
    if (index == kTeam) {
      out.add(key, line.lastTeam());
    } else if (index == kTeams) {
      out.add(key, lineTeams(line));
    } else {
      const stats::StatDef& stat = *stats_list[static_cast<std::size_t>(index)];
      std::optional<double> value = shownStatValue(line, stat, mode);
      if (!value) {
        out.add(key, nullptr);
      } else if (shownDecimals(stat, mode) == 0) {
        out.add(key, static_cast<long long>(*value));
      } else {
        out.add(key, *value);
      }
    }
  }
  return out.release();
}

json playerJson(const Player& player) {
  return {{"id", player.player_id}, {"name", player.name}, {"position", player.position}};
}

SeasonType seasonTypeArgument(const json& arguments) {
  auto text = optionalString(arguments, "season_type");
  return text && *text == "Playoffs" ? SeasonType::kPlayoffs : SeasonType::kRegularSeason;
}

Result<PlayerSeason> playerSeason(const Player& player, Season season, SeasonType type,
                                  const ToolEnv& env) {
  PlayerSeasonStatsRequest request;
  request.season = season;
  request.season_type = type;
  request.player_id = player.player_id;
  auto table = env.data.playerSeasonStats(env.call, request);
  if (!table.ok()) {
    return table.status();
  }
  PlayerSeason out{table->meta, {}, {}};
  bool found = false;
  for (const PlayerSeasonLine& line : table->rows) {
    if (line.stint == 0) {
      out.line = line;
      found = true;
    } else {
      out.stints.push_back(line);
    }
  }
  if (!found) {
    return notFound(player.name + " has no " + season.label() +
                    " line in the data (he did not play that season); " +
                    seasonsWithLines(player, env) + ".");
  }
  return out;
}

std::string_view perModePhrase(stats::PerMode mode) {
  switch (mode) {
    case stats::PerMode::kTotals:
      return "in total";
    case stats::PerMode::kPer36:
      return "per 36 minutes";
    case stats::PerMode::kPerGame:
      break;
  }
  return "per game";
}

std::string joinTeams(const std::vector<std::string>& teams) {
  std::string out;
  for (std::size_t i = 0; i < teams.size(); ++i) {
    if (i > 0) {
      out += i + 1 == teams.size() ? " and " : ", ";
    }
    out += teams[i];
  }
  return out;
}

std::string dataSeasonList(const ToolEnv& env) {
  std::vector<Season> seasons;
  for (const auto& coverage : seasonsForText(env)) {
    seasons.push_back(coverage.season);
  }
  return seasonList(seasons);
}

}  // namespace nba::tools
