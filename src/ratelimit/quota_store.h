#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::ratelimit {

// One client's use of NBA.com on one UTC day.
struct ClientDay {
  std::string day;               // "2026-11-30"
  std::string client;            // the host's clientInfo.name, or --client-id
  std::uint64_t upstream = 0;    // NBA.com requests its calls caused
  std::uint64_t cache_hits = 0;  // calls of its answered from the cache
};

// What a take did.
struct QuotaTake {
  bool taken = false;
  std::uint64_t used = 0;         // requests counted for the day, after this one if taken
  std::uint64_t client_used = 0;  // of them, the client's
};

// Where the daily quota and the per-client accounting are kept, so a restart does not reset
// them and processes sharing one store share one count (app keeps them in the cache's SQLite
// file). Implementations are thread-safe; errors are values.
class QuotaStore {
 public:
  virtual ~QuotaStore() = default;
  // Counts one request for `client` on `day`, atomically with the checks: not when the day's
  // total has reached `limit`, nor when the client's has reached `client_limit`.
  virtual Result<QuotaTake> take(std::string_view day, std::string_view client, std::uint64_t limit,
                                 std::optional<std::uint64_t> client_limit) = 0;
  // The day's total.
  virtual Result<std::uint64_t> used(std::string_view day) = 0;
  virtual Status addCacheHits(std::string_view day, std::string_view client,
                              std::uint64_t hits) = 0;
  // Every client's days from `first_day` on, oldest first.
  virtual Result<std::vector<ClientDay>> clientDays(std::string_view first_day) = 0;
  // Where the counts live, for get_server_stats: "memory" or the file's path.
  virtual std::string where() const = 0;
};

// A store in this process's memory: counts last until it exits.
std::unique_ptr<QuotaStore> newMemoryQuotaStore();

}  // namespace nba::ratelimit
