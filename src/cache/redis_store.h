#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cache/redis_client.h"
#include "cache/sqlite_store.h"

namespace nba::cache {

// What the shared tier did since the process started, and how Redis stands.
struct SharedTierStats {
  RedisClientStats redis;
  std::uint64_t hits = 0;           // L1 misses answered from Redis
  std::uint64_t misses = 0;         // looked for and not there
  std::uint64_t writes = 0;         // tables written for the other processes
  std::uint64_t errors = 0;         // reads and writes that failed (Redis down, slow, erroring)
  std::uint64_t lock_waits = 0;     // misses that waited on another process's NBA.com request
  std::uint64_t lock_timeouts = 0;  // of them, given up on (the holder died or was slow)
};

// The shared tier (issue 16): cache entries in Redis under the same keys and value format as
// the SQLite store, so every server process on one Redis shares what any of them fetched, and
// a lock per key so that N processes missing one key make one NBA.com request.
//
// * An entry is one string, an envelope of the StoredEntry (byte_codec) whose key expires
//   with the entry (`SET … PX`), so Redis drops what no process may serve any more.
// * lock() is `SET key:lock token NX PX ttl`; unlock() deletes it only while it still holds
//   the caller's token (a Lua compare-and-delete), so a holder that overran its lock never
//   frees another's. A holder that dies leaves a lock that expires by itself.
// * invalidate() walks the keys with SCAN and removes them with UNLINK (never KEYS).
// * Faults never reach the caller: a read that fails is a miss, a write that fails is
//   dropped, a lock that cannot be taken says so (the caller then fetches by itself). The
//   client's breaker keeps a dead Redis from costing more than one failed connect a period.
// Thread-safe.
class RedisStore {
 public:
  explicit RedisStore(const RedisClient& client) : client_(client) {}

  std::optional<StoredEntry> get(const std::string& key) const;
  // Writes `entry` (its value packed), expiring at its keep_until; `now_ms` is wall time.
  void put(const StoredEntry& entry, std::int64_t now_ms) const;

  enum class LockState { kTaken, kHeldElsewhere, kUnavailable };
  struct Lock {
    LockState state = LockState::kUnavailable;
    std::string token;  // set when taken
  };
  Lock lock(const std::string& key, std::chrono::milliseconds ttl) const;
  void unlock(const std::string& key, const std::string& token) const;
  // True while some process holds the lock of `key` (false when Redis cannot tell).
  bool locked(const std::string& key) const;
  // For the caller's counters: a miss that waited on another process, and one given up on.
  void countLockWait(bool gave_up) const;

  // Removes the entries of request kind `kind` ("" = every kind) whose canonical parameters
  // contain `params_part` ("" = all). Returns how many; 0 when Redis cannot be reached.
  std::size_t invalidate(std::string_view kind, std::string_view params_part) const;

  SharedTierStats stats() const;

 private:
  const RedisClient& client_;
  mutable std::atomic<std::uint64_t> hits_{0}, misses_{0}, writes_{0}, errors_{0};
  mutable std::atomic<std::uint64_t> lock_waits_{0}, lock_timeouts_{0};
};

// The Redis key of `key`'s lock.
std::string lockKeyOf(std::string_view key);

}  // namespace nba::cache
