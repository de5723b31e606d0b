#include "ratelimit/tool_limiter.h"

#include <algorithm>
#include <atomic>

namespace nba::ratelimit {

ToolLimiter::ToolLimiter(const Clock& clock, const ToolLimits& limits,
                         const std::vector<std::string>& tools)
    : clock_(clock) {
  const auto now = clock.monotonicNow();
  for (const std::string& tool : tools) {
    const PerMinute per_minute = limits.limitOf(tool);
    if (!per_minute) continue;
    // The burst is a minute's worth, and at least one call: a tool limited to 0.5 a minute
    // takes one call every 2 minutes, not none.
    const double burst = std::max(1.0, *per_minute);
    buckets_.emplace(tool, Entry{*per_minute, burst,
                                 std::make_unique<TokenBucket>(burst, *per_minute / 60.0, now),
                                 std::make_unique<std::atomic<std::uint64_t>>(0)});
  }
}

std::optional<BucketDecision> ToolLimiter::admit(const std::string& tool, std::string_view client) {
  const auto found = buckets_.find(tool);
  if (found == buckets_.end()) {
    return std::nullopt;
  }
  std::optional<BucketDecision> shared;
  if (shared_) {
    shared = shared_(client, tool, found->second.burst, found->second.per_minute / 60.0);
  }
  // The process's own bucket keeps counting this process's calls (get_server_stats shows it)
  // and decides alone when the shared one cannot be reached.
  BucketDecision own = found->second.bucket->take(clock_.monotonicNow());
  BucketDecision decision = shared ? *shared : own;
  if (!decision.allowed) {
    found->second.refused->fetch_add(1, std::memory_order_relaxed);
  }
  return decision;
}

std::vector<ToolBucketState> ToolLimiter::states() const {
  std::vector<ToolBucketState> states;
  const auto now = clock_.monotonicNow();
  for (const auto& [tool, entry] : buckets_) {
    states.push_back({tool, entry.per_minute, entry.bucket->peek(now).remaining,
                      entry.refused->load(std::memory_order_relaxed)});
  }
  std::sort(states.begin(), states.end(),
            [](const ToolBucketState& a, const ToolBucketState& b) { return a.tool < b.tool; });
  return states;
}

}  // namespace nba::ratelimit
