#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mcp/tool.h"

namespace nba::app {

// One tool's usage. calls, errors and mean_ms count what clients (and the command line)
// asked for; pipeline_* the calls answer_nba_question made to answer them.
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

// Counts calls, isError results and handler time per tool and caller, as tools/call
// middleware. Thread-safe.
class ToolUsage {
 public:
  mcp::ToolMiddleware middleware();
  std::vector<ToolUsageRow> rows() const;

 private:
  struct Totals {
    std::uint64_t calls = 0;
    std::uint64_t errors = 0;
    std::chrono::nanoseconds time{0};
    std::uint64_t pipeline_calls = 0;
    std::uint64_t pipeline_errors = 0;
    std::uint64_t cache_hits = 0;
    std::uint64_t cache_stale = 0;
    std::uint64_t cache_misses = 0;
  };
  static void countCacheState(const mcp::ToolResult& result, Totals& totals);
  mutable std::mutex mutex_;  // guards totals_
  std::map<std::string, Totals> totals_;
};

}  // namespace nba::app
