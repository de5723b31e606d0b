#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "meta_facts.h"

namespace nba::builder {

// What a build produced, for the README and the console.
struct BuildReport {
  std::map<std::string, std::size_t> rows_per_file;  // "players.tsv" -> 1234
  std::size_t bbref_players = 0;                     // players with a bbref slug
  std::size_t matched_by_name = 0;                   // ... given an NBA.com id by name
  std::size_t matched_by_short_name = 0;             // ... by last name + first-name prefix
  std::size_t matched_by_team = 0;     // ... given an NBA.com id by team-season + name
  std::size_t nba_only = 0;            // players only in NBA.com sources
  std::vector<std::string> unmatched;  // "Name (slug, last season, team)"
  MetaFacts facts;                     // the derived dates and counts meta.tsv states
};

// Reads the reference data under `data_dir` (../shared/data) and writes the snapshot
// tables and README.md into `out_dir` (created if missing). Deterministic: the same inputs
// give byte-identical files. Not thread-safe against concurrent builds into one dir.
Result<BuildReport> buildSnapshot(const std::string& data_dir, const std::string& out_dir);

// The README.md text for a report (exposed for tests).
std::string snapshotReadme(const BuildReport& report);

}  // namespace nba::builder
