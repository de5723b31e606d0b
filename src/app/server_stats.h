#pragma once

#include <chrono>
#include <memory>

#include "app/call_limits.h"
#include "app/server_metrics.h"
#include "app/tool_result_memo.h"
#include "core/status.h"
#include "mcp/server.h"
#include "origin/cached/caching_data_source.h"

namespace nba::app {

// get_server_stats and nba://server/stats: the process's health and usage as JSON
// (and markdown for the tool). Reads counters only; thread-safe.
class ServerStats {
 public:
  // `cache` is null when no cache stands in front of the data (snapshot, --no-cache). The
  // tools' figures come from `metrics`' registry, the one Prometheus scrapes.
  ServerStats(const mcp::McpServer& server, const ServerMetrics& metrics,
              const CachingDataSource* cache, std::chrono::steady_clock::time_point started);
  // The limits to report; before it is called (or with null) "limits" is null.
  void setLimits(const CallLimits* limits) { limits_ = limits; }
  // The tool-result memo to report; null: "memo" says it is off.
  void setMemo(const ToolResultMemo* memo) { memo_ = memo; }
  nlohmann::json snapshot() const;
  std::string markdown(const nlohmann::json& snapshot) const;

 private:
  const mcp::McpServer& server_;
  const ServerMetrics& metrics_;
  const CachingDataSource* cache_;
  const CallLimits* limits_ = nullptr;
  const ToolResultMemo* memo_ = nullptr;
  std::chrono::steady_clock::time_point started_;
};

// Registers the tool and the resource on `server`.
Status registerServerStats(mcp::McpServer& server, const std::shared_ptr<ServerStats>& stats);

}  // namespace nba::app
