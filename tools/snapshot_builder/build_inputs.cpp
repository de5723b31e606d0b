#include "build_inputs.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace nba::builder {
namespace {

std::string jsonCell(const nlohmann::json& value) {
  if (value.is_null()) {
    return "";
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_number_integer()) {
    return std::to_string(value.get<long long>());
  }
  if (value.is_number_float()) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), "%.17g", value.get<double>());
    return buffer;
  }
  return value.dump();
}

// The first result set of an NBA.com stats response as a table.
Result<CsvFile> readResultSet(const std::string& path) {
  Result<std::string> text = readTextFile(path);
  if (!text.ok()) {
    return text.status();
  }
  nlohmann::json doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return dataLoss(path + ": not a JSON object");
  }
  const nlohmann::json* set = nullptr;
  if (auto it = doc.find("resultSets"); it != doc.end() && it->is_array() && !it->empty()) {
    set = &(*it)[0];
  } else if (auto one = doc.find("resultSet"); one != doc.end() && one->is_object()) {
    set = &*one;
  }
  if (set == nullptr || !set->contains("headers") || !set->contains("rowSet")) {
    return dataLoss(path + ": no resultSets[0].headers/rowSet");
  }
  std::vector<std::string> header;
  for (const auto& h : (*set)["headers"]) {
    header.push_back(jsonCell(h));
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& row : (*set)["rowSet"]) {
    std::vector<std::string> cells;
    for (const auto& v : row) {
      cells.push_back(jsonCell(v));
    }
    rows.push_back(std::move(cells));
  }
  return CsvFile::fromRows(path, std::move(header), std::move(rows));
}

}  // namespace

Result<BuildInputs> loadBuildInputs(const std::string& data_dir) {
  BuildInputs in;
  struct Entry {
    CsvFile* target;
    const char* relative;
    bool json;
  };
  const Entry entries[] = {
      {&in.teams, "derived/teams.csv", false},
      {&in.games_2023, "derived/games_2023-24.csv", false},
      {&in.games_2024, "derived/games_2024-25.csv", false},
      {&in.games_2025, "derived/games_2025-26_partial_to_2026-02-21.csv", false},
      {&in.schedule_2024, "schedule/fixturedownload_nba-2024-UTC.csv", false},
      {&in.per_game_2024, "bbref/season_2024-25/player_per_game_2024-25.csv", false},
      {&in.totals_2024, "bbref/season_2024-25/player_totals_2024-25.csv", false},
      {&in.advanced_2024, "bbref/season_2024-25/player_advanced_2024-25.csv", false},
      {&in.per_game_2023, "bbref/season_2023-24/player_per_game_2023-24.csv", false},
      {&in.totals_2023, "bbref/season_2023-24/player_totals_2023-24.csv", false},
      {&in.team_summaries, "bbref/sumitrodatta/team_summaries.csv", false},
      {&in.team_per_game, "bbref/sumitrodatta/team_stats_per_game.csv", false},
      {&in.opponent_per_game, "bbref/sumitrodatta/opponent_stats_per_game.csv", false},
      {&in.team_totals, "bbref/sumitrodatta/team_totals.csv", false},
      {&in.opponent_totals, "bbref/sumitrodatta/opponent_totals.csv", false},
      {&in.award_shares, "bbref/sumitrodatta/player_award_shares.csv", false},
      {&in.end_of_season_teams, "bbref/sumitrodatta/end_of_season_teams.csv", false},
      {&in.career_info, "bbref/sumitrodatta/player_career_info.csv", false},
      {&in.season_info, "bbref/sumitrodatta/player_season_info.csv", false},
      {&in.game_logs_2023, "gamelogs/statschef_player_gamelogs_2023-24.csv", false},
      {&in.common_all_players, "statsnba-samples/commonallplayers__2025-26__0.json", true},
      {&in.player_index, "statsnba-samples/playerindex__2025-26.json", true},
      {&in.league_dash_2025,
       "statsnba-samples/leaguedashplayerstats__2025-26__RegularSeason__Totals__Base__0.json",
       true},
      {&in.next_games_2025,
       "statsnba-samples/playernextngames__2025-26__RegularSeason__1628378.json", true},
  };
  for (const Entry& entry : entries) {
    const std::string path = data_dir + "/" + entry.relative;
    Result<CsvFile> file = entry.json ? readResultSet(path) : CsvFile::read(path);
    if (!file.ok()) {
      return file.status();
    }
    *entry.target = std::move(file).value();
  }
  return in;
}

}  // namespace nba::builder
