#include "team_directory.h"

#include "origin/snapshot/snapshot_schema.h"

namespace nba::builder {

Result<TeamDirectory> TeamDirectory::fromCsv(const CsvFile& teams) {
  TeamDirectory directory;
  for (const auto& row : teams.rows()) {
    const std::string& abbr = teams.cell(row, "nba_abbreviation");
    if (abbr.empty()) {
      return dataLoss("derived/teams.csv: row without nba_abbreviation");
    }
    for (const char* column : {"nba_abbreviation", "bbref_abbreviation", "full_name_nba",
                               "full_name_bbref", "nba_team_id"}) {
      directory.alias_to_abbr_[teams.cell(row, column)] = abbr;
    }
    directory.rows_[abbr] = {abbr,
                             teams.cell(row, "nba_team_id"),
                             teams.cell(row, "bbref_abbreviation"),
                             teams.cell(row, "city"),
                             teams.cell(row, "nickname"),
                             teams.cell(row, "full_name_nba"),
                             teams.cell(row, "full_name_bbref"),
                             teams.cell(row, "conference"),
                             teams.cell(row, "division"),
                             teams.cell(row, "team_slug")};
  }
  if (directory.rows_.size() != 30) {
    return dataLoss("derived/teams.csv: expected 30 teams, got " +
                    std::to_string(directory.rows_.size()));
  }
  return directory;
}

std::string TeamDirectory::abbrFor(const std::string& any_name) const {
  auto it = alias_to_abbr_.find(any_name);
  return it == alias_to_abbr_.end() ? "" : it->second;
}

TsvTable TeamDirectory::table() const {
  TsvTable table{toStrings(snapshot::kTeamsColumns), {}};
  for (const auto& [abbr, row] : rows_) {
    table.rows.push_back(row);
  }
  return table;
}

}  // namespace nba::builder
