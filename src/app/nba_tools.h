#pragma once

#include "core/status.h"
#include "mcp/server.h"
#include "nba/tools/tool_env.h"

namespace nba::app {

// Registers every NBA tool (src/nba/tools) on the server: schemas from schemas/, the
// annotations (read-only; open-world only for live data), and a handler that turns the
// tool's answer into an MCP result. `env` must outlive the server.
Status registerNbaTools(mcp::McpServer& server, const tools::ToolEnv& env);

}  // namespace nba::app
