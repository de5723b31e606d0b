#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "ratelimit/token_bucket.h"
#include "ratelimit/tool_limits.h"

namespace nba::ratelimit {

// One tool's bucket as get_server_stats shows it.
struct ToolBucketState {
  std::string tool;
  double per_minute = 0;
  std::uint64_t remaining = 0;
  std::uint64_t refused = 0;
};

// The per-tool token buckets. Every bucket is made up front, for the tools named at
// construction, so admitting a call reads an immutable map and locks only that tool's
// bucket: calls of two tools never contend. `clock` must outlive this. Thread-safe.
class ToolLimiter {
 public:
  ToolLimiter(const Clock& clock, const ToolLimits& limits, const std::vector<std::string>& tools);

  // Takes a token from `tool`'s bucket; nullopt when the tool is not limited.
  std::optional<BucketDecision> admit(const std::string& tool);
  // The limited tools' buckets now, by name.
  std::vector<ToolBucketState> states() const;

 private:
  struct Entry {
    double per_minute;
    std::unique_ptr<TokenBucket> bucket;
    std::unique_ptr<std::atomic<std::uint64_t>> refused;
  };
  const Clock& clock_;
  std::unordered_map<std::string, Entry> buckets_;  // fixed after construction
};

}  // namespace nba::ratelimit
