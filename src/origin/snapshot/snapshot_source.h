#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/embedded_file.h"
#include "core/status.h"
#include "origin/data_source.h"

namespace nba {

// The offline snapshot as a DataSource (DESIGN §5). Loading parses every table once into
// memory, builds indexes (by id, by season, by player) and derives the standings; after
// that the source is immutable, so any number of threads may call it concurrently.
// Tables carry source "snapshot" and the as_of/coverage recorded in meta.tsv.
//
// Fails fast, naming the file, line and column: a missing table ("snapshot dir /x is
// missing players.tsv"), a wrong header, a row with the wrong number of fields
// ("players.tsv:12: expected 15 columns, got 13"), an unreadable value.

// From files given in memory (paths relative to the snapshot root: "players.tsv"); the
// views need only live during the call. `where` names them in errors.
Result<std::unique_ptr<DataSource>> newSnapshotSource(const std::vector<EmbeddedFile>& files,
                                                      const std::string& where);

// The snapshot compiled into the binary (golden/snapshot).
Result<std::unique_ptr<DataSource>> newEmbeddedSnapshotSource();

// A snapshot directory in the same format (`--snapshot DIR`).
Result<std::unique_ptr<DataSource>> newSnapshotSourceFromDirectory(const std::string& dir);

}  // namespace nba
