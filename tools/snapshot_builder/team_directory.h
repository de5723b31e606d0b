#pragma once

#include <map>
#include <string>

#include "core/status.h"
#include "csv_file.h"
#include "tsv_writer.h"

namespace nba::builder {

// The 30 teams (derived/teams.csv) and every way the sources name them, mapped to the
// NBA.com abbreviation the snapshot uses as the team key.
class TeamDirectory {
 public:
  static Result<TeamDirectory> fromCsv(const CsvFile& teams);

  // NBA.com abbr for a bbref abbr, NBA.com abbr, NBA.com full name, bbref full name or
  // team id; "" when unknown.
  std::string abbrFor(const std::string& any_name) const;
  // The teams.tsv table, sorted by abbr.
  TsvTable table() const;
  std::size_t size() const { return rows_.size(); }

 private:
  std::map<std::string, std::string> alias_to_abbr_;
  std::map<std::string, std::vector<std::string>> rows_;  // abbr -> teams.tsv row
};

}  // namespace nba::builder
