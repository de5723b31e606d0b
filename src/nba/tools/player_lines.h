#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "nba/stats/stat_catalog.h"
#include "nba/tools/tool_env.h"
#include "origin/data_source.h"

namespace nba::tools {

// Shared pieces of the player tools (get_player_stats, get_player_career, compare_players,
// get_player_game_log): the stats a season line shows, its JSON form, and fetching one
// player's lines. All functions are pure or read-only on the DataSource; thread-safe.

// The stats of a player's season line, in the order tables and JSON show them.
const std::vector<const stats::StatDef*>& playerLineStats();

// The JSON key of a stat: its code in lower case ("FG3_PCT" -> "fg3_pct").
std::string statKey(const stats::StatDef& stat);

// A stat's value on a line in `mode`, rounded as the answer shows it (counting stats one
// decimal per game or per 36, whole totals; percentages three decimals as fractions), so
// comparisons never disagree with what a person reads. nullopt when undefined.
std::optional<double> shownStatValue(const PlayerSeasonLine& line, const stats::StatDef& stat,
                                     stats::PerMode mode);

// The teams of a line in order (one entry unless it is a traded player's combined line).
std::vector<std::string> lineTeams(const PlayerSeasonLine& line);

// {"team", "teams", "gp", "gs", "min", "pts", … "bpm", "eff"}: the line's stats in `mode`,
// keyed by statKey; null where undefined. Matches $defs/statLine of the output schemas.
nlohmann::json statLineJson(const PlayerSeasonLine& line, stats::PerMode mode);

// {"id", "name", "position"}.
nlohmann::json playerJson(const Player& player);

// `season_type` (absent -> Regular Season).
SeasonType seasonTypeArgument(const nlohmann::json& arguments);

// One player's season: the season line (stint 0; a traded player's combined line) and, for a
// traded player, his per-team lines in the order he played for them.
struct PlayerSeason {
  TableMeta meta;
  PlayerSeasonLine line;
  std::vector<PlayerSeasonLine> stints;
};

// Fetches `player`'s lines in `season`. kNotFound when he has none, naming the seasons he
// does have ("Bronny James has no 2023-24 line in the data; he has 2024-25, 2025-26").
Result<PlayerSeason> playerSeason(const Player& player, Season season, SeasonType type,
                                  const ToolEnv& env);

// "per game", "in total", "per 36 minutes".
std::string_view perModePhrase(stats::PerMode mode);

// "DAL and LAL", "BKN, GSW and DET".
std::string joinTeams(const std::vector<std::string>& teams);

// The seasons the source has: "2023-24, 2024-25, 2025-26".
std::string dataSeasonList(const ToolEnv& env);

}  // namespace nba::tools
