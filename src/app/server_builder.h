#pragma once

#include <memory>

#include "app/config.h"
#include "app/server_stats.h"
#include "app/tool_usage.h"
#include "core/status.h"
#include "mcp/server.h"

namespace nba::app {

// The composition root's product: a server with every tool, resource and prompt
// registered, plus the objects they share. Members are destroyed in reverse order.
struct ServerBundle {
  std::unique_ptr<ToolUsage> usage;
  std::unique_ptr<mcp::McpServer> server;
  std::shared_ptr<ServerStats> stats;
};

Result<ServerBundle> buildServer(const Config& config);

}  // namespace nba::app
