#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace nba::cache {

// Where the shared tier's Redis is: `redis://[user:password@]host:port/db` (DESIGN §6,
// issue 16). The password is a secret: it is never logged, and `display` leaves it out.
struct RedisEndpoint {
  std::string host = "127.0.0.1";
  int port = 6379;
  std::string user;      // empty: the default user (AUTH with the password alone)
  std::string password;  // empty: no AUTH
  int db = 0;

  // "redis://127.0.0.1:6379/0", with "user:***@" when there are credentials: for logs and stats.
  std::string display() const;
};

// Parses `url`; `password_fallback` (NBA_MCP_REDIS_PASSWORD) is used when the URL has none.
// kInvalidArgument naming --redis and an example for anything else: another scheme, no host,
// a port outside 1..65535, a database that is not a number, spaces.
Result<RedisEndpoint> parseRedisUrl(std::string_view url, std::string_view password_fallback = "");

}  // namespace nba::cache
