#include "app/server_builder.h"

namespace nba::app {
namespace {

constexpr char kInstructions[] =
    "nba-mcp answers NBA statistics questions: player season and career stats, league "
    "leaders, player and team comparisons, standings, team ratings, scores, head-to-head "
    "records, box scores and awards, for the 2023-24 and 2024-25 seasons and 2025-26 as "
    "recorded. Every answer names its season and the date its data is from. Use "
    "get_server_stats to see the server's health.";

mcp::TextFormat parseTextFormat(const std::string& text) {
  if (text == "json") return mcp::TextFormat::kJson;
  if (text == "both") return mcp::TextFormat::kBoth;
  return mcp::TextFormat::kMarkdown;
}

}  // namespace

Result<ServerBundle> buildServer(const Config& config) {
  mcp::ServerIdentity identity{
      "nba-mcp", "NBA Stats",  NBA_MCP_VERSION, "Fast, correct NBA statistics over MCP",
      "",        kInstructions};
  mcp::ServerOptions options;
  options.worker_threads = config.workers;
  options.max_line_bytes = config.max_message_bytes;
  options.page_size = config.page_size;
  options.text_format = parseTextFormat(config.text_format);
  options.shutdown_grace = std::chrono::milliseconds(config.shutdown_grace_ms);

  ServerBundle bundle;
  bundle.usage = std::make_unique<ToolUsage>();
  bundle.server = std::make_unique<mcp::McpServer>(identity, options);
  bundle.server->addToolMiddleware(bundle.usage->middleware());
  bundle.stats = std::make_shared<ServerStats>(*bundle.server, *bundle.usage,
                                               std::chrono::steady_clock::now());
  if (Status status = registerServerStats(*bundle.server, bundle.stats); !status.isOk()) {
    return status;
  }
  return bundle;
}

}  // namespace nba::app
