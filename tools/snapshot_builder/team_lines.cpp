#include <algorithm>

#include "domain/season.h"
#include "origin/snapshot/snapshot_schema.h"
#include "row_builder.h"
#include "tables.h"

namespace nba::builder {
namespace {

using Row = std::vector<std::string>;
using Index = std::map<std::pair<std::string, std::string>, const Row*>;  // (season, abbr)

Index indexBySeasonTeam(const CsvFile& file) {
  Index index;
  for (const Row& row : file.rows()) {
    index[{file.cell(row, "season"), file.cell(row, "abbreviation")}] = &row;
  }
  return index;
}

std::string number(const CsvFile& file, const Row* row, const char* column, int decimals) {
  return row == nullptr ? "" : fixed(parseNumber(file.cell(*row, column)), decimals);
}

std::string percent(const CsvFile& file, const Row* row, const char* column) {
  if (row == nullptr) {
    return "";
  }
  auto value = parseNumber(file.cell(*row, column));
  return value ? fixed(*value / 100.0, 3) : "";
}

}  // namespace

Result<TsvTable> buildTeamLines(const BuildInputs& in, const TeamDirectory& teams) {
  TsvTable table{toStrings(snapshot::kTeamLinesColumns), {}};
  const Index per_game = indexBySeasonTeam(in.team_per_game);
  const Index opp_per_game = indexBySeasonTeam(in.opponent_per_game);
  const Index totals = indexBySeasonTeam(in.team_totals);
  const Index opp_totals = indexBySeasonTeam(in.opponent_totals);
  const CsvFile& sum = in.team_summaries;
  for (const Row& row : sum.rows()) {
    const std::string& bbref_season = sum.cell(row, "season");
    const std::string& bbref_abbr = sum.cell(row, "abbreviation");
    const std::string abbr = teams.abbrFor(bbref_abbr);
    if (abbr.empty()) {
      continue;  // League Average
    }
    const std::pair<std::string, std::string> key{bbref_season, bbref_abbr};
    const Row* pg = per_game.count(key) ? per_game.at(key) : nullptr;
    const Row* opg = opp_per_game.count(key) ? opp_per_game.at(key) : nullptr;
    const Row* tot = totals.count(key) ? totals.at(key) : nullptr;
    const Row* otot = opp_totals.count(key) ? opp_totals.at(key) : nullptr;
    if (pg == nullptr || opg == nullptr || tot == nullptr || otot == nullptr) {
      return dataLoss("sumitrodatta: missing per-game/totals row for " + bbref_abbr + " " +
                      bbref_season);
    }
    const int start_year = static_cast<int>(parseWhole(bbref_season).value_or(0)) - 1;
    const CsvFile& t = in.team_per_game;
    RowBuilder b;
    b.set("season", Season{start_year}.label()).set("team", abbr);
    b.set("gp", integer(parseWhole(t.cell(*pg, "g"))));
    b.set("w", integer(parseWhole(sum.cell(row, "w"))));
    b.set("l", integer(parseWhole(sum.cell(row, "l"))));
    b.set("pts_pg", number(t, pg, "pts_per_game", 1));
    b.set("opp_pts_pg", number(in.opponent_per_game, opg, "opp_pts_per_game", 1));
    b.set("mov", number(sum, &row, "mov", 2)).set("srs", number(sum, &row, "srs", 2));
    b.set("o_rtg", number(sum, &row, "o_rtg", 1)).set("d_rtg", number(sum, &row, "d_rtg", 1));
    b.set("n_rtg", number(sum, &row, "n_rtg", 1)).set("pace", number(sum, &row, "pace", 1));
    b.set("ts_pct", number(sum, &row, "ts_percent", 3));
    b.set("efg_pct", number(sum, &row, "e_fg_percent", 3));
    b.set("tov_pct", percent(sum, &row, "tov_percent"));
    b.set("orb_pct", percent(sum, &row, "orb_percent"));
    b.set("ft_fga", number(sum, &row, "ft_fga", 3));
    b.set("opp_efg_pct", number(sum, &row, "opp_e_fg_percent", 3));
    b.set("opp_tov_pct", percent(sum, &row, "opp_tov_percent"));
    b.set("drb_pct", percent(sum, &row, "drb_percent"));
    b.set("opp_ft_fga", number(sum, &row, "opp_ft_fga", 3));
    const std::pair<const char*, const char*> per_game_columns[] = {
        {"fgm_pg", "fg_per_game"},    {"fga_pg", "fga_per_game"},  {"fg3m_pg", "x3p_per_game"},
        {"fg3a_pg", "x3pa_per_game"}, {"ftm_pg", "ft_per_game"},   {"fta_pg", "fta_per_game"},
        {"oreb_pg", "orb_per_game"},  {"dreb_pg", "drb_per_game"}, {"reb_pg", "trb_per_game"},
        {"ast_pg", "ast_per_game"},   {"stl_pg", "stl_per_game"},  {"blk_pg", "blk_per_game"},
        {"tov_pg", "tov_per_game"},   {"pf_pg", "pf_per_game"}};
    for (const auto& [ours, theirs] : per_game_columns) {
      b.set(ours, number(t, pg, theirs, 1));
    }
    b.set("fg_pct", number(t, pg, "fg_percent", 3));
    b.set("fg3_pct", number(t, pg, "x3p_percent", 3));
    b.set("ft_pct", number(t, pg, "ft_percent", 3));
    b.set("pts", integer(parseWhole(in.team_totals.cell(*tot, "pts"))));
    b.set("opp_pts", integer(parseWhole(in.opponent_totals.cell(*otot, "opp_pts"))));
    Result<Row> assembled = b.assemble(snapshot::kTeamLinesColumns);
    if (!assembled.ok()) {
      return assembled.status();
    }
    table.rows.push_back(std::move(assembled).value());
  }
  std::sort(table.rows.begin(), table.rows.end());
  return table;
}

}  // namespace nba::builder
