#include <algorithm>

#include "domain/season.h"
#include "origin/snapshot/snapshot_schema.h"
#include "row_builder.h"
#include "tables.h"

namespace nba::builder {
namespace {

// Fixed output order of award codes (a table reads MVP first).
constexpr std::pair<const char*, const char*> kVoted[] = {
    {"nba mvp", "MVP"},   {"nba dpoy", "DPOY"}, {"nba roy", "ROY"},
    {"nba smoy", "6MOY"}, {"nba mip", "MIP"},   {"nba clutch_poy", "CLUTCH"}};
constexpr const char* kOrder[] = {
    "MVP",       "DPOY",      "ROY",       "6MOY",      "MIP",          "CLUTCH",      "ALL_NBA_1",
    "ALL_NBA_2", "ALL_NBA_3", "ALL_DEF_1", "ALL_DEF_2", "ALL_ROOKIE_1", "ALL_ROOKIE_2"};

int awardOrder(const std::string& code) {
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i) {
    if (code == kOrder[i]) {
      return i;
    }
  }
  return 99;
}

std::string selectionCode(const std::string& type, const std::string& number) {
  std::string base = type == "All-NBA"       ? "ALL_NBA"
                     : type == "All-Defense" ? "ALL_DEF"
                     : type == "All-Rookie"  ? "ALL_ROOKIE"
                                             : "";
  if (base.empty() || number.empty()) {
    return "";
  }
  return base + "_" + number.substr(0, 1);
}

struct Entry {
  int start_year;
  std::string award;
  int points;
  std::vector<std::string> cells;  // season, award, (rank), player_id, name, first, won, max,
                                   // share, winner
};

}  // namespace

Result<TsvTable> buildAwards(const BuildInputs& in, const PlayerRegistry& registry) {
  std::vector<Entry> entries;
  auto idFor = [&](const std::string& slug) -> std::string {
    const PlayerIdentity* identity = registry.bySlug(slug);
    return identity == nullptr ? "" : identity->player_id;
  };
  const CsvFile& shares = in.award_shares;
  for (const auto& row : shares.rows()) {
    std::string code;
    for (const auto& [theirs, ours] : kVoted) {
      code = shares.cell(row, "award") == theirs ? ours : code;
    }
    if (code.empty()) {
      return dataLoss("player_award_shares: unknown award '" + shares.cell(row, "award") + "'");
    }
    const int start_year = static_cast<int>(parseWhole(shares.cell(row, "season")).value_or(0)) - 1;
    const auto won = parseWhole(shares.cell(row, "pts_won"));
    entries.push_back({start_year,
                       code,
                       static_cast<int>(won.value_or(0)),
                       {Season{start_year}.label(), code, "", idFor(shares.cell(row, "player_id")),
                        shares.cell(row, "player"), integer(parseWhole(shares.cell(row, "first"))),
                        integer(won), integer(parseWhole(shares.cell(row, "pts_max"))),
                        fixed(parseNumber(shares.cell(row, "share")), 3),
                        shares.cell(row, "winner") == "TRUE" ? "1" : "0"}});
  }
  const CsvFile& teams = in.end_of_season_teams;
  for (const auto& row : teams.rows()) {
    const std::string code = selectionCode(teams.cell(row, "type"), teams.cell(row, "number_tm"));
    if (code.empty()) {
      return dataLoss("end_of_season_teams: unknown selection '" + teams.cell(row, "type") + "'");
    }
    const int start_year = static_cast<int>(parseWhole(teams.cell(row, "season")).value_or(0)) - 1;
    entries.push_back({start_year,
                       code,
                       0,
                       {Season{start_year}.label(), code, "0", idFor(teams.cell(row, "player_id")),
                        teams.cell(row, "player"), "", "", "", "", "1"}});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    const int order_a = awardOrder(a.award), order_b = awardOrder(b.award);
    return std::tie(a.start_year, order_a, b.points, a.cells[4]) <
           std::tie(b.start_year, order_b, a.points, b.cells[4]);
  });
  // Voting rank: 1 + number of entries of the same award with more points (ties share).
  for (Entry& entry : entries) {
    if (!entry.cells[2].empty()) {
      continue;
    }
    int better = 0;
    for (const Entry& other : entries) {
      better += other.start_year == entry.start_year && other.award == entry.award &&
                other.points > entry.points;
    }
    entry.cells[2] = std::to_string(better + 1);
  }
  TsvTable table{toStrings(snapshot::kAwardsColumns), {}};
  for (Entry& entry : entries) {
    table.rows.push_back(std::move(entry.cells));
  }
  return table;
}

}  // namespace nba::builder
