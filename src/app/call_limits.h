#pragma once

#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mcp/tool.h"
#include "ratelimit/concurrency_limit.h"
#include "ratelimit/daily_quota.h"
#include "ratelimit/tool_limiter.h"

namespace nba::app {

struct CallLimitsOptions {
  ratelimit::ToolLimits tools = ratelimit::defaultToolLimits();
  std::size_t max_concurrent_calls = 16;      // client tool calls running at once
  std::chrono::milliseconds busy_wait{1000};  // how long a call past the cap waits for a slot
  // --rate-limit-shared with --redis: each client's buckets shared by every process on the
  // shared tier; unset: each process's own.
  ratelimit::SharedBucket shared_buckets;
};

// The limits on client tool calls (DESIGN §7), as validated-stage tools/call middleware
// (mcp/server.h: a malformed call spends no token):
// * a cap on concurrent client calls: a call past it waits up to busy_wait, then is told the
//   server is busy and when to retry;
// * the tool's token bucket: a refused call is an isError naming the tool, its limit and
//   "retry in N s"; every limited tool's result carries `_meta` "dev.nbamcp/rate_limit"
//   {limit, remaining, reset_s}; the host gets a warning log when a bucket drops below 10 %;
// * the daily NBA.com quota's news (80 %, 100 %) for the host, once a day each, and the
//   client's cache hits for its accounting.
// Only client calls are limited: the question pipeline's calls are charged to
// answer_nba_question alone, and the command line (call, ask, golden) is the user's own.
// `quota` may be null (no NBA.com origin). Thread-safe.
class CallLimits {
 public:
  CallLimits(const Clock& clock, const CallLimitsOptions& options,
             const std::vector<std::string>& tools, ratelimit::DailyQuota* quota);

  mcp::ToolMiddleware middleware();
  // The limits and the accounting, for get_server_stats.
  nlohmann::json statsJson() const;
  // Each limited tool's bucket now, for the metrics.
  std::vector<ratelimit::ToolBucketState> bucketStates() const { return limiter_.states(); }

 private:
  mcp::ToolResult limited(const mcp::ToolCall& call, mcp::ToolContext& context,
                          const std::function<mcp::ToolResult()>& next);
  void tellHostOfQuota(mcp::ToolContext& context);

  const CallLimitsOptions options_;
  ratelimit::ToolLimiter limiter_;
  ratelimit::ConcurrencyLimit concurrency_;
  ratelimit::DailyQuota* quota_;
};

}  // namespace nba::app
