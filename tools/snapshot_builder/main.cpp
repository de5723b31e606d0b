// nba-snapshot-builder --data ../shared/data --out golden/snapshot
// Builds the offline snapshot tables from the reference data (see snapshot_builder.h).
#include <cstdio>
#include <cstring>
#include <string>

#include "snapshot_builder.h"

int main(int argc, char** argv) {
  std::string data_dir, out_dir;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--data") == 0 && has_value) {
      data_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--out") == 0 && has_value) {
      out_dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: nba-snapshot-builder --data DIR --out DIR\n");
      return 2;
    }
  }
  if (data_dir.empty() || out_dir.empty()) {
    std::fprintf(stderr, "usage: nba-snapshot-builder --data DIR --out DIR\n");
    return 2;
  }
  nba::Result<nba::builder::BuildReport> report = nba::builder::buildSnapshot(data_dir, out_dir);
  if (!report.ok()) {
    std::fprintf(stderr, "nba-snapshot-builder: %s\n", report.status().message().c_str());
    return 1;
  }
  for (const auto& [file, rows] : report->rows_per_file) {
    std::fprintf(stderr, "%-26s %6zu rows\n", file.c_str(), rows);
  }
  std::fprintf(stderr,
               "players: %zu with bbref ids, %zu matched by name, %zu by team, %zu "
               "unmatched; %zu NBA.com-only\n",
               report->bbref_players, report->matched_by_name, report->matched_by_team,
               report->unmatched.size(), report->nba_only);
  return 0;
}
