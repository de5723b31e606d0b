#include <algorithm>

#include "origin/snapshot/snapshot_schema.h"
#include "tables.h"

namespace nba::builder {

TsvTable buildMeta(const MetaFacts& facts) {
  auto date = [&](int start_year) {
    auto it = facts.last_game_date.find(start_year);
    return it == facts.last_game_date.end() ? std::string() : it->second;
  };
  const std::string bbref = "basketball-reference";
  const std::string nba = "NBA.com stats";
  TsvTable table{toStrings(snapshot::kMetaColumns), {}};
  for (int year : {2023, 2024}) {
    const std::string label = year == 2023 ? "2023-24" : "2024-25";
    const std::string end = date(year);
    table.rows.push_back({label, "games", end, "complete",
                          year == 2023 ? nba + " leaguegamefinder" : "fixturedownload.com",
                          year == 2024 ? "no game ids; NBA Cup final kept as kind=cup_final; " +
                                             std::to_string(facts.corrected_scores_2024) +
                                             " scores corrected"
                                       : ""});
    table.rows.push_back({label, "player_season_lines", end, "complete", bbref,
                          year == 2024 ? "advanced (TS%, USG%, PER, WS, BPM) from bbref"
                                       : "no advanced file: TS% computed, USG/PER/WS/BPM empty"});
    table.rows.push_back({label, "team_season_lines", end, "complete", bbref, ""});
    table.rows.push_back({label, "awards", end, "complete", bbref, ""});
    if (year == 2023) {
      table.rows.push_back({label, "player_game_logs", end, "partial", nba + " playergamelog",
                            std::to_string(facts.game_log_players) +
                                " players; list built from rosters, some players missing"});
    }
  }
  const std::string end = date(2025);
  table.rows.push_back({"2025-26", "games", end, "partial", nba + " leaguegamelog",
                        std::to_string(facts.neutral_site_games_2025) +
                            " neutral-site games: home/away alphabetical"});
  table.rows.push_back({"2025-26", "player_season_lines", end, "partial",
                        nba + " leaguedashplayerstats",
                        "one line per player (current team); per game computed; no GS"});
  table.rows.push_back({"2025-26", "team_season_lines", facts.team_lines_as_of_2025, "partial",
                        bbref, facts.team_lines_note_2025});
  std::sort(table.rows.begin(), table.rows.end());
  return table;
}

}  // namespace nba::builder
