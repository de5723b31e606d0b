// libFuzzer target: the snapshot loader on untrusted files (`--snapshot DIR`). The first
// byte picks one of the eight tables; the rest is that file's text. The other tables are
// the embedded snapshot's, cut to their first rows so each input loads in well under a
// millisecond. A snapshot that loads is then queried through every DataSource method and
// given to the entity resolver, as the server would on its first calls; a bad one must
// fail with a Status, never crash.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "nba/entity/resolver_from_data.h"
#include "origin/snapshot/embedded_snapshot.h"
#include "origin/snapshot/snapshot_schema.h"
#include "origin/snapshot/snapshot_source.h"

namespace {

constexpr std::string_view kTables[] = {
    nba::snapshot::kMetaFile,        nba::snapshot::kTeamsFile,     nba::snapshot::kPlayersFile,
    nba::snapshot::kPlayerLinesFile, nba::snapshot::kTeamLinesFile, nba::snapshot::kGamesFile,
    nba::snapshot::kAwardsFile,      nba::snapshot::kGameLogsFile};

// The header and first `rows` records of `text`.
std::string_view firstRows(std::string_view text, std::size_t rows) {
  std::size_t end = 0;
  for (std::size_t line = 0; line <= rows; ++line) {
    end = text.find('\n', end);
    if (end == std::string_view::npos) {
      return text;
    }
    ++end;
  }
  return text.substr(0, end);
}

// The embedded tables, cut short: all of meta and teams (small, and every other table
// refers to them), 80 rows of the rest.
const std::map<std::string, std::string_view>& baseTables() {
  static const std::map<std::string, std::string_view> tables = [] {
    std::map<std::string, std::string_view> out;
    for (const nba::EmbeddedFile& file : nba::embeddedSnapshotFiles()) {
      const bool whole =
          file.path == nba::snapshot::kMetaFile || file.path == nba::snapshot::kTeamsFile;
      out.emplace(std::string(file.path), whole ? file.data : firstRows(file.data, 80));
    }
    return out;
  }();
  return tables;
}

void exercise(const nba::DataSource& data) {
  static const std::shared_ptr<nba::Clock> clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  (void)data.teams(call);
  auto players = data.players(call);
  std::vector<std::string> ids;
  if (players.ok()) {
    for (const auto& player : players->rows) {
      if (ids.size() < 3) {
        ids.push_back(player.player_id);
      }
    }
  }
  auto seasons = data.seasons(call);
  if (!seasons.ok()) {
    return;
  }
  for (const nba::SeasonCoverage& coverage : seasons.value()) {
    const nba::Season season = coverage.season;
    (void)data.standings(call, season);
    (void)data.teamSeasonStats(call, season, nba::SeasonType::kRegularSeason);
    nba::PlayerSeasonStatsRequest lines;
    lines.season = season;
    (void)data.playerSeasonStats(call, lines);
    nba::GamesRequest games;
    games.season = season;
    (void)data.games(call, games);
    (void)data.awards(call, season);
    for (const std::string& id : ids) {
      (void)data.playerGameLog(call, id, season);
    }
  }
  (void)data.awards(call, std::nullopt);
  for (const std::string& id : ids) {
    (void)data.player(call, id);
    (void)data.playerCareer(call, id);
  }
  auto resolver = nba::entity::newResolverFromData(data, call);
  if (resolver.ok()) {
    for (std::string_view query : {"LeBron", "Jokic", "BOS", "LA", "Davis", "x"}) {
      (void)resolver.value()->resolve(query, std::nullopt, 5);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::string_view table = kTables[data[0] % std::size(kTables)];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<nba::EmbeddedFile> files;
  for (const auto& [name, base] : baseTables()) {
    files.push_back({name, name == table ? std::string_view(text) : base});
  }
  auto source = nba::newSnapshotSource(files, "fuzzed snapshot");
  if (source.ok()) {
    exercise(*source.value());
  }
  return 0;
}
