#include "app/shared_tier.h"

#include <cstdlib>

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

}  // namespace nba::app
