#pragma once

#include <map>
#include <string>

#include "core/status.h"
#include "origin/snapshot/snapshot_tables.h"

namespace nba::snapshot {

// The other half of snapshot_tables.h: every table of `tables` in the on-disk format
// (snapshot_schema.h), file name → text, so parseSnapshotTables(formatSnapshotTables(t))
// gives `t` back. Numbers are written in their shortest exact form; a TAB, CR or LF inside a
// text field (from an untrusted upstream) becomes a space, as the format has no quoting.
// Player lines get their readable `name` column from `tables.players` (empty when unknown).
std::map<std::string, std::string> formatSnapshotTables(const SnapshotTables& tables);

// Writes formatSnapshotTables(tables) into `dir` (created if missing; files replaced), ready
// for --snapshot DIR. kUnavailable naming the file when it cannot be written.
Status writeSnapshotDirectory(const std::string& dir, const SnapshotTables& tables);

}  // namespace nba::snapshot
