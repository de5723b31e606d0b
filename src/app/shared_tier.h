#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include "app/config.h"
#include "cache/redis_client.h"
#include "cache/redis_store.h"
#include "core/clock.h"
#include "core/status.h"
#include "ratelimit/tool_limiter.h"

namespace nba::app {

// The shared tier of issue 16: a Redis client and the cache entries and locks kept there.
struct SharedTier {
  std::unique_ptr<cache::RedisClient> client;
  std::unique_ptr<cache::RedisStore> store;  // uses client
};

// The shared tier --redis names (the password may also come from NBA_MCP_REDIS_PASSWORD), or
// null without --redis. kInvalidArgument for a URL that cannot be used. Asks Redis once, now,
// so an unreachable host or a refused password is a log line at start; the server serves
// either way (the client reconnects by itself). `clock` must outlive it.
Result<std::unique_ptr<SharedTier>> connectSharedTier(const Config& config, const Clock& clock);

// Pacing shared by every process on the shared tier's Redis (issue 16), for
// live::PolitenessOptions::shared_slot: each call reserves the next start slot, `interval`
// after the one before, by Redis's own clock (one Lua script: no two processes get one slot),
// and returns how long until it; nullopt when Redis cannot answer. `tier` must outlive it.
std::function<std::optional<std::chrono::milliseconds>()> sharedPacer(
    const SharedTier& tier, std::chrono::milliseconds interval);

// Token buckets shared per client by every process on the shared tier's Redis (issue 16), for
// ratelimit::ToolLimiter::shareWith: one Lua script per call refills by Redis's clock and takes
// a token, so processes never overshoot; nullopt when Redis cannot answer. Keys
// nba_mcp:bucket:v1:{client}:{tool} expire once their bucket would be full again. `tier` must
// outlive it.
ratelimit::SharedBucket sharedBuckets(const SharedTier& tier);

}  // namespace nba::app
