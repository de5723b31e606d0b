// --redis as a person writes it, and what is said when it cannot be used: never the password.
#include "cache/redis_url.h"

#include <doctest/doctest.h>

namespace nba::cache {
namespace {

TEST_CASE("redis url: host, port, database and credentials") {
  auto plain = parseRedisUrl("redis://cache.internal:6380/2");
  REQUIRE(plain.ok());
  CHECK(plain->host == "cache.internal");
  CHECK(plain->port == 6380);
  CHECK(plain->db == 2);
  CHECK(plain->password.empty());
  CHECK(plain->display() == "redis://cache.internal:6380/2");

  auto bare = parseRedisUrl("redis://10.0.0.5");
  REQUIRE(bare.ok());
  CHECK(bare->port == 6379);
  CHECK(bare->db == 0);

  auto credentials = parseRedisUrl("redis://analyst:pa55:word@127.0.0.1:7000/0");
  REQUIRE(credentials.ok());
  CHECK(credentials->user == "analyst");
  CHECK(credentials->password == "pa55:word");
  CHECK(credentials->display() == "redis://analyst:***@127.0.0.1:7000/0");

  // The password alone, as Redis's default user takes it; and from NBA_MCP_REDIS_PASSWORD.
  auto password_only = parseRedisUrl("redis://:s3cret@127.0.0.1:7000");
  REQUIRE(password_only.ok());
  CHECK(password_only->user.empty());
  CHECK(password_only->password == "s3cret");
  auto from_env = parseRedisUrl("redis://127.0.0.1:7000", "fromenv");
  REQUIRE(from_env.ok());
  CHECK(from_env->password == "fromenv");
  CHECK(from_env->display() == "redis://:***@127.0.0.1:7000/0");
  // A password in the URL wins over the environment's.
  CHECK(parseRedisUrl("redis://:inurl@h:1", "fromenv")->password == "inurl");
}

TEST_CASE("redis url: what cannot be used is said with an example, without the password") {
  const auto message = [](std::string_view url) {
    auto parsed = parseRedisUrl(url);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == StatusCode::kInvalidArgument);
    CHECK(parsed.status().message().find("redis://127.0.0.1:6379/0") != std::string::npos);
    return parsed.status().message();
  };
  CHECK(message("http://127.0.0.1:6379").find("is not a redis:// URL") != std::string::npos);
  CHECK(message("127.0.0.1:6379").find("is not a redis:// URL") != std::string::npos);
  CHECK(message("redis://:6379").find("names no host") != std::string::npos);
  CHECK(message("redis://").find("names no host") != std::string::npos);
  CHECK(message("redis://h:0").find("port outside 1-65535") != std::string::npos);
  CHECK(message("redis://h:65536").find("port outside 1-65535") != std::string::npos);
  CHECK(message("redis://h:63x9").find("port outside 1-65535") != std::string::npos);
  CHECK(message("redis://h:6379/first").find("database that is not a number") != std::string::npos);
  CHECK(message("redis://h :6379").find("spaces") != std::string::npos);
  const std::string secret = message("redis://:hunter2@h:99999");
  CHECK(secret.find("hunter2") == std::string::npos);
  CHECK(secret.find("h:99999") != std::string::npos);
}

}  // namespace
}  // namespace nba::cache
