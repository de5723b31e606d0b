#include <algorithm>

#include "origin/snapshot/snapshot_schema.h"
#include "row_builder.h"
#include "source_dates.h"
#include "tables.h"

namespace nba::builder {

Result<TsvTable> buildGameLogs(const BuildInputs& in, const TeamDirectory& teams,
                               const PlayerRegistry& registry) {
  TsvTable table{toStrings(snapshot::kGameLogsColumns), {}};
  const CsvFile& logs = in.game_logs_2023;
  for (const auto& row : logs.rows()) {
    const auto nba_id = parseWhole(logs.cell(row, "Player_ID"));
    const PlayerIdentity* identity = nba_id ? registry.byNbaId(*nba_id) : nullptr;
    const std::string date = isoDateFromNbaText(logs.cell(row, "GAME_DATE"));
    const std::string& matchup = logs.cell(row, "MATCHUP");  // "ATL vs. MIA" | "ATL @ MIA"
    if (identity == nullptr || date.empty() || matchup.size() < 9) {
      return dataLoss("game logs: unreadable row for player " + logs.cell(row, "Player_ID"));
    }
    const std::string team = teams.abbrFor(matchup.substr(0, 3));
    const std::string opponent = teams.abbrFor(matchup.substr(matchup.size() - 3));
    if (team.empty() || opponent.empty()) {
      return dataLoss("game logs: unknown team in '" + matchup + "'");
    }
    RowBuilder b;
    b.set("season", "2023-24").set("player_id", identity->player_id).set("date", date);
    b.set("game_id", logs.cell(row, "Game_ID")).set("team", team).set("opponent", opponent);
    b.set("home", matchup.find(" vs. ") != std::string::npos ? "1" : "0");
    b.set("wl", logs.cell(row, "WL"));
    const std::pair<const char*, const char*> counts[] = {{"min", "MIN"},
                                                          {"pts", "PTS"},
                                                          {"reb", "REB"},
                                                          {"oreb", "OREB"},
                                                          {"dreb", "DREB"},
                                                          {"ast", "AST"},
                                                          {"stl", "STL"},
                                                          {"blk", "BLK"},
                                                          {"tov", "TOV"},
                                                          {"pf", "PF"},
                                                          {"fgm", "FGM"},
                                                          {"fga", "FGA"},
                                                          {"fg3m", "FG3M"},
                                                          {"fg3a", "FG3A"},
                                                          {"ftm", "FTM"},
                                                          {"fta", "FTA"},
                                                          {"plus_minus", "PLUS_MINUS"}};
    for (const auto& [ours, theirs] : counts) {
      b.set(ours, integer(parseWhole(logs.cell(row, theirs))));
    }
    Result<std::vector<std::string>> assembled = b.assemble(snapshot::kGameLogsColumns);
    if (!assembled.ok()) {
      return assembled.status();
    }
    table.rows.push_back(std::move(assembled).value());
  }
  std::sort(table.rows.begin(), table.rows.end(), [](const auto& a, const auto& b) {
    return std::tie(a[1], a[2], a[3]) < std::tie(b[1], b[2], b[3]);
  });
  return table;
}

}  // namespace nba::builder
