#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// A bucket kept outside the process (the shared tier's Redis, issue 16): takes one token from
// the bucket of (client, tool) that every process on it shares, `capacity` tokens refilled at
// `per_second`; nullopt when it cannot be reached (the process's own bucket then decides).
using SharedBucket = std::function<std::optional<BucketDecision>(
    std::string_view client, std::string_view tool, double capacity, double per_second)>;

// The per-tool token buckets. Every bucket is made up front, for the tools named at
// construction, so admitting a call reads an immutable map and locks only that tool's
// bucket: calls of two tools never contend. `clock` must outlive this. Thread-safe.
class ToolLimiter {
 public:
  ToolLimiter(const Clock& clock, const ToolLimits& limits, const std::vector<std::string>& tools);

  // Buckets shared per client from now on (--rate-limit-shared); call before the first admit.
  void shareWith(SharedBucket shared) { shared_ = std::move(shared); }

  // Takes a token from `tool`'s bucket (with shared buckets, `client`'s bucket of `tool`);
  // nullopt when the tool is not limited.
  std::optional<BucketDecision> admit(const std::string& tool, std::string_view client = {});
  // The limited tools' buckets now, by name.
  std::vector<ToolBucketState> states() const;

 private:
  struct Entry {
    double per_minute;
    double burst;
    std::unique_ptr<TokenBucket> bucket;
    std::unique_ptr<std::atomic<std::uint64_t>> refused;
  };
  const Clock& clock_;
  std::unordered_map<std::string, Entry> buckets_;  // fixed after construction
  SharedBucket shared_;                             // set before the first admit, or never
};

}  // namespace nba::ratelimit
