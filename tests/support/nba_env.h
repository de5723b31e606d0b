#pragma once

#include "nba/tools/tool_env.h"

namespace nba::testing {

// The embedded snapshot, a resolver over it and a clock fixed at 2026-02-22T12:00:00Z
// (the day after the snapshot's NBA.com data), built once for all tests. Thread-safe.
const tools::ToolEnv& snapshotEnv();

}  // namespace nba::testing
