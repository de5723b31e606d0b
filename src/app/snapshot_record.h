#pragma once

#include <string>

#include "app/config.h"

namespace nba::app {

// `nba-mcp snapshot record --season S --out DIR`: records one season from the live origin
// (NBA.com, with the configured URLs, headers and politeness) into a snapshot directory in the
// project's format, the same files `--snapshot DIR` loads — so a user refreshes offline data
// while online. Writes one progress line per table (and per NBA.com request) on stderr.
//
// Recorded: the 30 teams, the season's player lines (and those players), team lines and games.
// Not recorded, and said so: awards (NBA.com lists them only player by player) and game logs
// (one request per player). Returns the process exit code: 0 written, 1 NBA.com or the
// directory failed (the message says which), 2 a bad --season.
int runSnapshotRecord(const Config& config, const std::string& season_text,
                      const std::string& out_dir);

}  // namespace nba::app
