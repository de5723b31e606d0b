#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::cache {

// One client's row for one UTC day.
struct UsageRow {
  std::string day;
  std::string client;
  std::uint64_t requests = 0;    // NBA.com requests
  std::uint64_t cache_hits = 0;  // calls answered from the cache
};

struct UsageTake {
  bool taken = false;
  std::uint64_t day_total = 0;     // the day's requests, after this one if taken
  std::uint64_t client_total = 0;  // the client's share of them
};

// The daily NBA.com quota and the per-client accounting (DESIGN §7), in table upstream_usage
// of the cache's SQLite file, beside the cache entries: a restart keeps the counts, and every
// process on the file shares them. A take is one IMMEDIATE transaction (check and count
// together), so two processes can never both take the last request. Every statement binds
// its values. Failures (a file that cannot be opened, is corrupt, read-only or full) are
// returned as kUnavailable naming the file; the next call tries again. Thread-safe.
class UsageStore {
 public:
  // `path`: a file (its directory is created), or ":memory:".
  explicit UsageStore(std::string path, int busy_ms = 2000);
  ~UsageStore();
  UsageStore(const UsageStore&) = delete;
  UsageStore& operator=(const UsageStore&) = delete;

  Result<UsageTake> take(std::string_view day, std::string_view client, std::uint64_t limit,
                         std::optional<std::uint64_t> client_limit);
  Result<std::uint64_t> dayTotal(std::string_view day);
  Status addCacheHits(std::string_view day, std::string_view client, std::uint64_t hits);
  Result<std::vector<UsageRow>> rowsSince(std::string_view first_day);
  const std::string& path() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nba::cache
