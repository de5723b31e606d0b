#include "snapshot_builder.h"

#include <filesystem>

#include "build_inputs.h"
#include "origin/snapshot/snapshot_schema.h"
#include "player_lines.h"
#include "player_registry.h"
#include "tables.h"
#include "team_directory.h"

namespace nba::builder {
namespace {

void reportMatches(const PlayerRegistry& registry, const TsvTable& players, BuildReport& report) {
  for (const PlayerIdentity* identity : registry.all()) {
    if (identity->match == kMatchNbaOnly) {
      ++report.nba_only;
      continue;
    }
    ++report.bbref_players;
    report.matched_by_name += identity->match == kMatchName;
    report.matched_by_team += identity->match == kMatchTeam;
    report.matched_by_short_name += identity->match == kMatchShortName;
  }
  // players.tsv is sorted by name; list the unmatched in that order with their last team.
  for (const auto& row : players.rows) {
    if (row[14] == kMatchNone) {  // match
      report.unmatched.push_back(row[3] + " (" + row[2] + ", to " + row[10] + ", " +
                                 (row[12].empty() ? "-" : row[12]) + ")");
    }
  }
}

}  // namespace

Result<BuildReport> buildSnapshot(const std::string& data_dir, const std::string& out_dir) {
  Result<BuildInputs> in = loadBuildInputs(data_dir);
  if (!in.ok()) {
    return in.status();
  }
  Result<TeamDirectory> teams = TeamDirectory::fromCsv(in->teams);
  if (!teams.ok()) {
    return teams.status();
  }
  const PlayerRegistry registry = PlayerRegistry::build(*in, *teams);
  Result<PlayerLinesOutput> lines = buildPlayerLines(*in, *teams, registry);
  if (!lines.ok()) {
    return lines.status();
  }
  Result<MetaFacts> facts = deriveMetaFacts(*in, *teams);
  if (!facts.ok()) {
    return facts.status();
  }
  std::vector<std::pair<std::string_view, Result<TsvTable>>> tables;
  tables.emplace_back(snapshot::kTeamsFile, teams->table());
  tables.emplace_back(snapshot::kPlayersFile, buildPlayers(*in, *teams, registry, *lines));
  tables.emplace_back(snapshot::kPlayerLinesFile, lines->table);
  tables.emplace_back(snapshot::kTeamLinesFile, buildTeamLines(*in, *teams));
  tables.emplace_back(snapshot::kGamesFile, buildGames(*in));
  tables.emplace_back(snapshot::kAwardsFile, buildAwards(*in, registry));
  tables.emplace_back(snapshot::kGameLogsFile, buildGameLogs(*in, *teams, registry));
  tables.emplace_back(snapshot::kMetaFile, buildMeta(*facts));

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    return unavailable("cannot create " + out_dir + ": " + ec.message());
  }
  BuildReport report;
  report.facts = *facts;
  for (const auto& [file, table] : tables) {
    if (!table.ok()) {
      return table.status();
    }
    Status written = writeTsv(out_dir + "/" + std::string(file), *table);
    if (!written.isOk()) {
      return written;
    }
    report.rows_per_file[std::string(file)] = table->rows.size();
  }
  reportMatches(registry, *tables[1].second, report);
  const std::string text = snapshotReadme(report);
  FILE* out = std::fopen((out_dir + "/README.md").c_str(), "wb");
  if (out == nullptr) {
    return unavailable("cannot write " + out_dir + "/README.md");
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  return std::fclose(out) == 0 && ok ? Result<BuildReport>(report)
                                     : Result<BuildReport>(unavailable("write failed: README.md"));
}

}  // namespace nba::builder
