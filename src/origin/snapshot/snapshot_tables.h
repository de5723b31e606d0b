#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/award_entry.h"
#include "domain/game.h"
#include "domain/game_log_row.h"
#include "domain/player.h"
#include "domain/player_season_line.h"
#include "domain/table.h"
#include "domain/team.h"
#include "domain/team_season_line.h"

namespace nba::snapshot {

// One meta.tsv row: provenance of one (season, table).
struct MetaRow {
  Season season;
  std::string table;  // "games", "player_season_lines", ...
  std::string as_of;
  Coverage coverage = Coverage::kComplete;
  std::string origin;
  std::string note;
};

// Every snapshot table, parsed, in file order. Value type.
struct SnapshotTables {
  std::vector<MetaRow> meta;
  std::vector<Team> teams;
  std::vector<Player> players;
  std::vector<PlayerSeasonLine> player_lines;
  std::vector<TeamSeasonLine> team_lines;
  std::vector<Game> games;
  std::vector<AwardEntry> awards;
  std::vector<GameLogRow> game_logs;
};

// Parses the snapshot files given by name ("players.tsv" -> its text). `where` names the
// origin in errors ("embedded snapshot", "snapshot dir /x"). Fails on the first missing
// file, bad header, wrong field count or unreadable value, naming file, line and column.
Result<SnapshotTables> parseSnapshotTables(const std::map<std::string, std::string_view>& files,
                                           const std::string& where);

}  // namespace nba::snapshot
