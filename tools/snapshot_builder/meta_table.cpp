#include <algorithm>

#include "origin/snapshot/snapshot_schema.h"
#include "tables.h"

namespace nba::builder {

TsvTable buildMeta(const std::map<int, std::string>& last_game_date) {
  auto date = [&](int start_year) {
    auto it = last_game_date.find(start_year);
    return it == last_game_date.end() ? std::string() : it->second;
  };
  const std::string bbref = "basketball-reference";
  const std::string nba = "NBA.com stats";
  TsvTable table{toStrings(snapshot::kMetaColumns), {}};
  for (int year : {2023, 2024}) {
    const std::string label = year == 2023 ? "2023-24" : "2024-25";
    const std::string end = date(year);
    table.rows.push_back({label, "games", end, "complete",
                          year == 2023 ? nba + " leaguegamefinder" : "fixturedownload.com",
                          year == 2024 ? "no game ids; NBA Cup final kept as kind=cup_final; 4 "
                                         "scores corrected"
                                       : ""});
    table.rows.push_back({label, "player_season_lines", end, "complete", bbref,
                          year == 2024 ? "advanced (TS%, USG%, PER, WS, BPM) from bbref"
                                       : "no advanced file: TS% computed, USG/PER/WS/BPM empty"});
    table.rows.push_back({label, "team_season_lines", end, "complete", bbref, ""});
    table.rows.push_back({label, "awards", end, "complete", bbref, ""});
    if (year == 2023) {
      table.rows.push_back({label, "player_game_logs", end, "partial", nba + " playergamelog",
                            "522 players; list built from rosters, some players missing"});
    }
  }
  const std::string end = date(2025);
  table.rows.push_back({"2025-26", "games", end, "partial", nba + " leaguegamelog",
                        "5 neutral-site games: home/away alphabetical"});
  table.rows.push_back({"2025-26", "player_season_lines", end, "partial",
                        nba + " leaguedashplayerstats",
                        "one line per player (current team); per game computed; no GS"});
  table.rows.push_back({"2025-26", "team_season_lines", "2026-03-01", "partial", bbref,
                        "recorded about a week after the games table"});
  std::sort(table.rows.begin(), table.rows.end());
  return table;
}

}  // namespace nba::builder
