#pragma once

#include "nba/tools/tool_env.h"

namespace nba::testing {

// The embedded snapshot seen through the known-seasons view (as the server wires it), a
// resolver over it and a clock fixed at 2026-02-22T12:00:00Z (the day after the snapshot's
// NBA.com data, so every season shows), built once for all tests. Thread-safe.
const tools::ToolEnv& snapshotEnv();

// The same at the golden transcripts' clock, 2025-04-14T12:00:00Z (the day after the 2024-25
// regular season): 2025-26 has not started, so it is not shown. Thread-safe.
const tools::ToolEnv& snapshotEnvAtGoldenClock();

}  // namespace nba::testing
