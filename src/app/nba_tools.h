#pragma once

#include "core/status.h"
#include "mcp/server.h"
#include "nba/tools/tool_answer.h"
#include "nba/tools/tool_env.h"
#include "nlq/executor/executor.h"

namespace nba::app {

// Registers every NBA tool (src/nba/tools) on the server: schemas from schemas/, the
// annotations (read-only; open-world only for live data), and a handler that turns the
// tool's answer into an MCP result. `env` must outlive the server.
Status registerNbaTools(mcp::McpServer& server, const tools::ToolEnv& env);

// The edge every NBA tool's answer passes: its sections rendered to markdown once (closed by
// its source's notes), structured content and `_meta` as the tool wrote them, and the sections
// kept typed in `typed` for the question pipeline (toolOutcomeOf).
mcp::ToolResult toToolResult(tools::ToolAnswer answer);

// A tool result as the question pipeline takes it: the NBA tool's typed sections when its
// handler gave them, the text and structured content as they are.
nlq::ToolOutcome toolOutcomeOf(mcp::ToolResult result);

}  // namespace nba::app
