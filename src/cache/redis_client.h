#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cache/redis_url.h"
#include "core/clock.h"
#include "core/status.h"

namespace nba::cache {

struct RedisOptions {
  RedisEndpoint endpoint;
  std::chrono::milliseconds connect_timeout{250};
  // A command waits no longer: a slow Redis (≥ 1 s) must cost a call less than asking NBA.com.
  std::chrono::milliseconds command_timeout{250};
  // The breaker: after a connection fails, every command fails at once for this long, then
  // one reconnection is tried. A dead Redis costs one failed connect per period, not per call.
  std::chrono::milliseconds retry_after{2000};
  std::size_t max_idle_connections = 4;
};

// One reply, copied out of hiredis.
struct RedisReply {
  enum class Type { kNil, kInteger, kText, kArray };
  Type type = Type::kNil;
  long long integer = 0;
  std::string text;  // bulk and status strings
  std::vector<RedisReply> elements;

  bool isNil() const { return type == Type::kNil; }
};

// How the shared tier stands, for get_server_stats, metrics and the log.
enum class RedisState {
  kNotTried,  // no command yet
  kUp,
  kDown,     // unreachable, refused the credentials, or too slow: the breaker is open
  kFailing,  // reachable, but answering errors (OOM, READONLY, ...)
};
std::string_view redisStateName(RedisState state);  // "not_tried", "up", "down", "failing"

struct RedisClientStats {
  std::string endpoint;  // RedisEndpoint::display(): no password
  RedisState state = RedisState::kNotTried;
  std::string problem;  // the last failure as a person reads it; empty when up
  std::uint64_t commands = 0;
  std::uint64_t failures = 0;     // commands that failed (down, timed out, error replies)
  std::uint64_t connections = 0;  // connections made, the first included
};

// A small synchronous Redis client over hiredis, for the shared tier (issue 16).
//
// Commands run on the caller's thread on a pooled connection (AUTH and SELECT are sent on
// connect), with a connect and a command timeout. Faults are values, never waits: Redis down
// at start or mid-run, slow past the timeout, restarted, refusing the password, or answering
// errors. A connection fault opens a breaker for `retry_after`, during which commands fail
// at once (kUnavailable, naming the endpoint and the problem); the first command after it
// reconnects, so a restarted Redis is picked up by itself. Each change of state is logged
// once, never the password. Thread-safe.
class RedisClient {
 public:
  RedisClient(RedisOptions options, const Clock& clock);
  ~RedisClient();
  RedisClient(const RedisClient&) = delete;
  RedisClient& operator=(const RedisClient&) = delete;

  // Runs one command, e.g. {"SET", key, value, "PX", "5000"}. An error reply is kUnavailable
  // with Redis's message ("OOM command not allowed ...").
  Result<RedisReply> run(const std::vector<std::string_view>& args) const;

  RedisClientStats stats() const;
  const RedisEndpoint& endpoint() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nba::cache
