#pragma once

namespace nba::app {

// The whole command line: `nba-mcp [serve]`, `nba-mcp tools`, `nba-mcp call TOOL JSON`.
// Returns the process exit code: 0 success, 1 a tool answered with an error, 2 bad
// usage or configuration.
int runMain(int argc, char** argv);

}  // namespace nba::app
