#pragma once

#include <string>

#include "core/status.h"
#include "csv_file.h"

namespace nba::builder {

// Every reference file the builder reads (see ../shared/data/README.md), parsed. NBA.com
// JSON result sets are turned into tables of text cells (numbers printed as the JSON has
// them, null as ""), so all sources are read the same way, by column name.
struct BuildInputs {
  CsvFile teams;                               // derived/teams.csv
  CsvFile games_2023, games_2024, games_2025;  // derived/games_*.csv (by start year)
  CsvFile schedule_2024;  // schedule/fixturedownload_nba-2024-UTC.csv (scores before correction)
  CsvFile per_game_2024, totals_2024, advanced_2024;  // bbref 2024-25
  CsvFile per_game_2023, totals_2023;                 // bbref 2023-24
  CsvFile team_summaries, team_per_game, opponent_per_game, team_totals, opponent_totals;
  CsvFile award_shares, end_of_season_teams, career_info, season_info;
  CsvFile game_logs_2023;      // gamelogs/statschef_player_gamelogs_2023-24.csv
  CsvFile common_all_players;  // statsnba commonallplayers (2025-26 call, all-time)
  CsvFile player_index;        // statsnba playerindex 2025-26
  CsvFile league_dash_2025;    // statsnba leaguedashplayerstats 2025-26 totals
  CsvFile next_games_2025;     // statsnba playernextngames 2025-26 (one team's later games)
};

// Reads everything under `data_dir`; the first missing or unreadable file fails the load.
Result<BuildInputs> loadBuildInputs(const std::string& data_dir);

}  // namespace nba::builder
