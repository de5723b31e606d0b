#pragma once

#include <map>
#include <string>

#include "build_inputs.h"
#include "player_registry.h"
#include "team_directory.h"
#include "tsv_writer.h"

namespace nba::builder {

// What the players table needs to know from a player's season lines.
struct PlayerLineSummary {
  int points = 0;           // over stint-0 lines of all seasons
  int latest_season = 0;    // start year of his latest line
  std::string latest_team;  // lastTeam() of that line
  std::string latest_position;
};

struct PlayerLinesOutput {
  TsvTable table;  // player_season_lines.tsv, sorted by season, player_id, stint
  std::map<std::string, PlayerLineSummary> by_player;
};

// 2023-24 and 2024-25 from the bbref exports (per game + totals joined on player and team,
// 2024-25 advanced joined on slug and team); 2025-26 from NBA.com leaguedashplayerstats
// totals (per game computed, one line per player).
Result<PlayerLinesOutput> buildPlayerLines(const BuildInputs& in, const TeamDirectory& teams,
                                           const PlayerRegistry& registry);

}  // namespace nba::builder
