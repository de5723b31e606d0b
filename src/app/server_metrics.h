#pragma once

#include <atomic>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "app/call_limits.h"
#include "cache/redis_store.h"
#include "core/clock.h"
#include "core/status.h"
#include "mcp/server.h"
#include "obs/metrics.h"
#include "origin/cached/caching_data_source.h"
#include "origin/live/http_client.h"
#include "origin/live/polite_http_client.h"
#include "ratelimit/daily_quota.h"

namespace nba::app {

// One tool's usage, as get_server_stats shows it. calls, errors and mean_ms count what clients
// (and the command line) asked for; pipeline_* the calls answer_nba_question made to answer
// them.
struct ToolUsageRow {
  std::string tool;
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
  double mean_ms = 0;
  std::uint64_t pipeline_calls = 0;
  std::uint64_t pipeline_errors = 0;
  // How the client's calls were served, by their `_meta` "dev.nbamcp/cache".
  std::uint64_t cache_hits = 0;
  std::uint64_t cache_stale = 0;
  std::uint64_t cache_misses = 0;
};

// The server's Prometheus metrics (DESIGN §8), declared in one block in server_metrics.cpp,
// recorded by tools/call middleware and an HttpClient decorator, and read from the cache, the
// limits and the quota at render time. The registry outlives every recorder. Thread-safe.
class ServerMetrics {
 public:
  ServerMetrics();

  obs::MetricsRegistry& registry() { return registry_; }
  std::string render() const { return registry_.renderPrometheus(); }

  // Counts client (and command-line) tool calls by tool and status, their time, and errors
  // by type; the question pipeline's own calls are not requests, and are counted apart.
  // Goes around validation.
  mcp::ToolMiddleware middleware(const Clock& clock);
  // Each tool's figures, by tool name, read from the registry (get_server_stats).
  std::vector<ToolUsageRow> toolUsage() const;
  // Wraps the HttpClient requests leave by: counts them by endpoint and status, times them.
  std::unique_ptr<live::HttpClient> meter(const live::HttpClient& inner, const Clock& clock);
  // Reads whichever of the cache, limits and quota exist (null: absent) at render time. Each
  // must outlive this. (The protocol's own metrics, active requests among them, are recorded
  // by the server into registry(): ServerOptions::metrics.)
  void watch(const CachingDataSource* cache, const CallLimits* limits,
             ratelimit::DailyQuota* quota);
  // Reads NBA.com's circuit breaker at render time; `upstream` and `clock` must outlive this.
  void watchCircuit(const live::PoliteHttpClient& upstream, const Clock& clock);
  // Reads the shared tier (--redis) at render time; `shared` must outlive this.
  void watchShared(const cache::RedisStore& shared);

 private:
  obs::MetricsRegistry registry_;
  obs::Family<obs::Counter>& requests_;
  obs::Family<obs::Histogram>& request_seconds_;
  obs::Family<obs::Counter>& errors_;
  obs::Family<obs::Counter>& tool_cache_;
  obs::Family<obs::Counter>& pipeline_calls_;
  obs::Family<obs::Counter>& upstream_requests_;
  obs::Family<obs::Histogram>& upstream_seconds_;

  // The series one tool's calls record into, each found in its family on first use (so a
  // series appears only once it has something to say). Building the label values and
  // looking them up in the families on every call cost ~5,000 instructions, as much as a
  // memoised tool.
  struct ToolSeries {
    std::atomic<obs::Histogram*> seconds{nullptr};
    std::atomic<obs::Counter*> ok{nullptr};
    std::atomic<obs::Counter*> error{nullptr};
  };
  ToolSeries& seriesOf(const std::string& tool);
  std::shared_mutex series_mutex_;
  std::unordered_map<std::string, std::unique_ptr<ToolSeries>> series_;  // by tool name
};

// Registers nba://server/metrics (text/plain, the Prometheus text format) on `server`.
Status registerMetricsResource(mcp::McpServer& server,
                               const std::shared_ptr<ServerMetrics>& metrics);

}  // namespace nba::app
