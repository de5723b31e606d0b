#include "app/shared_tier.h"

#include <algorithm>
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

}  // namespace

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
