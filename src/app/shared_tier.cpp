#include "app/shared_tier.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace nba::app {

Result<std::unique_ptr<SharedTier>> connectSharedTier(const Config& config, const Clock& clock) {
  if (config.redis_url.empty()) {
    return std::unique_ptr<SharedTier>();
  }
  const char* password = std::getenv("NBA_MCP_REDIS_PASSWORD");
  auto endpoint = cache::parseRedisUrl(config.redis_url, password == nullptr ? "" : password);
  if (!endpoint.ok()) {
    return endpoint.status();
  }
  cache::RedisOptions options;
  options.endpoint = std::move(endpoint).value();
  options.connect_timeout = std::chrono::milliseconds(config.redis_timeout_ms);
  options.command_timeout = std::chrono::milliseconds(config.redis_timeout_ms);
  auto tier = std::make_unique<SharedTier>();
  tier->client = std::make_unique<cache::RedisClient>(std::move(options), clock);
  tier->store = std::make_unique<cache::RedisStore>(*tier->client);
  (void)tier->client->run({"PING"});  // a failure is logged by the client, once
  return tier;
}

namespace {

// KEYS[1]: the pacing key; ARGV[1]: the interval, ms. Returns the wait until the reserved
// slot, ms. The key expires a second after the last slot it holds.
constexpr std::string_view kPaceScript = R"lua(
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local interval = tonumber(ARGV[1])
local start = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], start + interval, 'PX', start - now + interval + 1000)
return start - now
)lua";

// KEYS[1]: the bucket; ARGV: capacity, tokens per ms. Returns {taken, tokens after (as text:
// Lua numbers reach Redis as integers), tokens before}.
constexpr std::string_view kBucketScript = R"lua(
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
if now > at then tokens = math.min(capacity, tokens + (now - at) * rate) end
local before = tokens
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / rate) + 1000)
return {taken, tostring(tokens), tostring(before)}
)lua";

std::chrono::seconds wholeSecondsAtLeastOne(double seconds) {
  return std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(seconds))));
}

}  // namespace

ratelimit::SharedBucket sharedBuckets(const SharedTier& tier) {
  return [&client = *tier.client](std::string_view who, std::string_view tool, double capacity,
                                  double per_second) -> std::optional<ratelimit::BucketDecision> {
    const std::string key =
        "nba_mcp:bucket:v1:" + std::string(who.empty() ? "unknown" : who) + ":" + std::string(tool);
    const std::string cap = std::to_string(capacity);
    const std::string rate = std::to_string(per_second / 1000.0);
    auto reply = client.run({"EVAL", kBucketScript, "1", key, cap, rate});
    if (!reply.ok() || reply->elements.size() != 3) return std::nullopt;
    const double after = std::strtod(reply->elements[1].text.c_str(), nullptr);
    const double before = std::strtod(reply->elements[2].text.c_str(), nullptr);
    ratelimit::BucketDecision decision;
    decision.allowed = reply->elements[0].integer == 1;
    decision.limit = static_cast<std::uint64_t>(capacity);
    decision.remaining = static_cast<std::uint64_t>(std::max(0.0, after));
    if (!decision.allowed) decision.retry_after = wholeSecondsAtLeastOne((1 - after) / per_second);
    decision.reset_after =
        std::chrono::seconds(static_cast<long long>(std::ceil((capacity - after) / per_second)));
    decision.dipped_low = decision.allowed && before >= capacity / 10 && after < capacity / 10;
    return decision;
  };
}

std::function<std::optional<std::chrono::milliseconds>()> sharedPacer(
    const SharedTier& tier, std::chrono::milliseconds interval) {
  return [&client = *tier.client, interval]() -> std::optional<std::chrono::milliseconds> {
    const std::string ms = std::to_string(interval.count());
    auto reply = client.run({"EVAL", kPaceScript, "1", "nba_mcp:pace:v1", ms});
    if (!reply.ok()) return std::nullopt;
    return std::chrono::milliseconds(std::max<long long>(0, reply->integer));
  };
}

}  // namespace nba::app
