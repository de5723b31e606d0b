#include <algorithm>

#include "origin/snapshot/snapshot_schema.h"
#include "row_builder.h"
#include "tables.h"

namespace nba::builder {

Result<TsvTable> buildGames(const BuildInputs& in) {
  TsvTable table{toStrings(snapshot::kGamesColumns), {}};
  for (const CsvFile* file : {&in.games_2023, &in.games_2024, &in.games_2025}) {
    for (const auto& row : file->rows()) {
      const std::string& type = file->cell(row, "game_type");
      std::string kind;
      if (type == "regular_season") {
        kind = "regular";
      } else if (type == "regular_season_neutral_site") {
        kind = "neutral_site";
      } else if (type == "nba_cup_final_not_in_standings") {
        kind = "cup_final";
      } else {
        return dataLoss("derived games: unknown game_type '" + type + "'");
      }
      RowBuilder b;
      b.set("season", file->cell(row, "season")).set("date", file->cell(row, "game_date_et"));
      b.set("game_id", file->cell(row, "game_id"));
      b.set("home", file->cell(row, "home_abbr")).set("away", file->cell(row, "away_abbr"));
      b.set("home_pts", integer(parseWhole(file->cell(row, "home_pts"))));
      b.set("away_pts", integer(parseWhole(file->cell(row, "away_pts"))));
      b.set("kind", kind);
      Result<std::vector<std::string>> assembled = b.assemble(snapshot::kGamesColumns);
      if (!assembled.ok()) {
        return assembled.status();
      }
      table.rows.push_back(std::move(assembled).value());
    }
  }
  std::sort(table.rows.begin(), table.rows.end());  // season, date, game id, home
  return table;
}

}  // namespace nba::builder
